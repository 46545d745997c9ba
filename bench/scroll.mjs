// Scrolling a long view with the wheel (the Members list), in the release build: synchronous
// WebGL calls per frame and how busy the main thread is, from the DevTools protocol's task time.
// With software GL (SwiftShader here; also blocklisted GPUs, virtual machines) each synchronous
// call waits for the previous frame to be rasterised.
import { launch } from '../tests/browser/harness.mjs';
import { addProbes, diffCounts, readProbes, settleFrames, sumCounts } from './page_probes.mjs';

export async function scrollLongView(url, { seconds = 3, viewport = { width: 1280, height: 800 } } = {}) {
  const b = await launch({ viewport });
  try {
    await addProbes(b.context);
    await b.page.goto(url + '#/members');
    await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 60000 });
    await settleFrames(b.page);
    const startupGl = (await readProbes(b.page)).gl;
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    await b.page.mouse.move(viewport.width / 2, viewport.height / 2);
    const p0 = await readProbes(b.page), t0 = await taskSeconds(), w0 = Date.now();
    // A wheel notch every 50 ms, down then back up: a visitor reading down a long list.
    const steps = Math.round(seconds * 20);
    for (let i = 0; i < steps; i++) {
      await b.page.mouse.wheel(0, i < steps / 2 ? 120 : -120);
      await b.page.waitForTimeout(50);
    }
    await settleFrames(b.page);
    const p1 = await readProbes(b.page), t1 = await taskSeconds(), wall = (Date.now() - w0) / 1000;
    const frames = p1.frames - p0.frames;
    const gl = diffCounts(p1.gl, p0.gl);
    return {
      frames, framesSent: p1.sent - p0.sent, seconds: wall, glSyncCalls: gl, glSyncPerFrame: sumCounts(gl) / Math.max(1, frames),
      glSyncAtStartup: sumCounts(startupGl), busyPercent: (100 * (t1 - t0)) / wall,
    };
  } finally {
    await b.close();
  }
}
