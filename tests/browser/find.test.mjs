// Find in page: the browser finds the app's text in the semantics tree, which holds all of the
// view; the canvas then scrolls so that the match is in its visible part, where the semantics
// tree puts it too, and marks it; the mark goes when the match does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settle, steadyShot, widget, withApp } from './harness.mjs';

// The selected match's rectangle on the screen (CSS px).
const matchRect = (page) => page.evaluate(() => {
  const r = document.getSelection().getRangeAt(0).getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
});

for (const [view, text] of [['members', 'Vienna University Library'], ['tiers', 'sustainability in support of our shared goals']]) {
  test(`window.find("${text}") on the ${view} view: the canvas scrolls to the match, below the fold, and marks it`, async () => {
    await withApp({ viewport: { width: 1280, height: 800 } }, `#/${view}`, async (b) => {
      const nav = await widget(b.page, `${view[0].toUpperCase()}${view.slice(1)}##nav`);
      const before = await b.page.evaluate((t) => {
      const el = [...document.querySelectorAll('#semantics p')].find((p) => p.textContent.includes(t));
      return el.getBoundingClientRect().y;
      }, text);
      assert.ok(before > 800, `the match starts below the fold, at ${before}`);
      assert.equal(await b.page.evaluate((t) => window.find(t), text), true);
      await settle(b.page);
      await b.page.waitForTimeout(300);  // the semantics tree follows the scroll at the burst's end
      await settle(b.page);
      const r = await matchRect(b.page);
      assert.ok(r.y >= nav.y + nav.h && r.y + r.height <= 800 && r.x >= 0 && r.x + r.width <= 1280 && r.width > 0,
      `the match at ${JSON.stringify(r)}`);
      // Marked on the canvas: its pixels change when the match goes (and nothing else moves).
      const clip = { x: Math.floor(r.x), y: Math.floor(r.y), width: Math.ceil(r.width), height: Math.ceil(r.height) };
      const marked = await steadyShot(b.page, clip);
      await b.page.evaluate(() => document.getSelection().removeAllRanges());
      await settle(b.page);
      assert.notDeepEqual(await steadyShot(b.page, clip), marked);
      assert.deepEqual(await matchRectOf(b.page, text), r);
      assert.deepEqual(b.log.consoleErrors, []);
    });
  });
}

// Where the text is once the selection is gone (the view stayed where the find put it).
const matchRectOf = (page, text) => page.evaluate((t) => {
  const el = [...document.querySelectorAll('#semantics p')].find((p) => p.textContent.includes(t));
  const node = el.firstChild, at = node.textContent.indexOf(t), range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + t.length);
  const r = range.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}, text);
