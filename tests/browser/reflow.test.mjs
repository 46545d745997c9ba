// Reflow, as WCAG 1.4.10 asks of a page: at 320 CSS px wide (a phone, or a desktop window of
// 1280 px at 400 % zoom) and at 640 (200 %), nothing the canvas draws is cut off at its right edge.
// Rows of buttons and radio buttons go on as many lines as they need (widgets.h,
// same_line_if_fits), a checkbox's label wraps beside its box, and the join request's preview
// wraps its lines as a page's <textarea> does. The semantics tree holds each item's box as drawn
// (what the browser's accessibility tree and a screen magnifier follow), so a box beyond the
// canvas is an item cut off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, drawn, openApp, settle, steadyShot, withApp } from './harness.mjs';
import { APP_FONTS, correlation, inkOf } from './ink.mjs';

const VIEWS = ['tiers', 'costs', 'governance', 'members', 'join'];

// The semantics tree's elements whose box is not inside [0, width].
const outside = (page, width) => page.evaluate((w) => [...document.querySelectorAll('#semantics *')].flatMap((el) => {
  const r = el.getBoundingClientRect();
  if ((r.width === 0 && r.height === 0) || (r.left >= -0.5 && r.right <= w + 0.5)) return [];
  const name = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 60);
  return [`${el.tagName.toLowerCase()} "${name}" from ${Math.round(r.left)} to ${Math.round(r.right)} px`];
}), width);

// As zoom makes them: 1280 x 800 at 400 % and at 200 %, drawn at 4 and 2 device pixels a CSS px.
for (const [width, height, scale] of [[320, 200, 4], [640, 400, 2]]) {
  test(`at ${width} CSS px (${scale * 100} % zoom) every item of every view is inside the canvas`, () => withApp({ viewport: { width, height }, deviceScaleFactor: scale }, '#/tiers', async ({ page, url, log }) => {
    for (const view of VIEWS) {
      await openApp(page, url, `#/${view}`);
      await settle(page);
      assert.deepEqual(await outside(page, width), [], `the ${view} view at ${width} px`);
    }
    assert.deepEqual(log.consoleErrors, []);
  }));
}

test('at 320 px a checkbox\'s label wraps beside its box, and a click on its second line ticks it, as on a <label>', () => withApp({ viewport: { width: 320, height: 640 } }, '#/costs', async ({ page, log }) => {
  const NAME = 'We want a guaranteed seat on the Technical Review Committee';
  const box = page.getByRole('checkbox', { name: NAME });
  await box.focus();  // the view scrolls it into sight
  await box.blur();
  await settle(page);
  const rect = (el) => { const q = el.getBoundingClientRect(); return { x: q.x, y: q.y, w: q.width, h: q.height }; };
  const r = await box.evaluate(rect);
  const one = await page.getByRole('checkbox', { name: 'We have an annual budget ceiling' }).evaluate(rect);
  assert.ok(r.h > 1.5 * one.h, `two lines: ${r.h} px high, a one-line checkbox ${one.h}`);
  assert.equal(await box.isChecked(), false);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h - 6);  // the second line's words
  await settle(page);
  assert.equal(await box.isChecked(), true);
  assert.deepEqual(log.consoleErrors, []);
}));

// The preview at 320 px: its text ends short of the field's scroll bar on every line (ImGui's own
// multi-line field draws each line whole, cut off at the scroll bar), and the page's control
// holds the email as it is (the lines' breaks are the canvas's only).
test('at 320 px the join request\'s preview wraps its lines; the page\'s control keeps the email\'s own lines', () => withApp({ viewport: { width: 320, height: 640 } }, '#/join', async ({ page, log }) => {
  const institution = page.getByRole('textbox', { name: 'Institution' });
  await institution.fill('Bibliothèque nationale et universitaire de Strasbourg');
  await institution.blur();
  const preview = page.getByRole('textbox', { name: 'Preview' });
  await preview.focus();
  await preview.blur();
  await drawn(page);
  const value = await preview.inputValue();
  assert.match(value, /\nInstitution: Bibliothèque nationale et universitaire de Strasbourg\n/);
  const r = await preview.evaluate((el) => { const q = el.getBoundingClientRect(); return { x: q.x, y: q.y, width: q.width, height: q.height }; });
  const clip = { x: Math.ceil(r.x) + 2, y: Math.ceil(r.y) + 2, width: Math.floor(r.width) - 4, height: Math.min(Math.floor(r.height) - 4, 640 - Math.ceil(r.y) - 2) };
  const shot = decodePng(await steadyShot(page, clip));
  // The scroll bar's left edge: going left from the field's right edge, at its middle, the first
  // column in the field's own colour (its background, left of the text: inkOf's measure).
  const { width: w, channels, px } = shot, mid = shot.height >> 1;
  const at = (x, y) => px.subarray((y * w + x) * channels, (y * w + x) * channels + 3).join(',');
  const background = at(2, mid);
  let bar = w - 1;
  while (bar > 0 && at(bar - 1, mid) !== background) --bar;
  const text = inkOf(shot, { x: 0, y: 0, width: bar, height: shot.height });
  assert.ok(bar < w - 8, `a scroll bar at ${bar} of ${w}`);
  assert.ok(text.width > 0.5 * bar, `the preview's text, ${text.width} px wide`);
  assert.ok(text.x0 + text.width <= bar - 3, `the text reaches ${text.x0 + text.width} px, the scroll bar starts at ${bar}`);
  assert.deepEqual(log.consoleErrors, []);
}));

