// Bad input never crashes the app and never loses what was typed: a missing, truncated or
// invalid data file, a corrupt stored draft, a huge paste with control characters, right-to-left
// text and emoji. And the dev server serves nothing outside the site.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PHONE, SITE_DIR, addWorkerInitScript, appState, click, launch, openApp, settle, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const data = readFileSync(join(SITE_DIR, 'membership.json'), 'utf8');

async function failedStart(fulfil, device = {}, file = 'membership.json') {
  const b = await launch({ serviceWorkers: 'block', ...device });
  try {
    await b.context.route(`**/${file}*`, fulfil);  // the context's: a worker's requests too
    await b.page.goto(server.url);
    await b.page.waitForSelector('html[data-app-state="failed"]', { state: 'attached', timeout: 30000 });
    const message = await b.page.locator('#status-text').innerText();
    // The static content is shown instead.
    assert.equal(await b.page.locator('#fallback-container').isVisible(), true);
    assert.match(await b.page.locator('#fallback-container').innerText(), /Associate membership — US\$2,500/);
    assert.deepEqual(b.log.pageErrors, []);
    return message;
  } finally {
    await b.close();
  }
}

test('a slow download: the static content is shown while the app loads, and hidden when it runs', async () => {
  const b = await launch({ serviceWorkers: 'block' });
  try {
    let release;
    const held = new Promise((r) => { release = r; });
    await b.page.route('**/portal.wasm*', async (route) => { await held; await route.continue(); });
    await b.page.goto(server.url);
    assert.equal(await b.page.locator('#fallback-container').isVisible(), true);  // the first paint
    await b.page.waitForSelector('html[data-slow="true"]', { state: 'attached', timeout: 10000 });
    assert.equal(await b.page.locator('#fallback-container').isVisible(), true);
    assert.match(await b.page.locator('#status-text').innerText(), /Still loading/);
    release();
    await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    assert.equal(await b.page.locator('#fallback-container').isVisible(), false);
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});

// Makes the canvases refuse the given WebGL versions, as a browser without them would: the page's
// and those handed to the drawing worker (web/draw.js).
function refuseWebGL(refused) {
  for (const kind of ['HTMLCanvasElement', 'OffscreenCanvas']) {
    const proto = globalThis[kind] && globalThis[kind].prototype;
    if (!proto) continue;
    const getContext = proto.getContext;
    proto.getContext = function (type, attrs) { return refused.includes(type) ? null : getContext.call(this, type, attrs); };
  }
}
async function withoutWebGL(b, versions) {
  await b.context.addInitScript(refuseWebGL, versions);
  await addWorkerInitScript(b.context, 'draw.js', refuseWebGL, versions);
}

// Compiled from a copy of the body instead (web/download.js): by the page on a desktop, by the
// worker on a phone (web/download.js), which then still rehearses the start.
for (const [device, options] of [['', {}], [' (a phone)', PHONE]]) {
  test(`a server that sends the .wasm with the wrong Content-Type: the app still starts${device}`, async () => {
    const b = await launch({ serviceWorkers: 'block', ...options });
    try {
      const wasm = readFileSync(join(SITE_DIR, 'portal.wasm'));
      let sent = 0;
      await b.context.route('**/portal.wasm*', (route) => { sent++; return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: wasm }); });
      await b.page.goto(server.url);
      await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
      assert.equal((await appState(b.page)).view, 'tiers');
      assert.equal(sent, 1, 'the .wasm was downloaded once');
      assert.equal(await b.page.evaluate(() => document.documentElement.dataset.rehearsal), options.isMobile ? 'done' : undefined);
      assert.deepEqual(b.log.pageErrors, []);
    } finally {
      await b.close();
    }
  });
}

test('without WebGL 2 the app runs on WebGL 1', async () => {
  const b = await launch({ serviceWorkers: 'block' });
  try {
    await withoutWebGL(b, ['webgl2']);
    await b.page.goto(server.url);
    await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    assert.equal(await b.page.evaluate(() => document.documentElement.dataset.webgl), '1');
    assert.ok((await b.page.evaluate(() => window.portalTest.widget('Choose Associate##associate'))) !== null);
    assert.deepEqual(b.log.pageErrors, []);
    assert.deepEqual(b.log.consoleErrors, []);
  } finally {
    await b.close();
  }
});

