// The build's first real pixels: the app loads, signals ready after its first frame, draws the
// real tiers from the data, logs no errors, and requests nothing from any other origin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { ARTIFACTS, appState, launch, nonBackgroundShare, openApp, sameOrigin, startServer, widget } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch({ viewport: { width: 1280, height: 800 } }); });
after(async () => { await browser?.close(); await server?.stop(); });

test('the app loads, becomes ready and draws the tiers', async () => {
  const { page, log } = browser;
  await openApp(page, server.url);
  const state = await appState(page);
  assert.equal(state.view, 'tiers');
  assert.ok(state.frames >= 1);
  assert.ok(['1', '2'].includes(await page.evaluate(() => document.documentElement.dataset.webgl)));

  // The comparison's "Choose" buttons exist for exactly the data's tiers.
  assert.ok((await widget(page, 'Choose Associate##associate')).w > 0);
  assert.ok((await widget(page, '\u2713 Champion chosen##champion')).w > 0);  // 2026: the first tier, chosen by default

  // The canvas is not blank: its pixels are not all the clear colour.
  const shot = await page.locator('#canvas').screenshot({ path: join(ARTIFACTS, 'smoke-1280x800.png') });
  const distinct = nonBackgroundShare(shot);
  assert.ok(distinct > 0.02, `only ${(distinct * 100).toFixed(2)}% of pixels differ from the background`);

  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(sameOrigin(log.requests, server.url), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations || []), []);
});

test('the static fallback is in the page, hidden once the app runs', async () => {
  const { page } = browser;
  const text = await page.locator('#fallback-container').textContent();
  assert.match(text, /Full membership — US\$8,000 annual sustaining contribution/);  // built after 2026-01-01
  assert.match(text, /Associate membership — US\$2,500 annual sustaining contribution/);
  assert.match(text, /staff@iiif\.io/);
  assert.equal(await page.locator('#fallback-container').isVisible(), false);
});
