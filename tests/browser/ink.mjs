// The ink of text drawn on the screen, for the tests that compare the canvas's text with the
// browser's own rendering of it (scripts, shaping): pixels darker than the background by half,
// their bounding box and their counts per column and per row; and how two profiles correlate.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_DIR } from './harness.mjs';

// The font stack the app asks the browser for when the browser draws its text
// (src/platform/web/library_glyphs.js's FAMILY).
export const APP_FONTS = /FAMILY: '([^']+)'/.exec(readFileSync(join(SOURCE_DIR, 'src/platform/web/library_glyphs.js'), 'utf8'))[1];

// The same string as a canvas that cannot shape draws it: each character apart, left to right
// (a left-to-right override, a zero-width space between characters).
export const apart = (text) => '\u202D' + [...text].join('\u200B') + '\u202C';

// The ink (pixels darker than the field's background by half) inside a rectangle of the screen:
// its bounding box and each column's count of ink pixels.
export async function ink(page, rect) {
  const png = await page.screenshot({ clip: rect });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return window.__inkOf(data, width, height);
  }, png.toString('base64'));
}

// Installs window.__inkOf (page.addInitScript): the measure, in the page.
export function inkHelper() {
  window.__inkOf = (data, width, height) => {
    const lum = (i) => (data[i] + data[i + 1] + data[i + 2]) / 3;
    const bg = lum(((height >> 1) * width + 2) * 4);  // the field's own colour, left of its text
    const columns = new Array(width).fill(0);
    let x0 = width, x1 = -1, y0 = height, y1 = -1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (bg - lum((y * width + x) * 4) < 128) continue;
        columns[x]++;
        x0 = Math.min(x0, x), x1 = Math.max(x1, x), y0 = Math.min(y0, y), y1 = Math.max(y1, y);
      }
    }
    const rows = new Array(height).fill(0);
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (bg - lum((y * width + x) * 4) >= 128) rows[y]++;
    return { x0, y0, width: x1 - x0 + 1, height: y1 - y0 + 1, columns: columns.slice(x0, x1 + 1), rows: rows.slice(y0, y1 + 1) };
  };
}

// Correlation of two column profiles summed in bands of `band` px, aligned at their left edge.
export function correlation(a, b, band) {
  const bands = (c) => Array.from({ length: Math.ceil(Math.max(a.length, b.length) / band) },
    (_, i) => c.slice(i * band, (i + 1) * band).reduce((s, v) => s + v, 0));
  const x = bands(a), y = bands(b), n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n, my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) ** 2, syy += (y[i] - my) ** 2;
  return sxy / Math.sqrt(sxx * syy);
}
