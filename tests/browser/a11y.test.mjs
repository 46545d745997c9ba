// Accessibility: the page without JavaScript shows every tier and fee; axe-core finds no
// violations on the running app or on the fallback; the semantics tree follows the view; and the
// whole flow reaches a valid mailto: with the keyboard alone. (semantics.test.mjs has the rest.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { appState, launch, openApp, settle, startServer } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

// Polls until fn() is truthy (the app handles input over a few frames, paced with software GL).
async function until(fn, what, timeout = 10000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`timed out: ${what}`);
}

async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('without JavaScript the page shows every tier, fee, condition, the TRC rule and the address', async () => {
  const b = await launch({ javaScriptEnabled: false });
  try {
    await b.page.goto(server.url);
    const main = b.page.locator('#fallback-container');
    assert.equal(await main.isVisible(), true);
    const text = await main.innerText();
    assert.match(text, /Full membership – US\$10,000 annual sustaining contribution/);
    assert.match(text, /Associate membership – US\$2,500 annual sustaining contribution/);
    assert.match(text, /Only full members are eligible for voting rights on the Executive Committee\./);
    assert.match(text, /A limit of three seats on the Executive Committee may be held by commercial organisations\./);
    assert.match(text, /up to 1\/2 of the number of associate member institutions, rounding up, may be elected/);
    assert.match(text, /To join the IIIF Consortium, send an email to admin@iiif\.io\./);
    assert.equal(await b.page.locator('#fallback-container table tbody tr').count(), 7);
  } finally {
    await b.close();
  }
});

test('axe-core: no violations on the fallback page', async () => {
  const b = await launch({ javaScriptEnabled: true, bypassCSP: true });
  try {
    // A browser without WebAssembly: the loader says so and the static page is shown.
    await b.context.addInitScript(() => { delete window.WebAssembly; });
    await b.page.goto(server.url);
    await b.page.waitForSelector('html[data-app-state="failed"]', { state: 'attached' });
    assert.match(await b.page.locator('#status').innerText(), /cannot run WebAssembly/);
    assert.equal(await b.page.locator('#fallback-container').isVisible(), true);
    assert.deepEqual(await axeViolations(b.page), []);
  } finally {
    await b.close();
  }
});

test('axe-core: no violations with the app running; the semantics tree follows the view', async () => {
  const b = await launch({ bypassCSP: true });
  try {
    await openApp(b.page, server.url, '#/governance?tier=associate&type=museum');
    await settle(b.page);
    const app = b.page.getByRole('main', { name: 'IIIF Consortium membership portal' });
    await app.getByRole('heading', { level: 2, name: 'Your say in how IIIF is run' }).waitFor({ state: 'attached' });  // the heading the canvas shows
    const table = app.getByRole('table', { name: 'Associate membership, Museum' });
    const row = table.getByRole('row').filter({ has: b.page.getByRole('rowheader', { name: 'Vote in Executive Committee elections' }) });
    assert.match(await row.textContent(), /Vote in Executive Committee elections.*No.*Only full members are eligible for voting rights/);
    assert.deepEqual(await axeViolations(b.page), []);
  } finally {
    await b.close();
  }
});

test('keyboard only: from a deep link to a valid mailto: without one mouse event', async () => {
  const b = await launch();
  const { page } = b;
  try {
    await page.addInitScript(() => {
      window.__mouseEvents = 0;
      for (const t of ['mousedown', 'mouseup', 'pointerdown', 'touchstart']) {
        window.addEventListener(t, (e) => { if (e.isTrusted) window.__mouseEvents++; }, true);
      }
    });
    await openApp(page, server.url, '#/join?tier=associate&type=museum');
    await settle(page);
    // The focused DOM control's name, and the widget the app has its keyboard focus on: one focus.
    const domFocus = () => page.evaluate(() => {
      const a = document.activeElement;
      if (!a || !a.closest('#semantics')) return null;
      return a.labels && a.labels[0] ? a.labels[0].textContent : a.textContent;
    });
    const appFocus = async () => (await appState(page)).focus.split('##')[0];
    const press = async (key) => { await page.keyboard.press(key); await settle(page); };
    // Tab moves through every control in reading order; the required fields are typed into.
    const typed = { 'Institution': 'Keyboard Museum', 'Country': 'Norway',
                    'Contact name': 'Kari Nordmann', 'Contact email': 'kari@example.org' };
    for (let i = 0; i < 40 && (await domFocus()) !== 'Copy request'; i++) {
      await press('Tab');
      const f = await domFocus();
      await until(async () => (await appFocus()) === f, `the app focuses "${f}", the control the page focuses`);
      if (typed[f]) { await page.keyboard.type(typed[f]); await settle(page); delete typed[f]; }
    }
    assert.deepEqual(Object.keys(typed), [], 'every required field was reached with Tab');
    // The arrow keys on a button move the app's navigation, and the page's focus follows it:
    // left along the row of actions to the send button, and Enter.
    assert.equal(await domFocus(), 'Copy request');
    await press('ArrowLeft');
    await until(async () => (await domFocus()) === 'Open in my email program', 'the page\'s focus follows the app\'s');
    assert.equal(await appFocus(), 'Open in my email program');
    await press('Enter');
    const mailto = await page.evaluate(() => window.__mailto || []);
    assert.equal(mailto.length, 1);
    assert.match(decodeURIComponent(mailto[0]), /Institution: Keyboard Museum\r\n/);
    assert.match(decodeURIComponent(mailto[0]), /Contact email: kari@example\.org\r\n/);
    assert.equal(await page.evaluate(() => window.__mouseEvents), 0);
  } finally {
    await b.close();
  }
});