test('without WebGL: a clear message, and the static content', async () => {
  const b = await launch({ serviceWorkers: 'block' });
  try {
    await withoutWebGL(b, ['webgl2', 'webgl', 'experimental-webgl']);
    await b.page.goto(server.url);
    await b.page.waitForSelector('html[data-app-state="failed"]', { state: 'attached', timeout: 30000 });
    assert.match(await b.page.locator('#status-text').innerText(), /WebGL turned off or unavailable/);
    assert.equal(await b.page.locator('#fallback-container').isVisible(), true);
    assert.equal(await b.page.locator('#app').isVisible(), false);
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});

// On a desktop the page downloads the data; on a phone a worker does, and rehearses the start with
// it (web/download.js): the same messages either way.
for (const [device, options] of [['', {}], [' (a phone)', PHONE]]) {
  test(`a missing data file: a clear message, and the static content${device}`, async () => {
    const m = await failedStart((route) => route.fulfill({ status: 404, body: 'Not found' }), options);
    assert.match(m, /The portal could not be downloaded \(membership\.json\?v=\w+: HTTP 404\)/);
  });

  test(`a missing download script: a message naming it, and the static content${device}`, async () => {
    const m = await failedStart((route) => route.fulfill({ status: 404, body: 'Not found' }), options, 'download.js');
    assert.match(m, /The portal could not be downloaded \(download\.js\?v=\w+ could not be loaded\)/);
  });

  test(`a truncated data file: the message names the file, line and column${device}`, async () => {
    const m = await failedStart((route) => route.fulfill({ status: 200, contentType: 'application/json', body: data.slice(0, 1000) }), options);
    assert.match(m, /The portal could not start: membership\.json: line 1, column \d+: JSON syntax error/);
  });

  test(`an invalid data file: the message names the JSON path, line and column, and the expectation${device}`, async () => {
    const broken = JSON.parse(data);
    broken.schedules[1].tiers[1].annual_fee.amount = '2500';
    const m = await failedStart((route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }), options);
    assert.match(m, /membership\.json: schedules\[1\]\.tiers\[1\]\.annual_fee\.amount \(line 1, column \d+\): expected an integer, found string "2500"/);
  });
}

test('a corrupt stored draft is ignored with a notice; the app works', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await settle(b.page);
    await b.page.evaluate(() => localStorage.setItem('iiifc-portal.draft.v1', '{"format":"iiifc-draft","version":1,"profile":{"years":"x"'));
    await b.page.reload();
    await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached' });
    const s = await appState(b.page);
    assert.equal(s.notice, 1);
    await settle(b.page);  // the semantics tree follows when the first burst of frames ends
    assert.match(await b.page.locator('#semantics').textContent(), /The saved draft could not be read and was ignored/);
    assert.equal(await b.page.evaluate(() => localStorage.getItem('iiifc-portal.draft.v1')), null);
    await click(b.page, 'Choose Associate##associate');
    assert.equal((await appState(b.page)).draft.request.tier, 'associate');
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});

test('a 100 KB paste with control characters, right-to-left text and emoji: kept, flagged, no crash', async () => {
  const b = await launch();
  try {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await openApp(b.page, server.url, '#/join');
    // A real paste (Ctrl+V) into the field's DOM input, which the click on the canvas focused.
    const paste = async (t) => {
      await b.page.evaluate((v) => navigator.clipboard.writeText(v), t);
      await b.page.keyboard.press('Control+V');
      await settle(b.page);
    };
    await click(b.page, 'Institution');
    const text = 'مكتبة 📚 Library\u0007\u0001 ' + 'x'.repeat(100 * 1024);
    await paste(text);
    const institution = (await appState(b.page)).draft.request.institution;
    assert.ok(institution.startsWith('مكتبة 📚 Library'), institution.slice(0, 40));
    assert.ok(institution.length > 100 * 1024);
    await b.page.keyboard.press('Tab');
    await settle(b.page);
    // Flagged: the input is invalid and described by the message.
    const field = b.page.getByLabel('Institution', { exact: true });
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const message = await field.evaluate((e) => document.getElementById(e.getAttribute('aria-describedby')).textContent);
    assert.match(message, /Institution is too long: \d+ characters, at most 200\./);
    // A 1 MB paste is cut to 1 MB by the page, and the app still answers.
    await click(b.page, 'Message');
    await paste('y'.repeat(1100000));
    assert.equal((await appState(b.page)).draft.request.message.length, 1048576);
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});

function rawGet(path) {
  return new Promise((resolve, reject) => {
    const u = new URL(server.url);
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the dev server: loopback only, wasm MIME type, CSP header, nothing outside the site', async () => {
  assert.equal(new URL(server.url).hostname, '127.0.0.1');
  const wasm = await rawGet('/portal.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.match(wasm.headers['content-security-policy'], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd',
                      '/%2e%2e%5c%2e%2e%5cetc%5cpasswd', '/icons/../../CMakeCache.txt', '/%00']) {
    const r = await rawGet(path);
    assert.ok(r.status === 403 || r.status === 404, `${path}: ${r.status}`);
    assert.doesNotMatch(r.body, /root:/);
  }
});
