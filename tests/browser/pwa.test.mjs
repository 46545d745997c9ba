// Offline and install: the manifest and service worker make the app installable; once visited
// it starts with the server gone, with its data and the saved draft, and within 3 s on a network
// that connects but never answers; a new deployment is offered as "A new version is available —
// Reload" and, once accepted, runs with no file of the old one.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ARTIFACTS, SITE_DIR, appState, click, launch, openApp, plainStaticHost, settle, startServer } from './harness.mjs';

let dir;
before(() => { dir = mkdtempSync(join(tmpdir(), 'iiifc-site-')); cpSync(SITE_DIR, dir, { recursive: true }); });
after(() => rmSync(dir, { recursive: true, force: true }));

const versionOf = (d) => JSON.parse(readFileSync(join(d, 'build-info.json'), 'utf8')).version;

// A new deployment: the same files under a new content hash, as the build would produce it.
function deployNewVersion(d, newVersion) {
  const old = versionOf(d);
  for (const f of ['index.html', 'sw.js', 'build-info.json']) {
    writeFileSync(join(d, f), readFileSync(join(d, f), 'utf8').replaceAll(old, newVersion));
  }
}

test('installable: the manifest parses and Chromium reports no installability errors', async () => {
  const server = await startServer(dir);
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await b.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    // Linked by the page once the app has started (web/app.js, linkManifest), not in its HTML.
    assert.doesNotMatch(readFileSync(join(dir, 'index.html'), 'utf8'), /rel="manifest"/);
    assert.equal(await b.page.evaluate(() => document.querySelectorAll('link[rel="manifest"]').length), 1);
    const cdp = await b.context.newCDPSession(b.page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    assert.ok(manifest.url.endsWith('/manifest.webmanifest'));
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.display, 'standalone');
    assert.deepEqual(parsed.icons.map((i) => `${i.sizes} ${i.purpose}`), ['192x192 any', '512x512 any', '512x512 maskable']);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally {
    await b.close();
    await server.stop();
  }
});

// Installing is offered once the app works offline: the manifest is linked when the service
// worker has cached every file, not as the app shows (web/app.js, linkManifest).
test('the manifest is linked once the service worker has cached the files', async () => {
  const HELD = 'icons/maskable-512.png';  // asked for by the worker's precaching only
  let release;
  const released = new Promise((r) => { release = r; });
  const host = await plainStaticHost(dir, '/', (rel, res) => {
    if (rel !== HELD) return false;
    released.then(() => { res.writeHead(200, { 'Content-Type': 'image/png' }); res.end(readFileSync(join(dir, rel))); });
    return true;
  });
  const b = await launch();
  const manifests = () => b.page.evaluate(() => document.querySelectorAll('link[rel="manifest"]').length);
  try {
    await openApp(b.page, host.url);
    const deadline = Date.now() + 30000;
    while (!host.requests.includes(`/${HELD}`)) {
      assert.ok(Date.now() < deadline, 'the service worker never asked for the held file');
      await b.page.waitForTimeout(50);
    }
    await b.page.waitForTimeout(300);
    assert.equal(await b.page.evaluate(() => document.documentElement.dataset.serviceWorker), 'registered');
    assert.equal(await manifests(), 0, 'no manifest while the worker caches the files');
    release();
    await b.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await b.page.waitForFunction(() => document.querySelectorAll('link[rel="manifest"]').length === 1, null, { timeout: 5000 });
  } finally {
    release();
    await b.close();
    await host.stop();
  }
});

