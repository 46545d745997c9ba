// The WebGL renderer asks the GL nothing while the app runs: scrolling a long view with the wheel
// makes no synchronous WebGL call (getParameter, isEnabled, getError...: each a round trip that
// waits for the GPU process); a frame identical to the canvas is not sent; the last frame of a
// scroll reaches the canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addProbes, readProbes, sumCounts, diffCounts } from '../../bench/page_probes.mjs';
import { launch, openApp, settle, startServer } from './harness.mjs';

test('scrolling the Members view: no synchronous WebGL call, only changed frames sent', async () => {
  const server = await startServer();
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    await addProbes(b.context);
    await openApp(b.page, server.url, '#/members');
    await settle(b.page);
    const p0 = await readProbes(b.page), s0 = await b.page.evaluate(() => window.portalTest.state());
    await b.page.mouse.move(640, 400);
    for (let i = 0; i < 12; i++) {
      await b.page.mouse.wheel(0, 120);
      await b.page.waitForTimeout(60);
    }
    await b.page.waitForTimeout(1500);  // a frame held back by the pacing is sent after its wait
    await settle(b.page);
    const p1 = await readProbes(b.page), s1 = await b.page.evaluate(() => window.portalTest.state());
    assert.deepEqual(diffCounts(p1.gl, p0.gl), {});
    const built = s1.frames - s0.frames, sent = s1.frames_sent - s0.frames_sent;
    assert.ok(built > 0 && sent > 0 && sent <= built, `${sent} frames sent of ${built} built`);
    assert.equal(p1.sent - p0.sent, sent);  // each frame sent clears the canvas once
    // Settled: another frame is identical to the canvas, and is not sent.
    const before = (await b.page.evaluate(() => window.portalTest.state())).frames_sent;
    await b.page.mouse.move(620, 28);  // the header, between its title and its buttons: nothing to hover
    await b.page.mouse.move(622, 29);
    await settle(b.page);
    const after = await b.page.evaluate(() => window.portalTest.state());
    assert.ok(after.frames > s1.frames);
    assert.equal(after.frames_sent, before);
    assert.ok(sumCounts(p0.gl) > 0);  // the start-up's queries (shader link status, locations) are counted
  } finally {
    await b.close();
    await server.stop();
  }
});
