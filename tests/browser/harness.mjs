// Shared set-up for the browser tests: serves the built site on a free loopback port, launches
// Debian's Chromium through playwright-core (never a downloaded browser), and records console
// errors, page errors, CSP violations and every request, so each test can assert on them.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { after } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = process.env.IIIFC_SOURCE_DIR || resolve(here, '..', '..');
export const SITE_DIR = process.env.IIIFC_WEB_DIR || join(SOURCE_DIR, 'build', 'web', 'site');
// The Dear ImGui sources the build compiled (its IMGUI_DIR).
export const IMGUI_DIR = process.env.IIIFC_IMGUI_DIR || join(SOURCE_DIR, '.deps', 'imgui');
export const ARTIFACTS = join(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--disable-default-apps', '--disable-extensions',
];

// A phone: where the app's downloads and a rehearsal of its start run in a worker (web/download.js)
// and each phase of its start is a task of its own. A desktop with a mouse is launch()'s default.
export const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

// Runs fn(arg) first in every worker whose script's file is `file` (web/draw.js: the app's
// drawing), as addInitScript does in pages: the worker's script comes with the call put in front.
export async function addWorkerInitScript(context, file, fn, arg) {
  await context.route((url) => url.pathname.endsWith(`/${file}`), async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-encoding'];  // the body is sent as read: decoded
    delete headers['content-length'];
    await route.fulfill({ status: response.status(), headers, body: `(${fn})(${JSON.stringify(arg)});\n${await response.text()}` });
  });
}

// Starts scripts/serve.mjs for `dir` on `port` (0: a free one); resolves { url, port, stop }.
export function startServer(dir = SITE_DIR, port = 0) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(SOURCE_DIR, 'scripts', 'serve.mjs'), '--dir', dir, '--port', String(port), '--quiet'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Open (http:\/\/127\.0\.0\.1:\d+\/)/);
      // stop() may be called again (a test's `finally`): it resolves at once once the server is gone.
      const stop = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve()
        : new Promise((r) => { child.once('exit', r); child.kill(); }));
      if (m) resolvePromise({ url: m[1], port: Number(new URL(m[1]).port), stop });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

// Browsers a failed test left open are closed once the file's tests are done: an open browser
// would keep the test process (and CI) waiting forever. Only under the test runner: the benchmark
// imports this file too, and a hook outside the runner would make it print a test report.
const openBrowsers = new Set();
if (process.env.NODE_TEST_CONTEXT) {
  after(async () => {
    for (const close of [...openBrowsers]) await close().catch(() => {});
  });
}

// A persistent Chromium profile in a fresh folder (service workers need one that lasts the test),
// or in options.profile, which is kept when the browser closes (a restart of the same browser).
// options.args: Chromium's switches beyond CHROMIUM_ARGS. options.env: a desktop's environment
// (desktop.mjs) to open a real window in, with software WebGL, instead of running headless;
// options.viewport null there: the page is the window's own size.
export async function launch(options = {}) {
  const profile = options.profile || mkdtempSync(join(tmpdir(), 'iiifc-chromium-'));
  const headless = !options.env;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: headless ? [...CHROMIUM_ARGS, ...(options.args || [])]
      : [...CHROMIUM_ARGS.filter((a) => a !== '--headless=new' && a !== '--disable-gpu'), '--ignore-gpu-blocklist', ...(options.args || [])],
    headless,
    env: options.env,
    ...(options.viewport === null ? { viewport: null } : {
      viewport: options.viewport || { width: 1280, height: 800 },
      deviceScaleFactor: options.deviceScaleFactor || 1,
      hasTouch: !!options.hasTouch,
      isMobile: !!options.isMobile,
    }),
    javaScriptEnabled: options.javaScriptEnabled !== false,
    acceptDownloads: true,
    colorScheme: options.colorScheme || 'light',
    reducedMotion: options.reducedMotion || 'no-preference',
    serviceWorkers: options.serviceWorkers || 'allow',
  });
  const page = context.pages()[0] || (await context.newPage());
  const log = { consoleErrors: [], pageErrors: [], requests: [], cspViolations: [] };
  const watch = (p) => {
    p.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
    p.on('pageerror', (e) => log.pageErrors.push(String(e)));
    // The page's workers (the app's drawing, web/draw.js): their errors are the page's.
    p.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(`${w.url()}: ${m.text()}`); }));
  };
  watch(page);
  context.on('page', watch);
  context.on('request', (r) => log.requests.push(r.url()));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations = window.__cspViolations || []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    // mailto: links the app opens are recorded and not followed, so tests can read them.
    document.addEventListener('click', (e) => {
      const a = e.target && e.target.closest && e.target.closest('a[href^="mailto:"]');
      if (a) { (window.__mailto = window.__mailto || []).push(a.href); e.preventDefault(); }
    }, true);
  });
  const close = async () => {
    openBrowsers.delete(close);
    await context.close();
    if (!options.profile) rmSync(profile, { recursive: true, force: true });
  };
  openBrowsers.add(close);
  return { context, page, log, close };
}

