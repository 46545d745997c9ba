// WebKitGTK (Safari's engine) through Debian's WebKitWebDriver: plain W3C WebDriver over HTTP on
// loopback, driving MiniBrowser --automation in a real window (desktop.mjs). What the shared
// tests use of a page is given the shape of Playwright's (goto, evaluate, waitForFunction,
// keyboard, screenshot), so the same test bodies run here as in Chromium and Firefox.
import { createServer } from 'node:net';
import { spawnGroup, stopGroup } from '../desktop.mjs';

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// W3C WebDriver's code points for the keys the tests press (the spec's "Keyboard actions" table).
const KEYS = { Shift: '\uE008', Control: '\uE009', Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', Space: ' ', Backspace: '\uE003',
  ArrowUp: '\uE013', ArrowDown: '\uE015', ArrowLeft: '\uE012', ArrowRight: '\uE014', Home: '\uE011', End: '\uE010' };

const freePort = () => new Promise((resolvePromise, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolvePromise(port)); });
});

// Starts WebKitWebDriver and a session of MiniBrowser, its window width x height, on the desktop
// `env`; resolves { page, version, findAccessible, close }.
export async function launchWebKit(env, { width = 1280, height = 800 } = {}) {
  const port = await freePort();
  const driver = spawnGroup('/usr/bin/WebKitWebDriver', [`--port=${port}`], { env, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
      signal: AbortSignal.timeout(60000) });
    const json = await r.json();
    if (json.value && json.value.error) throw new Error(`WebDriver ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  let session;
  try {
    for (const deadline = Date.now() + 15000; !session;) {
      try {
        session = await call('POST', '/session', { capabilities: { alwaysMatch: {
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } } });
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (e) {
    await stopGroup(driver);
    throw e;
  }
  const at = `/session/${session.sessionId}`;
  // Runs `fn(arg)` in the page and resolves what it returns (or resolves), as JSON; a string is
  // run as a script (a library put in the page).
  const evaluate = async (fn, arg) => {
    if (typeof fn === 'string') return call('POST', `${at}/execute/sync`, { script: fn, args: [] });
    const out = await call('POST', `${at}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn})(arguments[0])).then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String(e && e.stack || e) }));`,
      args: [arg === undefined ? null : arg] });
    if (out && out.e) throw new Error(`in the page: ${out.e}`);
    return out ? out.v : null;
  };
  const keys = (list) => call('POST', `${at}/actions`, { actions: [{ type: 'key', id: 'keyboard',
    actions: list.flatMap((k) => [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }]) }] });
  // The mouse, at viewport coordinates (CSS px): each call one sequence of pointer actions; a
  // click of clickCount presses in one sequence (the engine counts presses in a row at one place).
  const pointer = (actions) => call('POST', `${at}/actions`, { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
  const moveTo = (x, y, duration = 0) => ({ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration });
  let where = [0, 0];
  const mouse = {
    click: (x, y, { clickCount = 1 } = {}) => { where = [x, y]; return pointer([moveTo(x, y),
      ...Array.from({ length: clickCount }, () => [{ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]).flat()]); },
    async move(x, y, { steps = 1 } = {}) {
      const [x0, y0] = where;
      where = [x, y];
      // A frame's time per step, as a hand moves: steps without a duration made a drag end short.
      return pointer(Array.from({ length: steps }, (_, i) => moveTo(x0 + (x - x0) * (i + 1) / steps, y0 + (y - y0) * (i + 1) / steps, 16)));
    },
    down: () => pointer([moveTo(...where), { type: 'pointerDown', button: 0 }]),
    up: () => pointer([{ type: 'pointerUp', button: 0 }]),
  };
  await call('POST', `${at}/timeouts`, { script: 60000 });
  await call('POST', `${at}/window/rect`, { x: 0, y: 0, width, height });
  const page = {
    goto: (url) => call('POST', `${at}/url`, { url }),
    evaluate,
    async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
      for (const deadline = Date.now() + timeout; ;) {
        const v = await evaluate(fn, arg);
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`waitForFunction timed out after ${timeout} ms: ${fn}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    keyboard: {
      // A key or a chord as Playwright names them ('Shift+ArrowLeft', 'Control+c'): the modifiers held around the last key.
      press(chord) {
        const names = chord.split(/\+(?=.)/), key = names.pop();
        const code = (k) => { if (KEYS[k]) return KEYS[k]; if ([...k].length === 1) return k; throw new Error(`no WebDriver key for ${k}`); };
        const held = names.map(code);
        return call('POST', `${at}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions: [
          ...held.map((value) => ({ type: 'keyDown', value })), { type: 'keyDown', value: code(key) }, { type: 'keyUp', value: code(key) },
          ...held.reverse().map((value) => ({ type: 'keyUp', value }))] }] });
      },
      type: (text) => keys([...text]),
    },
    screenshot: async () => Buffer.from(await call('GET', `${at}/screenshot`), 'base64'),
    mouse,
  };
  // The engine's own accessibility (WebDriver's computed role and label): for each [role, name],
  // keyOf(element) of the first element inside the one `selector` matches that the engine gives
  // that role and name, or null.
  const findAccessible = async (selector, queries, keyOf) => {
    const refs = await call('POST', `${at}/elements`, { using: 'css selector', value: `${selector} *` });
    const seen = [];
    for (const ref of refs) {
      const id = Object.values(ref)[0];
      seen.push({ ref, role: await call('GET', `${at}/element/${id}/computedrole`), name: await call('GET', `${at}/element/${id}/computedlabel`) });
    }
    const out = [];
    for (const [role, name] of queries) {
      const hit = seen.find((e) => e.role === role && e.name === name);
      out.push(hit ? await evaluate(keyOf, hit.ref) : null);
    }
    return out;
  };
  const close = async () => {
    await call('DELETE', at).catch(() => {});
    await stopGroup(driver);
  };
  return { page, version: `WebKitGTK ${session.capabilities.browserVersion}`, findAccessible, close };
}
