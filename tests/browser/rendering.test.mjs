// The WebGL drawer (web/draw.js, in a worker) asks the GL nothing while the app runs: scrolling a
// long view with the wheel makes no synchronous WebGL call (getParameter, isEnabled, getError...:
// each a round trip that waits for the GPU process), and the page itself none at all; a frame
// identical to the canvas is not sent; the last frame of a scroll reaches the canvas, drawn in the
// worker or, where a browser cannot, on the page, to the same pixels. While the wheel turns, the
// semantics tree is published at most every 250 ms, and the last state always. The first frame
// is drawn before it is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addProbes, readProbes, sumCounts, diffCounts } from '../../bench/page_probes.mjs';
import { addWorkerInitScript, launch, openApp, settle, startServer, widget } from './harness.mjs';

test('scrolling the Members view: no synchronous WebGL call, none on the page, only changed frames sent', async () => {
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
    // Each frame drawn clears the canvas once; the drawing worker draws the last of the frames that
    // arrive while it is busy.
    const drawn = p1.sent - p0.sent;
    assert.ok(drawn >= 1 && drawn <= sent, `${drawn} frames drawn of ${sent} sent`);
    // Settled: another frame is identical to the canvas, and is not sent.
    const before = (await b.page.evaluate(() => window.portalTest.state())).frames_sent;
    await b.page.mouse.move(620, 28);  // the header, between its title and its buttons: nothing to hover
    await b.page.mouse.move(622, 29);
    await settle(b.page);
    const after = await b.page.evaluate(() => window.portalTest.state());
    assert.ok(after.frames > s1.frames);
    assert.equal(after.frames_sent, before);
    assert.ok(sumCounts(p0.gl) > 0);  // the start-up's queries (the context's, the shaders' link status) are counted
    // All of them the drawing worker's (web/draw.js): the page itself makes no WebGL call at all.
    const page = await b.page.evaluate(() => ({ drawing: document.documentElement.dataset.drawing, probe: window.__probe }));
    assert.equal(page.drawing, 'worker');
    assert.equal(page.probe.sent, 0);
    assert.deepEqual(page.probe.gl, {});
    assert.deepEqual(b.log.consoleErrors, []);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('while the wheel turns the semantics tree is published at most every 250 ms, and where the view came to rest', async () => {
  const server = await startServer();
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    await openApp(b.page, server.url, '#/members');
    await settle(b.page);
    const field = b.page.getByRole('textbox', { name: 'Search by name' });
    const rest = await widget(b.page, 'Search by name');
    await b.page.mouse.move(640, 600);
    const s0 = await b.page.evaluate(() => window.portalTest.state());
    // Down and back up, a notch every 60 ms: the field leaves its place and returns to it.
    const t0 = Date.now();
    for (let i = 0; i < 16; i++) {
      await b.page.mouse.wheel(0, i < 8 ? 120 : -120);
      await b.page.waitForTimeout(60);
    }
    const turning = Date.now() - t0;
    await b.page.waitForTimeout(600);
    await settle(b.page);
    const s1 = await b.page.evaluate(() => window.portalTest.state());
    const commits = s1.commits - s0.commits;
    // A commit per burst of frames would be one per notch (16); spaced, one per 250 ms and the last.
    assert.ok(commits >= 1 && commits <= Math.ceil(turning / 250) + 2, `${commits} commits in ${turning} ms`);
    const now = await widget(b.page, 'Search by name');
    assert.ok(Math.abs(now.y - rest.y) < 1, `the view came back to rest (${rest.y} -> ${now.y})`);
    const box = await field.boundingBox();
    for (const [k, v] of [['x', box.x], ['y', box.y], ['w', box.width], ['h', box.height]]) {
      assert.ok(Math.abs(v - now[k]) <= 2, `the field's control is over the field: ${k} ${v} vs ${now[k]}`);
    }
  } finally {
    await b.close();
    await server.stop();
  }
});

test('the first frame is drawn while the canvas is hidden, and shown once the GPU has drawn it', async () => {
  const server = await startServer();
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    // What the page looked like when the first frame was drawn, recorded from inside the page.
    await b.context.addInitScript(() => {
      new MutationObserver(() => {
        const d = document.documentElement && document.documentElement.dataset;
        if (d && d.firstFrameMs && !window.__atFirstFrame) {
          window.__atFirstFrame = { state: d.appState, appVisible: getComputedStyle(document.getElementById('app')).visibility };
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-first-frame-ms'] });
    });
    await openApp(b.page, server.url);
    const seen = await b.page.evaluate(() => ({ at: window.__atFirstFrame, drawn: Number(document.documentElement.dataset.firstFrameMs),
      shown: Number(document.documentElement.dataset.shownMs), webgl: document.documentElement.dataset.webgl,
      waited: performance.getEntriesByName('portal:gpu-wait').length }));
    assert.deepEqual(seen.at, { state: 'loading', appVisible: 'hidden' });
    assert.ok(seen.shown >= seen.drawn, `shown at ${seen.shown} ms, drawn at ${seen.drawn} ms`);
    assert.equal(seen.webgl, '2');
    assert.equal(seen.waited, 1);  // WebGL 2: the page asked the GPU (a fence) before showing it
  } finally {
    await b.close();
    await server.stop();
  }
});

// A browser that cannot hand a canvas to a worker (no transferControlToOffscreen), and one whose
// workers have no WebGL: web/draw.js then draws on the page, the same frames to the pixel.
for (const [name, lacks] of [['cannot hand the canvas to a worker', 'transfer'], ['has no WebGL in workers', 'worker-webgl']]) {
  test(`a browser that ${name}: the app draws on the page, the same pixels`, async () => {
    const server = await startServer();
    const shots = {};
    try {
      for (const mode of ['worker', 'page']) {
        const b = await launch({ viewport: { width: 1000, height: 700 }, serviceWorkers: 'block' });
        try {
          if (mode === 'page' && lacks === 'transfer') {
            await b.context.addInitScript(() => { delete HTMLCanvasElement.prototype.transferControlToOffscreen; });
          }
          if (mode === 'page' && lacks === 'worker-webgl') {
            // Slow to say so: the app has started meanwhile, its input on the canvas now replaced.
            await addWorkerInitScript(b.context, 'draw.js', () => {
              OffscreenCanvas.prototype.getContext = () => null;
              for (const until = Date.now() + 1500; Date.now() < until;);
            });
          }
          await openApp(b.page, server.url, '#/governance');
          await b.page.mouse.move(5, 695);  // nothing to hover
          await settle(b.page);
          assert.equal(await b.page.evaluate(() => document.documentElement.dataset.drawing), mode);
          assert.equal(await b.page.evaluate(() => document.querySelectorAll('canvas').length), 1);
          if (mode === 'page' && lacks === 'worker-webgl') {
            const late = await b.page.evaluate(() => {
              const input = performance.getEntriesByName('portal:input')[0];
              return performance.getEntriesByName('portal-drawer-ready')[0].startTime - (input.startTime + input.duration);
            });
            assert.ok(late > 0, `the app had set up its input when the worker gave up (${late} ms later)`);
          }
          const top = await b.page.locator('#canvas').screenshot();
          // Frames faster than software GL draws them (the worker draws the last that arrived, the
          // page paces them): the view's end, where the wheel stops, reaches the canvas.
          await b.page.mouse.move(500, 400);
          for (let i = 0; i < 40; i++) await b.page.mouse.wheel(0, 240);
          await b.page.waitForTimeout(1500);
          await b.page.mouse.move(5, 695);
          await settle(b.page);
          shots[mode] = Buffer.concat([top, await b.page.locator('#canvas').screenshot()]);
          assert.ok(!shots[mode].subarray(0, top.length).equals(shots[mode].subarray(top.length)), 'the view scrolled');
          assert.deepEqual(b.log.pageErrors, []);
          assert.deepEqual(b.log.consoleErrors, []);
        } finally {
          await b.close();
        }
      }
      assert.ok(shots.worker.equals(shots.page), 'the page draws what the worker draws');
    } finally {
      await server.stop();
    }
  });
}