// Waits for the app's explicit ready signal (set when the first frame is shown) and for the
// semantics tree (made while the first frame is drawn, whole once the app shows). Also another
// engine's page (engines/), which has no waitForSelector: there it is polled with waitForFunction.
export async function waitForApp(page) {
  if (page.waitForSelector) await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
  else await page.waitForFunction(() => document.documentElement.dataset.appState === 'ready', null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('semantics').childElementCount > 0, null, { timeout: 10000 });
}

// Loads the app and waits for it (waitForApp).
export async function openApp(page, url, path = '') {
  await page.goto(url + path);
  await waitForApp(page);
}

// A test's usual set-up and tear-down: a server for the site, a browser (launch's options; with
// options.today, a clock fixed at that time), the app opened at `fragment` and settled; fn({ page,
// context, log, url }) runs, and the browser and the server close after it, whatever happens.
export async function withApp(options, fragment, fn) {
  const server = await startServer();
  const b = await launch(options);
  try {
    if (options.today) await b.page.clock.setFixedTime(new Date(options.today));
    await openApp(b.page, server.url, fragment);
    await settle(b.page);
    return await fn({ ...b, url: server.url });
  } finally {
    await b.close();
    await server.stop();
  }
}

// Polls until `fn` returns something truthy (the semantics tree follows the app when its frames
// end); throws naming `what` and the last value after `timeout` ms.
export async function until(page, fn, what, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await page.waitForTimeout(40);
  }
  throw new Error(`${what} (last: ${JSON.stringify(last)})`);
}

export async function widget(page, label) {
  const r = await page.evaluate((l) => window.portalTest.widget(l), label);
  if (!r) throw new Error(`widget "${label}" was not drawn in the last frame`);
  return r;
}

export async function appState(page) { return page.evaluate(() => window.portalTest.state()); }

