// Publishing by data alone (scripts/publish.sh): a copy of the data with a new fee and a reworded
// benefit is published into a copy of the site; the app's DOM, the no-JavaScript page and the CLI
// then say the same new thing, the service worker's version changes (installed copies are offered
// the update), and the built app is reused, not rebuilt. Errors and a missing build write nothing.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { SITE_DIR, SOURCE_DIR, launch, openApp, plainStaticHost, startServer } from './harness.mjs';

const BUILD_DIR = dirname(SITE_DIR);
const APP_DIR = join(BUILD_DIR, 'src', 'platform', 'web');
const publish = (...args) => spawnSync('bash', [join(SOURCE_DIR, 'scripts', 'publish.sh'), '--build', BUILD_DIR, ...args], { encoding: 'utf8' });
const versionOf = (site) => JSON.parse(readFileSync(join(site, 'build-info.json'), 'utf8')).version;

let dir, site, data, published;
const wasmBefore = statSync(join(APP_DIR, 'portal.wasm')).mtimeMs;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'iiifc-publish-'));
  site = join(dir, 'site');
  cpSync(SITE_DIR, site, { recursive: true });
  // The edits a maintainer makes to the schedule in force (2026's): the Full fee, and a benefit's row label and wording.
  const text = readFileSync(join(SOURCE_DIR, 'assets', 'membership.json'), 'utf8');
  const edited = text
    .replace('"amount": 800000,', '"amount": 1200000,')
    .replace('"label": "Discounts on quarterly trainings"', '"label": "Discounts on IIIF quarterly trainings"')
    .replace('"text": "Training discounts for quarterly trainings"', '"text": "Half-price IIIF quarterly trainings"');
  assert.notEqual(edited, text);
  data = join(dir, 'membership.json');
  writeFileSync(data, edited);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('publish: says what changes, lays out the site around the same app, in seconds', () => {
  const oldVersion = versionOf(site);
  const t0 = Date.now();
  published = publish('--data', data, '--out', site, '--site-url', 'https://iiif.example/community/consortium/portal');
  const seconds = (Date.now() - t0) / 1000;
  assert.equal(published.status, 0, published.stderr + published.stdout);
  const out = published.stdout;
  assert.match(out, /^Fee of Full membership: US\$8,000 -> US\$12,000$/m);
  assert.match(out, /^Benefit of Full membership reworded: "Training discounts for quarterly trainings" -> "Half-price IIIF quarterly trainings"$/m);
  assert.match(out, /== published version [0-9a-f]{16} to .* in \d+\.\d s \(nothing compiled\)/);
  console.log(`publish took ${seconds.toFixed(1)} s (shared machine: noisy)`);
  assert.ok(seconds < 60, `${seconds} s`);
  // The app is the one already built: not rebuilt, copied byte for byte.
  assert.equal(statSync(join(APP_DIR, 'portal.wasm')).mtimeMs, wasmBefore);
  assert.ok(readFileSync(join(site, 'portal.wasm')).equals(readFileSync(join(APP_DIR, 'portal.wasm'))));
  // A new version: the worker's cache name and file list change, so installed copies offer the update.
  const newVersion = versionOf(site);
  assert.notEqual(newVersion, oldVersion);
  assert.match(readFileSync(join(site, 'sw.js'), 'utf8'), new RegExp(`const VERSION\\s*=\\s*"${newVersion}"`));
});

test('after publishing, the no-JavaScript page, the CLI and the app (DOM) show the new values', async () => {
  assert.ok(published, 'publish ran');
  const page = readFileSync(join(site, 'index.html'), 'utf8');
  assert.ok(page.includes('Full membership — US$12,000 annual sustaining contribution'));
  assert.ok(page.includes('<li>Half-price IIIF quarterly trainings</li>'));
  assert.ok(page.includes('<th scope="row">◆ Discounts on IIIF quarterly trainings</th>'));
  assert.ok(!page.includes('US$8,000'));
  // Link previews point at the address given to --site-url.
  assert.ok(page.includes('<meta property="og:image" content="https://iiif.example/community/consortium/portal/og-image.png">'));
  assert.ok(page.includes('<meta property="og:url" content="https://iiif.example/community/consortium/portal/">'));

  const cli = (...args) => execFileSync(process.execPath, ['--no-experimental-fetch', join(APP_DIR, 'iiifc-portal-node.js'), ...args,
    '--data', join(site, 'membership.json')], { encoding: 'utf8' });
  assert.match(cli('compare'), /^Annual contribution\s+US\$16,000\s+US\$12,000\s+US\$2,500\s*$/m);
  assert.ok(cli('summary', '--tier', 'full').includes('<li>Half-price IIIF quarterly trainings</li>'));

  const server = await startServer(site);
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await b.page.waitForFunction(() => (document.getElementById('semantics')?.textContent || '').includes('US$12,000'), null, { timeout: 10000 });
    const said = await b.page.locator('#semantics').textContent();
    assert.ok(said.includes('Discounts on IIIF quarterly trainings'));
    assert.ok(!said.includes('US$8,000'));
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('a data error publishes nothing, and names the file, the JSON path, the line and the column', () => {
  const before = readFileSync(join(site, 'index.html'));
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, readFileSync(data, 'utf8').replace('"amount": 1200000,', '"amount": "12000",'));
  const r = publish('--data', broken, '--out', site);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: schedules\\[1\\]\\.tiers\\[1\\]\\.annual_fee\\.amount \\(line \\d+, column \\d+\\): expected an integer, found string "12000"`));
  assert.match(r.stderr, /nothing was published/);
  assert.ok(readFileSync(join(site, 'index.html')).equals(before));
});

test('without a web build, publish says which command builds one', () => {
  const r = spawnSync('bash', [join(SOURCE_DIR, 'scripts', 'publish.sh'), '--build', join(dir, 'no-build'), '--data', data], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no web build in .*no-build/);
  assert.match(r.stderr, /cmake --build --preset web/);
});

test('an installed copy is offered the published data through the usual update prompt', async () => {
  const live = join(dir, 'live');
  cpSync(SITE_DIR, live, { recursive: true });
  const host = await plainStaticHost(live, '/portal/');
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page, host.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const r = publish('--data', data, '--out', live);
    assert.equal(r.status, 0, r.stderr);
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    await page.waitForSelector('html[data-update="available"]', { state: 'attached', timeout: 30000 });
    // The published site runs the release app (no window.portalTest): the banner's button is
    // reached as a keyboard user does, through its DOM control.
    const reload = page.locator('#semantics').getByRole('button', { name: 'Reload', exact: true });
    await reload.focus();
    await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.keyboard.press('Enter')]);
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.version), versionOf(live));
    await page.waitForFunction(() => (document.getElementById('semantics')?.textContent || '').includes('US$12,000'), null, { timeout: 10000 });
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
    await host.stop();
  }
});
