// Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (no browser of Puppeteer's own),
// in a real window on the desktop `env` (desktop.mjs): headless Firefox has no WebGL here, and the
// page then shows its no-JavaScript content. The page is given the shape of Playwright's that the
// shared tests use (only waitForFunction takes its arguments in another order).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const FIREFOX = '/usr/bin/firefox-esr';

export async function launchFirefox(env, { width = 1280, height = 800, prefs = {} } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'iiifc-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: false, env, userDataDir: profile,
    defaultViewport: { width, height }, extraPrefsFirefox: prefs, args: [`--width=${width}`, `--height=${height}`], timeout: 60000,
  });
  const ff = (await browser.pages())[0] || (await browser.newPage());
  const page = {
    goto: (url) => ff.goto(url, { waitUntil: 'load', timeout: 60000 }),
    evaluate: (fn, arg) => ff.evaluate(fn, arg),
    waitForFunction: (fn, arg, { timeout = 30000 } = {}) => ff.waitForFunction(fn, { timeout, polling: 50 }, arg),
    // A key or a chord as Playwright names them ('Shift+ArrowLeft', 'Control+c'): the modifiers held around the last key.
    keyboard: {
      async press(chord) {
        const keys = chord.split(/\+(?=.)/), key = keys.pop();
        for (const k of keys) await ff.keyboard.down(k);
        await ff.keyboard.press(key);
        for (const k of keys.reverse()) await ff.keyboard.up(k);
      },
      type: (text) => ff.keyboard.type(text),
    },
    mouse: {
      click: (x, y, { clickCount = 1 } = {}) => ff.mouse.click(x, y, { count: clickCount }),
      move: (x, y, { steps = 1 } = {}) => ff.mouse.move(x, y, { steps }),
      down: () => ff.mouse.down(),
      up: () => ff.mouse.up(),
    },
    screenshot: async () => Buffer.from(await ff.screenshot()),
  };
  // The engine's print to PDF (BiDi's browsingContext.print): the page laid out for print media.
  const printPdf = async () => Buffer.from(await ff.pdf({ format: 'A4' }));
  // The engine's own accessibility tree (WebDriver BiDi's accessibility locator, through
  // Puppeteer's ARIA query): for each [role, name], keyOf(element) of the first element inside
  // the one `selector` matches that has that role and name, or null. The queries run together.
  const findAccessible = async (selector, queries, keyOf) => {
    const quote = (t) => `"${t.replace(/["\\]/g, '\\$&')}"`;
    const root = await ff.$(selector);
    return Promise.all(queries.map(async ([role, name]) => {
      const hit = await root.$(`::-p-aria([name=${quote(name)}][role=${quote(role)}])`);
      return hit ? hit.evaluate(keyOf) : null;
    }));
  };
  const close = async () => {
    await browser.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, printPdf, version: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`, findAccessible, close };
}