// Waits until the app has handled pending input: it has gone idle (its frame count stopped
// changing over three animation frames: it draws on demand) and saved and published what changed
// (a commit follows a burst of frames by up to 250 ms), or, while a pointer button is held and it
// keeps drawing, until it has drawn four more frames.
export async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const first = window.portalTest.state().frames;
    let last = -1, stable = 0, n = 0;
    const tick = () => {
      const s = window.portalTest.state();
      const f = s.frames;
      stable = f === last ? stable + 1 : 0;
      last = f;
      if (++n > 600 || (stable >= 3 && !s.commit_due) || (s.pointer_held && f - first >= 4)) resolve(); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

// The drawer's state while a confirmation is awaited (src/ui/page_protocol.h, IIIFC_DRAWER_STATES).
const DRAWER_WAITING = Number(/X\(waiting, (\d+),/.exec(readFileSync(join(SOURCE_DIR, 'src/ui/page_protocol.h'), 'utf8'))[1]);

// Waits until the app has settled and the drawer has drawn what the app last sent (in a worker,
// the GPU's frame can come well after the app has gone idle on a busy machine), or 5 s.
// Returns at once on a page without the app (the page without JavaScript, a fallback).
export async function drawn(page) {
  if (!(await page.evaluate(() => !!(window.portalTest && window.portalBridge)))) return;
  await settle(page);
  await page.evaluate(async (waiting) => {
    const bridge = window.portalBridge, asked = performance.now();
    bridge.confirm();
    while (bridge.drawerState() === waiting && performance.now() - asked < 5000) await new Promise((r) => setTimeout(r, 10));
  }, DRAWER_WAITING);
}

// A screenshot of `clip` once the drawer has drawn the app's last frame and the screen shows it
// (two screenshots 100 ms apart the same, or 2 s): the compositor may still show the frame before.
export async function steadyShot(page, clip) {
  await drawn(page);
  let last = await page.screenshot({ clip });
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const now = await page.screenshot({ clip });
    if (now.equals(last)) break;
    last = now;
  }
  return last;
}

// A real mouse click at the centre of a labelled widget, scrolling it into view with the wheel if needed.
export async function click(page, label) {
  const vp = page.viewportSize();
  const find = () => page.evaluate((l) => window.portalTest.widget(l), label);
  let r = await find();
  // A widget outside the visible part of a view is not drawn: scroll down, then up, to look for it.
  for (let i = 0; !r && i < 60; i++) {
    await page.mouse.move(vp.width / 2, vp.height / 2);
    await page.mouse.wheel(0, i < 20 ? 300 : -300);
    await settle(page);
    r = await find();
  }
  if (!r) throw new Error(`widget "${label}" is not in the app`);
  for (let i = 0; i < 40 && (r.y < 60 || r.y + r.h > vp.height - 10 || !r.visible); i++) {
    await page.mouse.move(vp.width / 2, vp.height / 2);
    await page.mouse.wheel(0, r.y + r.h > vp.height - 10 ? 200 : -200);
    await settle(page);
    r = await widget(page, label);
  }
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await settle(page);
  await page.mouse.down();
  await settle(page);
  await page.mouse.up();
  await settle(page);
  return r;
}

// A mailto: URI's address and its fields (subject, body), decoded.
export function parseMailto(uri) {
  const [address, query] = uri.slice('mailto:'.length).split('?');
  const fields = {};
  for (const pair of query.split('&')) {
    const i = pair.indexOf('=');
    fields[pair.slice(0, i)] = decodeURIComponent(pair.slice(i + 1));
  }
  return { address: decodeURIComponent(address), ...fields };
}

// A PNG screenshot's pixels, decoded here (8-bit RGB or RGBA, not interlaced, as browsers write
// screenshots), so any engine's screenshot is read the same way: { width, height, channels, px }.
export function decodePng(png) {
  const u32 = (o) => png.readUInt32BE(o);
  let width = 0, height = 0, channels = 0;
  const data = [];
  for (let o = 8; o < png.length;) {
    const length = u32(o), type = png.toString('latin1', o + 4, o + 8), body = png.subarray(o + 8, o + 8 + length);
    if (type === 'IHDR') {
      width = u32(o + 8); height = u32(o + 12);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = { 2: 3, 6: 4 }[colour];
      if (depth !== 8 || !channels || interlace) throw new Error(`PNG not 8-bit RGB(A), non-interlaced: depth ${depth}, colour ${colour}`);
    } else if (type === 'IDAT') data.push(body);
    o += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels, px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {  // the scanlines' filters (PNG specification, section 9)
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0, b = y ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predicted = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      px[y * stride + x] = (line[x] + predicted) & 255;
    }
  }
  return { width, height, channels, px };
}

// The share of a PNG screenshot's pixels that differ from its first (top-left) pixel, the
// background: a blank canvas has none.
export function nonBackgroundShare(png) {
  const { width, height, channels, px } = decodePng(png);
  let differing = 0;
  for (let i = 0; i < px.length; i += channels) if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2]) differing++;
  return differing / (width * height);
}

// axe-core's violations on the page as it is, one line each (rule: elements); any engine's page.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

export function sameOrigin(requests, url) {
  const origin = new URL(url).origin;
  return requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
}

// The plainest static host, unlike scripts/serve.mjs: `dir` served under the path `base`, each
// file read when asked for (so a re-published folder is seen at once), a Content-Type from the
// extension and no other header, no compression, no rewrites; anything else is a 404. `answer(rel,
// res)`, if given, is asked first for each path (relative to `base`; '' for the page) and returns
// true where it has answered (or holds) the request itself.
const STATIC_TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
export function plainStaticHost(dir, base = '/', answer = null) {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    let rel = path.startsWith(base) ? normalize(path.slice(base.length)) : null;
    if (answer && rel !== null && answer(rel === '.' ? '' : rel, res)) return;
    if (rel === '' || rel === '.') rel = 'index.html';
    const file = rel && !rel.startsWith('..') ? join(dir, rel) : null;
    if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'Content-Type': STATIC_TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolvePromise) => server.listen(0, '127.0.0.1', () => resolvePromise({
    url: `http://127.0.0.1:${server.address().port}${base}`, requests,
    stop: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}