// A toast names what was done, with data or a file's name in it ("Loaded <file>"). Shown 2.5 s.
async function loadedToast(page, name) {
  const request = Buffer.from(JSON.stringify({ format: 'iiifc-join-request', version: 1, request: { institution: 'Μουσείο' } }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#semantics').getByRole('button', { name: 'Load .json', exact: true }).evaluate((el) => el.click())]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: request });
  const status = page.locator('#semantics [role=status]', { hasText: `Loaded ${name}` });
  await status.waitFor({ state: 'attached' });
  const r = await status.evaluate((el) => { const q = el.getBoundingClientRect(); return { x: q.x, y: q.y, width: q.width, height: q.height }; });
  await drawn(page);
  // Inside its rounded corners (8 px): the toast's own colour all round the text.
  const clip = { x: Math.ceil(r.x) + 8, y: Math.ceil(r.y), width: Math.floor(r.width) - 16, height: Math.floor(r.height) };
  return { r, shot: decodePng(await page.screenshot({ clip })) };
}

// At 320 px a long name goes on as many lines as it needs, inside the canvas.
test('at 320 px a toast with a long file name wraps inside the canvas', () => withApp({ viewport: { width: 320, height: 640 } }, '#/join', async ({ page, log }) => {
  const { r } = await loadedToast(page, 'Αίτηση ένταξης του Μουσείου στην κοινοπραξία IIIF.json');
  assert.ok(r.x >= 0 && r.x + r.width <= 320, `the toast from ${r.x} to ${r.x + r.width} px`);
  const button = (await page.locator('#semantics').getByRole('button', { name: 'Load .json', exact: true }).boundingBox()).height;
  assert.ok(r.height > 1.5 * button, `the toast on two lines or more: ${r.height} px high (a button ${button})`);
  assert.deepEqual(log.consoleErrors, []);
}));

// Its text in the toast's light colour on the text's dark one, drawn in its script: the ink
// (pixels inverted) after "Loaded " against the browser's own rendering of the name
// (scripts.test.mjs's measure), and question marks apart. Measured: 124 px wide (the browser's
// 126), rows 0.994, columns 0.878; question marks' columns -0.078.
test('a toast with a Greek file name draws it in Greek, in the browser\'s shapes', () => withApp({ viewport: { width: 1280, height: 800 } }, '#/join', async ({ page, log }) => {
  const NAME = 'Ελλάδα Україна';
  const inkAfterLoaded = async (name) => {
    const { shot } = await loadedToast(page, name);
    const { width, height, channels } = shot, px = Buffer.from(shot.px.map((v, i) => (i % channels === 3 ? v : 255 - v)));
    // "Loaded " (as wide as the canvas draws it from the ink's start) painted over in the background.
    const cut = inkOf({ width, height, channels, px }).x0 + Math.round(await page.evaluate(() => window.portalTest.textWidth('Loaded ')));
    for (let y = 0; y < height; y++) for (let x = 0; x < cut; x++) px.copy(px, (y * width + x) * channels, 0, channels);
    return inkOf({ width, height, channels, px });
  };
  const name = await inkAfterLoaded(NAME);
  await page.waitForTimeout(3000);  // that toast gone
  const marks = await inkAfterLoaded('?'.repeat([...NAME].length));
  const own = await page.evaluate(({ text, fonts }) => {
    const ctx = new OffscreenCanvas(640, 48).getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 640, 48);
    ctx.fillStyle = '#000';
    ctx.font = `400 16px ${fonts}`;
    ctx.fillText(text, 16, 32);
    return Array.from(ctx.getImageData(0, 0, 640, 48).data);
  }, { text: NAME, fonts: APP_FONTS }).then((px) => inkOf({ width: 640, height: 48, channels: 4, px: Uint8Array.from(px) }));
  assert.ok(Math.abs(name.width - own.width) <= 4, `ink ${name.width} px wide, the browser's ${own.width}`);
  const rows = correlation(name.rows, own.rows, 1), columns = correlation(name.columns, own.columns, 8, 3);
  const marksColumns = correlation(marks.columns, own.columns, 8, 3);
  assert.ok(rows >= 0.95, `rows correlate at ${rows.toFixed(3)}`);
  assert.ok(columns >= 0.75, `columns correlate at ${columns.toFixed(3)}`);
  assert.ok(marksColumns < 0.3, `question marks' columns correlate at ${marksColumns.toFixed(3)}`);
  assert.deepEqual(log.consoleErrors, []);
}));

// At 400 % zoom (1280 x 800 is 320 x 200 CSS px) the header and the navigation take the whole
// height: there they scroll with the view, as a page's top does, so the wheel brings the view's
// own heading onto the screen (on ba93fad's build they stayed, and the view had no room at all).
test('at 400 % zoom the header and navigation scroll with the view, which the wheel brings onto the screen', () => withApp({ viewport: { width: 320, height: 200 }, deviceScaleFactor: 4 }, '#/tiers', async ({ page, log }) => {
  const top = (selector) => page.evaluate((s) => { const r = document.querySelector(s).getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; }, selector);
  for (let i = 0; i < 10 && (await top('#semantics h2')).bottom > 200; i++) {
    await page.mouse.move(160, 100);
    await page.mouse.wheel(0, 100);
    await settle(page);
  }
  const heading = await top('#semantics h2');
  assert.ok(heading.top >= 0 && heading.bottom <= 200, `the view's heading from ${heading.top} to ${heading.bottom} px`);
  assert.ok((await top('#semantics h1')).bottom <= heading.top, 'the page\'s heading went up with the view');
  assert.deepEqual(log.consoleErrors, []);
}));
