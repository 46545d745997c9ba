// The WebGL renderer asks the GL nothing while the app runs: scrolling a long view with the wheel
// makes no synchronous WebGL call (getParameter, isEnabled, getError...: each a round trip that
// waits for the GPU process); a frame identical to the canvas is not sent; the last frame of a
// scroll reaches the canvas. While the wheel turns, the semantics tree is published at most every
// 250 ms, and the last state always. The first frame is drawn before it is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addProbes, readProbes, sumCounts, diffCounts } from '../../bench/page_probes.mjs';
import { launch, openApp, settle, startServer, widget } from './harness.mjs';

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
    assert.ok(sumCounts(p0.gl) > 0);  // the start-up's queries (the context's, the shaders' link status) are counted
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
