// The person's display settings reach the canvas, which the browser's own settings cannot: under
// forced colours (Windows high contrast; here Chromium's emulation of it) the canvas is drawn in
// the system colours, at the start and as soon as the setting changes; more contrast darkens the
// muted text and the borders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawn, launch, openApp, startServer } from './harness.mjs';
import { BORDER, MUTED, SYSTEM_COLOURS, colourCounts, countOf, cssColours } from './pixels.mjs';

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
      const system = await cssColours(b.page, SYSTEM_COLOURS);
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
    const own = await colourCounts(b.page);
    assert.ok(countOf(own, BORDER) > 1000, `${countOf(own, BORDER)} border pixels`);
    await b.page.emulateMedia({ contrast: 'more' });
    await drawn(b.page);
    const more = await colourCounts(b.page);
    assert.equal(countOf(more, BORDER), 0);
    assert.ok(countOf(more, MUTED) > countOf(own, MUTED));  // the borders, in the muted text's colour
  } finally {
    await b.close();
    await server.stop();
  }
});
