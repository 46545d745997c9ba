// What the benchmark watches inside a page, from outside the app (so it measures the release
// build, which has no test queries): the animation frames the page draws, and every WebGL call
// that makes the page or its drawing worker (web/draw.js) wait for the GPU process (a synchronous
// round trip: getParameter, isEnabled, getError, ...). Installed before the page's and the
// worker's own scripts run.
import { addWorkerInitScript } from '../tests/browser/harness.mjs';

// The WebGL methods that return something the GPU process has to answer.
export const SYNC_GL_METHODS = [
  'getParameter', 'isEnabled', 'getError', 'getProgramParameter', 'getShaderParameter', 'getUniformLocation',
  'getAttribLocation', 'getActiveUniform', 'getActiveAttrib', 'getShaderInfoLog', 'getProgramInfoLog',
  'getBufferParameter', 'getTexParameter', 'getVertexAttrib', 'getFramebufferAttachmentParameter',
  'getRenderbufferParameter', 'checkFramebufferStatus', 'readPixels', 'finish', 'getUniform',
  'getSupportedExtensions', 'getExtension', 'getContextAttributes', 'getShaderPrecisionFormat', 'isProgram',
  'isShader', 'isBuffer', 'isTexture', 'isFramebuffer', 'isRenderbuffer', 'isVertexArray', 'getIndexedParameter',
  'getSyncParameter', 'clientWaitSync', 'getQueryParameter', 'getInternalformatParameter', 'getFragDataLocation',
];

// In a page, or in a worker (self): the frames are the page's.
export function installProbes(methods) {
  const scope = globalThis;
  const probe = scope.__probe = { frames: 0, sent: 0, gl: {} };
  if (typeof document !== 'undefined') {
    const raf = scope.requestAnimationFrame.bind(scope);
    scope.requestAnimationFrame = (callback) => raf((t) => { probe.frames++; callback(t); });
  }
  for (const name of ['WebGLRenderingContext', 'WebGL2RenderingContext']) {
    const proto = scope[name] && scope[name].prototype;
    if (!proto) continue;
    // A frame sent to the canvas starts with a clear.
    const clear = proto.clear;
    proto.clear = function (mask) { probe.sent++; return clear.call(this, mask); };
    for (const m of methods) {
      const original = proto[m];
      if (typeof original !== 'function') continue;
      proto[m] = function (...args) {
        probe.gl[m] = (probe.gl[m] || 0) + 1;
        return original.apply(this, args);
      };
    }
  }
}

export async function addProbes(context) {
  await context.addInitScript(installProbes, SYNC_GL_METHODS);
  await addWorkerInitScript(context, 'draw.js', installProbes, SYNC_GL_METHODS);
}

// { frames (animation frames), sent (frames drawn on the canvas), gl: { method: count } } so far:
// the page's and its workers' together.
export async function readProbes(page) {
  const read = () => JSON.parse(JSON.stringify(globalThis.__probe || null));
  const all = await page.evaluate(read);
  for (const worker of page.workers()) {
    const p = await worker.evaluate(read).catch(() => null);  // a worker that has ended
    if (!p) continue;
    all.sent += p.sent;
    for (const [m, n] of Object.entries(p.gl)) all.gl[m] = (all.gl[m] || 0) + n;
  }
  return all;
}

// Waits until the page has drawn no frame for `quietFrames` display frames (the app draws on
// demand: it has handled its input), at most ~2 s.
export function settleFrames(page, quietFrames = 6) {
  return page.evaluate((quiet) => new Promise((resolve) => {
    let last = -1, stable = 0, n = 0;
    const tick = () => {
      const f = window.__probe.frames;
      stable = f === last ? stable + 1 : 0;
      last = f;
      if (++n > 120 || stable >= quiet) resolve(); else setTimeout(tick, 16);
    };
    tick();
  }), quietFrames);
}

export const sumCounts = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
export function diffCounts(after, before) {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] || 0)]).filter(([, v]) => v > 0));
}

// Waits for the page's ready signal without touching the page while it starts: Playwright's
// waitForSelector would inject its selector engine (330 KB of script, 15-25 ms of the page's main
// thread) in the middle of the start-up being measured. A binding and a small observer, installed
// before the page's own scripts, report it instead. Returns a function giving the next ready.
export async function readySignal(b, timeoutMs = 60000) {
  let resolve = null;
  await b.context.exposeBinding('__benchReady', () => { if (resolve) resolve(); });
  await b.context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.documentElement && document.documentElement.dataset.appState === 'ready') {
        observer.disconnect();
        window.__benchReady();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app-state'] });
  });
  return () => new Promise((r, reject) => {
    resolve = r;
    setTimeout(() => reject(new Error(`the page did not signal ready within ${timeoutMs / 1000} s`)), timeoutMs).unref();
  });
}
