// Deploying under a sub-path of a plain static host: the built site copied to
// /community/consortium/portal/ of a server that only maps extensions to types (no custom
// headers, no rewrites, no compression) works: the app, its service worker (scoped to the
// sub-path), an offline start, deep links; nothing is asked for outside the sub-path. The page
// carries a title, a description and an Open Graph image for link previews. (The schedule in force
// on fixed dates: schedules.test.mjs.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SITE_DIR, appState, launch, openApp, plainStaticHost } from './harness.mjs';

const BASE = '/community/consortium/portal/';
let host;
const plainHost = () => plainStaticHost(SITE_DIR, BASE);
before(async () => { host = await plainHost(); });
after(async () => { await host?.stop(); });

test('from a sub-path: app, service worker, deep link and offline start; nothing outside the sub-path', async () => {
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page, host.url, '#/members');
    assert.equal((await appState(page)).view, 'members');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, host.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await openApp(page, host.url, '#/governance');
    assert.equal((await appState(page)).view, 'governance');
    assert.deepEqual(host.requests.filter((p) => !p.startsWith(BASE)), []);

    await host.stop();
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    assert.equal((await appState(page)).view, 'governance');
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
    host = await plainHost();
  }
});

test('link previews: title, description and an Open Graph image that the host serves', async () => {
  const html = await (await fetch(host.url)).text();
  const meta = (attr, name) => html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`))?.[1];
  const title = html.match(/<title>([^<]+)<\/title>/)[1];
  assert.equal(title, 'Join the IIIF Consortium: membership tiers, costs and governance');
  assert.equal(meta('property', 'og:title'), title);
  assert.equal(meta('property', 'og:description'), meta('name', 'description'));
  assert.ok(meta('name', 'description').length > 50);
  assert.equal(meta('property', 'og:image'), 'og-image.png');
  assert.equal(meta('name', 'twitter:card'), 'summary_large_image');
  const image = await fetch(new URL(meta('property', 'og:image'), host.url));
  assert.equal(image.status, 200);
  const png = Buffer.from(await image.arrayBuffer());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);  // IHDR width, height
  assert.equal(meta('property', 'og:image:width'), '1200');
  // Only for link previews: not precached by the service worker.
  assert.ok(!JSON.parse(readFileSync(join(SITE_DIR, 'build-info.json'), 'utf8')).files.includes('og-image.png'));
});

test('without JavaScript, the page built today (after 2026-01-01) shows the 2026 schedule, with no past-fees warning', async () => {
  const b = await launch({ javaScriptEnabled: false });
  try {
    await b.page.goto(host.url);
    const text = await b.page.locator('#fallback').innerText();
    assert.ok(text.includes('Champion membership — US$16,000'));
    assert.ok(text.includes('Full membership — US$8,000'));
    assert.ok(text.includes('staff@iiif.io'));
    assert.ok(!text.includes('These fees applied'));
  } finally {
    await b.close();
  }
});
