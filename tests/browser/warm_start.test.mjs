// On a phone the app's downloads and a rehearsal of its start run in a worker (web/download.js,
// src/platform/web/startup.cpp): the page neither downloads nor compiles the app's code. Whatever
// happens to the worker, the app starts: a worker that cannot start, a rehearsal that fails, a
// worker that goes silent while downloading or never ends its rehearsal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, addWorkerInitScript, appState, launch, settle, startServer } from './harness.mjs';

// Opens the app on `device` (launch's options), with `prepare(b)` run first; resolves with what
// the page says of its start once it runs.
async function start(device, prepare = async () => {}) {
  const server = await startServer();
  const b = await launch({ serviceWorkers: 'block', ...device });
  try {
    await prepare(b);
    await b.page.goto(server.url);
    await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    return await b.page.evaluate(() => ({
      rehearsalEnd: document.documentElement.dataset.rehearsal,  // done, failed or late
      // The page's own requests (a worker's are in the worker's timeline).
      fetched: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)),
      rehearsal: performance.getEntriesByName('portal:rehearsal').length,
      view: window.portalTest.state().view,
      fontsRehearsed: window.portalTest.state().startup.fonts_rehearsed,  // the worker's atlas restored
      errors: null,
    })).then(async (r) => ({ ...r, errors: [...b.log.pageErrors, ...b.log.consoleErrors] }));
  } finally {
    await b.close();
    await server.stop();
  }
}

test('on a phone, a worker downloads the data and the WebAssembly and rehearses the start; the page runs it', async () => {
  const r = await start(PHONE);
  assert.equal(r.rehearsalEnd, 'done');
  assert.equal(r.rehearsal, 1);
  assert.ok(!r.fetched.includes('portal.wasm') && !r.fetched.includes('membership.json'), `the page downloaded none of them: ${r.fetched}`);
  assert.ok(r.fetched.includes('portal.js'), 'the page loads the runtime');
  assert.equal(r.fontsRehearsed, true, 'the font atlas is the one the worker built');
  assert.equal(r.view, 'tiers');
  assert.deepEqual(r.errors, []);
});

test('on a desktop with a mouse, the page downloads and starts the app at once: no worker, no rehearsal', async () => {
  const r = await start({});
  assert.equal(r.rehearsalEnd, undefined);
  assert.equal(r.rehearsal, 0);
  assert.equal(r.fontsRehearsed, false);
  assert.ok(r.fetched.includes('portal.wasm') && r.fetched.includes('membership.json'), `${r.fetched}`);
  assert.deepEqual(r.errors, []);
});

test('on a phone, a worker that cannot start: the page downloads, and the app starts without a rehearsal', async () => {
  // The file's script throws where it runs as a worker (the page's copy runs as it is).
  const r = await start(PHONE, (b) => addWorkerInitScript(b.context, 'download.js', () => {
    if (typeof WorkerGlobalScope !== 'undefined') throw new Error('refused by the test');
  }));
  assert.equal(r.rehearsalEnd, 'failed');
  assert.ok(r.fetched.includes('portal.wasm') && r.fetched.includes('membership.json'), `the page downloaded them: ${r.fetched}`);
  assert.equal(r.fontsRehearsed, false);
  assert.equal(r.view, 'tiers');
  assert.deepEqual(r.errors, []);
});

// The worker's runtime refuses to load (importScripts of portal.js throws); the worker hangs as
// it loads it, before the downloads are in (silent); or once they are in, before its rehearsal ends.
function breakWorker(how) {
  if (typeof WorkerGlobalScope === 'undefined') return;  // the page's copy of the file
  const load = self.importScripts, post = self.postMessage.bind(self);
  self.importScripts = function (url) {
    if (/portal\.js/.test(String(url))) {
      if (how === 'throw') throw new Error('refused by the test');
      if (how === 'silent') for (;;) { /* never returns */ }
    }
    return load.apply(self, arguments);
  };
  self.postMessage = function (message, transfer) {
    post(message, transfer);
    if (how === 'endless' && message && message.type === 'downloaded') for (;;) { /* a rehearsal that never ends */ }
  };
}

test('on a phone, a rehearsal that fails: the app starts all the same', async () => {
  const r = await start(PHONE, (b) => addWorkerInitScript(b.context, 'download.js', breakWorker, 'throw'));
  assert.equal(r.rehearsalEnd, 'failed');
  assert.ok(!r.fetched.includes('portal.wasm'), 'the worker\'s download was used');
  assert.equal(r.fontsRehearsed, false);
  assert.equal(r.view, 'tiers');
  assert.deepEqual(r.errors, []);
});

test('on a phone, a rehearsal that never ends: the app starts once the page stops waiting (5 s)', async () => {
  const r = await start(PHONE, (b) => addWorkerInitScript(b.context, 'download.js', breakWorker, 'endless'));
  assert.equal(r.rehearsalEnd, 'late');
  assert.ok(!r.fetched.includes('portal.wasm'), 'the worker\'s download was used');
  assert.equal(r.view, 'tiers');
  assert.deepEqual(r.errors, []);
});

test('on a phone, a worker silent while it downloads: after 10 s the page downloads, and the app starts', async () => {
  const r = await start(PHONE, (b) => addWorkerInitScript(b.context, 'download.js', breakWorker, 'silent'));
  assert.equal(r.rehearsalEnd, 'late');
  assert.ok(r.fetched.includes('portal.wasm') && r.fetched.includes('membership.json'), `the page downloaded them: ${r.fetched}`);
  assert.equal(r.view, 'tiers');
  assert.deepEqual(r.errors, []);
});

// The rehearsal's atlas reaches the page as its layout, its pixels going to the drawer as they are
// (src/platform/web/startup.cpp, phase_fonts): the canvas is the one an atlas built on the page draws.
test('on a phone, the text drawn with the rehearsal\'s atlas is the text drawn with one built on the page', async () => {
  const server = await startServer();
  const shots = {};
  try {
    for (const mode of ['rehearsed', 'built']) {
      const b = await launch({ serviceWorkers: 'block', ...PHONE });
      try {
        if (mode === 'built') await addWorkerInitScript(b.context, 'download.js', breakWorker, 'throw');
        await b.page.goto(server.url);
        await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
        await settle(b.page);
        assert.equal(await b.page.evaluate(() => window.portalTest.state().startup.fonts_rehearsed), mode === 'rehearsed');
        shots[mode] = await b.page.locator('#canvas').screenshot();
        assert.deepEqual(b.log.pageErrors, []);
        assert.deepEqual(b.log.consoleErrors, []);
      } finally {
        await b.close();
      }
    }
    assert.ok(shots.rehearsed.equals(shots.built), 'the same pixels');
  } finally {
    await server.stop();
  }
});

// The rehearsal's atlas is for the text size it rehearsed: a kiosk's larger text is built on the page.
test('on a phone in kiosk mode, the atlas is built on the page (the rehearsal\'s is of another size)', async () => {
  const server = await startServer();
  const b = await launch({ serviceWorkers: 'block', ...PHONE });
  try {
    await b.page.goto(server.url + '?kiosk=1');
    await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    const startup = await b.page.evaluate(() => window.portalTest.state().startup);
    assert.equal(await b.page.evaluate(() => document.documentElement.dataset.rehearsal), 'done');
    assert.equal(startup.fonts_rehearsed, false);
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
    await server.stop();
  }
});
