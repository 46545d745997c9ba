// The person's display settings reach the canvas, which the browser's own settings cannot: under
// forced colours (Windows high contrast; here Chromium's emulation of it) the canvas is drawn in
// the system colours, at the start and as soon as the setting changes; more contrast darkens the
// muted text and the borders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, settle, startServer } from './harness.mjs';
import { colourCounts, cssColours } from './pixels.mjs';

const SYSTEM = ['Canvas', 'CanvasText', 'ButtonFace', 'ButtonText', 'Highlight', 'HighlightText'];

// Until the drawer has drawn what the app last sent.
async function drawn(page) {
  await settle(page);
  await page.evaluate(async () => {
    const bridge = window.portalBridge, asked = performance.now();
    bridge.confirm();
    while (bridge.drawn === 0 && performance.now() - asked < 5000) await new Promise((r) => setTimeout(r, 10));
  });
}

for (const scheme of ['light', 'dark']) {
  test(`forced colours (${scheme}): the canvas's background is Canvas and its text CanvasText, from the start and when the setting changes`, async () => {
    const server = await startServer();
    const b = await launch({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    try {
      await openApp(b.page, server.url, '#/members');
      await drawn(b.page);
      const own = await colourCounts(b.page);
      await b.page.emulateMedia({ forcedColors: 'active' });
      await drawn(b.page);
      const system = await cssColours(b.page, SYSTEM);
      const forced = await colourCounts(b.page);
      // The background: most of the screen. The text: the most frequent colour after it (the
      // members list's solid strokes), the app's own text colour no more.
      assert.equal(forced[0][0], system.Canvas);
      assert.equal(forced[1][0], system.CanvasText);
      assert.ok(forced[0][1] + forced[1][1] > 0.75 * 1280 * 800);
      assert.notEqual(own[1][0], system.CanvasText);  // the app's own palette before
      // A page loaded under forced colours starts in them.
      await b.page.reload();
      await openApp(b.page, server.url, '#/members');
      await drawn(b.page);
      const reloaded = await colourCounts(b.page);
      assert.equal(reloaded[0][0], system.Canvas);
      assert.equal(reloaded[1][0], system.CanvasText);
      // And back.
      await b.page.emulateMedia({ forcedColors: 'none' });
      await drawn(b.page);
      assert.deepEqual((await colourCounts(b.page)).slice(0, 2).map((c) => c[0]), own.slice(0, 2).map((c) => c[0]));
    } finally {
      await b.close();
      await server.stop();
    }
  });
}

test('more contrast: the borders take the muted text\'s colour and the muted text the text\'s', async () => {
  const server = await startServer();
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    await openApp(b.page, server.url, '#/members');
    await drawn(b.page);
    const count = (counts, colour) => (counts.find((c) => c[0] === colour) || [colour, 0])[1];
    // The light theme's border (#c9d3dd) and muted text (#4a5360), src/ui/theme.cpp.
    const own = await colourCounts(b.page);
    assert.ok(count(own, 'c9d3dd') > 1000, `${count(own, 'c9d3dd')} border pixels`);
    await b.page.emulateMedia({ contrast: 'more' });
    await drawn(b.page);
    const more = await colourCounts(b.page);
    assert.equal(count(more, 'c9d3dd'), 0);
    assert.ok(count(more, '4a5360') > count(own, '4a5360'));  // the borders, in the muted text's colour
  } finally {
    await b.close();
    await server.stop();
  }
});