test('offline: after one visit the app starts with the server stopped, with its data and the draft', async () => {
  let server = await startServer(dir);
  const port = server.port;
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page, server.url, '#/join');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await click(page, 'Institution');
    await page.keyboard.type('Offline Archive');
    await settle(page);
    assert.equal((await appState(page)).draft.request.institution, 'Offline Archive');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.storagePersisted !== undefined), true);

    await server.stop();
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    const s = await appState(page);
    assert.equal(s.view, 'join');
    assert.equal(s.draft.request.institution, 'Offline Archive');
    assert.ok((await page.evaluate(() => window.portalTest.widget('Choose Associate##associate'))) === null);  // join view
    await page.screenshot({ path: join(ARTIFACTS, 'offline-join.png') });
    assert.deepEqual(b.log.pageErrors, []);

    // Back online, a new deployment: offered inside the app, applied once accepted.
    server = await startServer(dir, port);
    const oldVersion = versionOf(dir);
    const newVersion = 'f'.repeat(16);
    deployNewVersion(dir, newVersion);
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    await page.waitForSelector('html[data-update="available"]', { state: 'attached', timeout: 30000 });
    await settle(page);
    const before = b.log.requests.length;
    await Promise.all([page.waitForEvent('load', { timeout: 30000 }), click(page, 'Reload')]);
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.version), newVersion);
    const versioned = b.log.requests.slice(before).filter((u) => /portal\.(js|wasm)|membership\.json|app\.(js|css)/.test(u));
    assert.ok(versioned.length >= 3, versioned.join('\n'));
    for (const u of versioned) assert.equal(new URL(u).searchParams.get('v'), newVersion, `${u} is not of the new version`);
    assert.notEqual(oldVersion, newVersion);
    const caches = await page.evaluate(async () => (await caches.keys()).sort());
    assert.deepEqual(caches, [`iiifc-portal-${newVersion}`]);
    assert.equal((await appState(page)).draft.request.institution, 'Offline Archive');
  } finally {
    await b.close();
    await server.stop();  // also when an assertion failed: a running server keeps the test file alive
  }
});

// Views are changed through the address (back/forward's path), as the click helper scrolls the
// page for widgets near the top.
async function view(page, fragment) {
  await page.evaluate((f) => { window.location.hash = f; }, fragment);
  await page.waitForFunction((v) => window.portalTest.state().view === v, fragment.slice(2) || 'tiers');
  await settle(page);
}

async function typeIntoJoin(page, label, text) {
  await view(page, '#/join');
  await click(page, label);
  await page.keyboard.type(text);
  await settle(page);
  await view(page, '#/tiers');
}

// Lie-fi: a server that accepts every connection and never sends a byte.
function hangingServer(port) {
  return new Promise((resolve, reject) => {
    const sockets = new Set();
    const server = createServer((socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({
      connections: () => sockets.size,
      stop: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(r); }),
    }));
  });
}

test('lie-fi: with the server accepting and never answering, the installed app is usable within 3 s; a fee published meanwhile arrives once it answers', async () => {
  let server = await startServer(dir);
  const port = server.port;
  const b = await launch();
  const { page } = b;
  const said = () => page.locator('#semantics').textContent();
  try {
    await openApp(page, server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    assert.match(await said(), /US\$2,500/);
    await server.stop();
    const hanging = await hangingServer(port);
    try {
      const started = Date.now();
      await page.reload({ waitUntil: 'commit', timeout: 10000 });
      await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 10000 });
      const readyMs = Date.now() - started;
      await click(page, 'Choose Associate##associate');  // usable: it answers
      assert.equal((await appState(page)).draft.request.tier, 'associate');
      console.log(`lie-fi: the app was ready ${readyMs} ms after the reload (a shared machine: noisy)`);
      assert.ok(readyMs <= 3000, `ready after ${readyMs} ms`);
      assert.ok(hanging.connections() >= 1, 'the page did ask the network');
      assert.match(await said(), /US\$2,500/);  // this version's data, from the cache
    } finally {
      await hanging.stop();
    }

    // Meanwhile the consortium publishes a new fee; the server answers again.
    const data = JSON.parse(readFileSync(join(dir, 'membership.json'), 'utf8'));
    data.schedules.at(-1).tiers.find((t) => t.id === 'associate').annual_fee.amount = 270000;  // the schedule in force
    writeFileSync(join(dir, 'membership.json'), JSON.stringify(data));
    await typeIntoJoin(page, 'Institution', 'Conference Stand Library');
    server = await startServer(dir, port);
    // The running app gets it quietly (the worker asks again every 5 s), the draft untouched...
    await page.waitForFunction(() => /US\$2,700/.test(document.getElementById('semantics').textContent), null, { timeout: 20000 });
    assert.equal((await appState(page)).draft.request.institution, 'Conference Stand Library');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.update), undefined);  // data is no new version
    // ... and so does the next start.
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    await settle(page);
    assert.match(await said(), /US\$2,700/);
    assert.doesNotMatch(await said(), /US\$2,500/);
    assert.equal((await appState(page)).draft.request.institution, 'Conference Stand Library');
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
    await server.stop();
  }
});
