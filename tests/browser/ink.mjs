// The ink of text drawn on the screen, for the tests that compare the canvas's text with the
// browser's own rendering of it (scripts, shaping, and the core set in every engine): pixels
// darker than the background by half, their bounding box and their counts per column and per
// row, measured here in Node on any engine's screenshot; and how two profiles correlate.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_DIR, decodePng, drawn } from './harness.mjs';

// The font stack the app asks the browser for when the browser draws its text
// (src/platform/web/library_glyphs.js's FAMILY).
export const APP_FONTS = /FAMILY: '([^']+)'/.exec(readFileSync(join(SOURCE_DIR, 'src/platform/web/library_glyphs.js'), 'utf8'))[1];

// The same string as a canvas that cannot shape draws it: each character apart, left to right
// (a left-to-right override, a zero-width space between characters).
export const apart = (text) => '\u202D' + [...text].join('\u200B') + '\u202C';

// The ink of a rectangle of a decoded image ({ width, channels, px }: harness.mjs's decodePng;
// the whole image without one): pixels darker by half than its background, the colour 2 px inside
// its left edge halfway down (a field's own colour, left of its text). Its bounding box (x0, y0
// from the rectangle's corner, width, height) and each column's and row's count of ink pixels.
// The rectangle is in the image's pixels: CSS px in a screenshot at one device pixel per CSS px.
export function inkOf({ width: w, height: h, channels, px }, rect = { x: 0, y: 0, width: w, height: h }) {
  const lum = (x, y) => (px[(y * w + x) * channels] + px[(y * w + x) * channels + 1] + px[(y * w + x) * channels + 2]) / 3;
  const left = Math.round(rect.x), top = Math.round(rect.y), right = left + Math.round(rect.width), bottom = top + Math.round(rect.height);
  const bg = lum(left + 2, (top + bottom) >> 1);
  const columns = new Array(right - left).fill(0), rows = new Array(bottom - top).fill(0);
  let x0 = right, x1 = -1, y0 = bottom, y1 = -1;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      if (bg - lum(x, y) < 128) continue;
      columns[x - left]++, rows[y - top]++;
      x0 = Math.min(x0, x), x1 = Math.max(x1, x), y0 = Math.min(y0, y), y1 = Math.max(y1, y);
    }
  }
  return { x0: x0 - left, y0: y0 - top, width: x1 - x0 + 1, height: y1 - y0 + 1,
    columns: columns.slice(x0 - left, x1 - left + 1), rows: rows.slice(y0 - top, y1 - top + 1) };
}

// The ink inside a rectangle of the screen (CSS px; a page at one device pixel per CSS px), once
// the drawer has drawn the app's last frame.
export async function ink(page, rect) {
  await drawn(page);
  return inkOf(decodePng(await page.screenshot({ clip: rect })));
}

// Correlation of two profiles summed in bands of `band` px, aligned at their left edge; with
// `slack`, the best of `a` moved by up to that many px either way (a glyph placed a pixel or two
// off moves the ink's start, and every band boundary with it).
export function correlation(a, b, band, slack = 0) {
  let best = -1;
  for (let shift = -slack; shift <= slack; shift++) {
    const moved = shift >= 0 ? [...new Array(shift).fill(0), ...a] : a.slice(-shift);
    best = Math.max(best, banded(moved, b, band));
  }
  return best;
}

function banded(a, b, band) {
  const bands = (c) => Array.from({ length: Math.ceil(Math.max(a.length, b.length) / band) },
    (_, i) => c.slice(i * band, (i + 1) * band).reduce((s, v) => s + v, 0));
  const x = bands(a), y = bands(b), n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n, my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) ** 2, syy += (y[i] - my) ** 2;
  return sxy / Math.sqrt(sxx * syy);
}
