// Chromium's find bar (Ctrl+F), as a person uses it: a real window on a desktop of the test's own,
// its keys from the X server (xdotool), since the bar is the browser's and Playwright's keyboard
// types into the page. The bar selects nothing until it closes; while it is open the canvas must
// already show the match, scrolled into view and marked (src/platform/web/library_find.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startXvfb } from './desktop.mjs';
import { decodePng, settle, withApp } from './harness.mjs';

const NAME = 'Vienna University Library';  // the last member: below the fold at 1280x800

const xdotool = (env, ...args) => execFileSync('xdotool', args, { env, encoding: 'utf8' });

// Where the member's name is in the semantics tree, which lies over the canvas's text (CSS px).
const nameRect = (page) => page.evaluate((t) => {
  const p = [...document.querySelectorAll('#semantics p')].find((e) => e.textContent === t);
  const r = p.getBoundingClientRect();
  return { x: Math.floor(r.x), y: Math.floor(r.y), width: Math.ceil(r.width), height: Math.ceil(r.height) };
}, NAME);

// The share of `rect`'s pixels that differ between two decoded screenshots by more than 24 in a
// channel: the same picture drawn twice differs by a few units at most (7 measured) at text edges.
const changed = (a, b, rect) => {
  let n = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * a.width + x) * a.channels, j = (y * b.width + x) * b.channels;
      if ([0, 1, 2].some((k) => Math.abs(a.px[i + k] - b.px[j + k]) > 24)) n++;
    }
  }
  return n / (rect.width * rect.height);
};

test(`Chromium's find bar: "${NAME}" typed in it scrolls the canvas to the last member and marks it while the bar is open`,
  { timeout: 120000 }, async () => {
    const desktop = await startXvfb();
    try {
      await withApp({ env: desktop.env, viewport: null, args: ['--window-size=1280,800'] }, '#/members', async (b) => {
        const height = await b.page.evaluate(() => innerHeight);
        const below = await nameRect(b.page);
        assert.ok(below.y > height, `the name starts below the fold: ${below.y} of ${height}`);
        await b.page.bringToFront();  // the page has the focus, as after a person used it
        const window = xdotool(desktop.env, 'search', '--onlyvisible', '--class', 'chromium').trim().split('\n')[0];
        xdotool(desktop.env, 'key', '--window', window, 'ctrl+f');
        await b.page.waitForTimeout(500);  // the bar opens
        xdotool(desktop.env, 'type', '--delay', '20', NAME);
        await b.page.waitForTimeout(500);
        await settle(b.page);
        const during = decodePng(await b.page.screenshot());

        // The bar closes: the browser selects its match.
        xdotool(desktop.env, 'key', 'Escape');
        await b.page.waitForFunction(() => String(document.getSelection()) !== '', null, { timeout: 10000 });
        await settle(b.page);
        const found = await nameRect(b.page);
        assert.ok(found.y >= 0 && found.y + found.height <= height && found.width > 0, `the name at ${JSON.stringify(found)}`);
        // Where the name is now, the canvas showed it, marked, while the bar was open.
        const closed = decodePng(await b.page.screenshot());
        const same = changed(during, closed, found);
        assert.ok(same < 0.02, `the name, marked, was drawn there while the bar was open (${(same * 100).toFixed(1)} % differs)`);
        await b.page.evaluate(() => document.getSelection().removeAllRanges());
        await settle(b.page);
        const unmarked = decodePng(await b.page.screenshot());
        const mark = changed(unmarked, closed, found);
        assert.ok(mark > 0.5, `the mark goes with the match (${(mark * 100).toFixed(1)} % of the name's box)`);
        assert.deepEqual(await nameRect(b.page), found);
        assert.deepEqual(b.log.consoleErrors, []);
      });
    } finally {
      await desktop.stop();
    }
  });
