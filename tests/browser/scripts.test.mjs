// Any script, drawn right: characters the embedded Inter subset lacks are drawn by the browser
// with the device's fonts (src/ui/extra_glyphs.h, src/platform/web/library_glyphs.js), not as
// '?'. The method: the field's pixels with a Greek and Cyrillic name must differ from the same
// field holding as many question marks, and the shape of its ink must match the browser's own
// rendering of the name (a 2D canvas, the page's font stack, the app's size): its ink's width and
// height within a few pixels, the ink of its rows correlated at 0.95 or more, of its columns (in
// 8 px bands: the app places each glyph at a whole pixel, the browser at fractions, and bands
// absorb the drift) at 0.75 or more; question marks score under 0.5 and 0.3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, settle, startServer, widget } from './harness.mjs';

const NAME = 'Ελλάδα Україна';

// The ink (pixels darker than the field's background by half) inside a rectangle of the screen:
// its bounding box and each column's count of ink pixels.
async function ink(page, rect) {
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

// The same measure of the browser's own rendering of `text` (black on white).
async function browserInk(page, text, px) {
  return page.evaluate(({ text, px }) => {
    const ctx = new OffscreenCanvas(40 * px, 3 * px).getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 40 * px, 3 * px);
    ctx.fillStyle = '#000';
    ctx.font = `400 ${px}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    ctx.fillText(text, px, 2 * px);
    return window.__inkOf(ctx.getImageData(0, 0, 40 * px, 3 * px).data, 40 * px, 3 * px);
  }, { text, px });
}

function inkHelper() {
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
    return { width: x1 - x0 + 1, height: y1 - y0 + 1, columns: columns.slice(x0, x1 + 1), rows: rows.slice(y0, y1 + 1) };
  };
}

// Correlation of two column profiles summed in bands of `band` px, aligned at their left edge.
function correlation(a, b, band) {
  const bands = (c) => Array.from({ length: Math.ceil(Math.max(a.length, b.length) / band) },
    (_, i) => c.slice(i * band, (i + 1) * band).reduce((s, v) => s + v, 0));
  const x = bands(a), y = bands(b), n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n, my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) ** 2, syy += (y[i] - my) ** 2;
  return sxy / Math.sqrt(sxx * syy);
}

test('a Greek and Cyrillic name typed in a field is drawn in its script, in the browser\'s shapes, not as question marks', async () => {
  const server = await startServer();
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    await b.page.addInitScript(inkHelper);
    await openApp(b.page, server.url, '#/join');
    const field = b.page.getByRole('textbox', { name: 'Institution' });
    const shot = async (value) => {
      await field.fill(value);
      await b.page.keyboard.press('Escape');  // the field keeps its text; no caret drawn over it
      await settle(b.page);
      const r = await widget(b.page, 'Institution');
      return { png: await b.page.screenshot({ clip: { x: r.x + 4, y: r.y + 3, width: r.w - 8, height: r.h - 6 } }),
        ink: await ink(b.page, { x: r.x + 4, y: r.y + 3, width: r.w - 8, height: r.h - 6 }) };
    };
    const name = await shot(NAME);
    const marks = await shot('?'.repeat([...NAME].length));
    assert.notDeepEqual(name.png, marks.png);
    const own = await browserInk(b.page, NAME, 16);
    assert.ok(Math.abs(name.ink.width - own.width) <= 4, `ink ${name.ink.width} px wide, the browser's ${own.width}`);
    assert.ok(Math.abs(name.ink.height - own.height) <= 2, `ink ${name.ink.height} px high, the browser's ${own.height}`);
    // Rows: the letters' heights and weights (x-height, ascenders, descenders) line by line;
    // columns, in bands about a letter wide (8 px), where the ink falls along the line.
    const rows = correlation(name.ink.rows, own.rows, 1), columns = correlation(name.ink.columns, own.columns, 8);
    assert.ok(rows >= 0.95, `rows correlate at ${rows.toFixed(3)}`);
    assert.ok(columns >= 0.75, `columns correlate at ${columns.toFixed(3)}`);
    // The same measures tell question marks apart.
    assert.ok(correlation(marks.ink.rows, own.rows, 1) < 0.5);
    assert.ok(correlation(marks.ink.columns, own.columns, 8) < 0.3);
    assert.deepEqual(b.log.consoleErrors, []);
  } finally {
    await b.close();
    await server.stop();
  }
});
