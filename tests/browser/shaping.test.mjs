// Text that needs shaping is drawn whole by the browser (src/ui/shaped_text.h): Arabic joined and
// right to left, with the Latin and digits beside it where the bidirectional algorithm puts them;
// Devanagari with its conjuncts and reordered vowel signs; emoji sequences (two or more emoji
// joined into one picture).
//
// The method: the ink (pixels darker than the background by half: ink.mjs) of the canvas's text
// against the ink of the browser's own rendering of the same string: an HTML element with
// dir="auto", in the font stack the app asks the browser for (library_glyphs.js's FAMILY) at the
// same size, black on white. Its width within 3 px, its height within 2 px, its rows correlated at
// 0.95 or more and its columns, in 2 px bands, at 0.9 or more. Each test also measures a wrong
// rendering the same way (the letters apart and left to right, as the canvas drew them letter by
// letter: each character an isolated cluster under a left-to-right override) and checks that it
// scores below the threshold, so the threshold does tell them apart. Measured here: the Arabic
// name's columns 0.9997 (apart: 0.36), Devanagari 1.0 (apart: -0.21). The caret: the ink that is
// there only while the field is edited. Fonts: DejaVu Sans (Arabic), Lohit Devanagari and Noto
// Color Emoji, Debian packages the set-up installs (emsdk-config/setup.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_DIR, click, launch, openApp, settle, startServer, widget } from './harness.mjs';
import { APP_FONTS, apart, correlation, ink } from './ink.mjs';

const ARABIC = 'مكتبة الإسكندرية Library 2026';  // Bibliotheca Alexandrina: right-to-left first, then Latin and digits
const EMOJI = 'Lab \u{1F469}\u200D\u{1F52C}';        // "Lab 👩‍🔬": a sequence of two emoji joined, one picture
const DEVANAGARI = 'काशी हिन्दू विश्वविद्यालय';      // Banaras Hindu University: conjuncts न्द, श्व; the vowel sign ि before its consonant

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

// The ink of `text` as the browser lays it out in an element of its own (black on white, 16 px).
async function browserInk(page, text) {
  await page.evaluate(({ text, family }) => {
    const d = document.createElement('div');
    d.id = 'reference-rendering';
    d.dir = 'auto';
    d.textContent = text;
    d.style.cssText = 'position:fixed;left:0;top:0;z-index:2147483647;padding:6px;background:#fff;color:#000;white-space:pre';
    d.style.font = `400 16px ${family}`;
    document.body.appendChild(d);
  }, { text, family: APP_FONTS });
  const box = await page.locator('#reference-rendering').boundingBox();
  const measured = await ink(page, box);
  await page.evaluate(() => document.getElementById('reference-rendering').remove());
  return measured;
}

function assertSameShape(drawn, own, wrong, what) {
  const rows = correlation(drawn.rows, own.rows, 1), columns = correlation(drawn.columns, own.columns, 2);
  const wrongColumns = correlation(wrong.columns, own.columns, 2);
  assert.ok(Math.abs(drawn.width - own.width) <= 3, `${what}: ink ${drawn.width} px wide, the browser's ${own.width}`);
  assert.ok(Math.abs(drawn.height - own.height) <= 2, `${what}: ink ${drawn.height} px high, the browser's ${own.height}`);
  assert.ok(rows >= 0.95, `${what}: rows correlate at ${rows.toFixed(3)}`);
  assert.ok(columns >= 0.9, `${what}: columns correlate at ${columns.toFixed(3)}`);
  assert.ok(wrongColumns < 0.9 || Math.abs(wrong.width - own.width) > 3,
    `${what}: the letters apart, left to right, would pass too (columns ${wrongColumns.toFixed(3)}, ${wrong.width} px)`);
}

// The ink of a rectangle once the canvas shows the last frame built (the drawer draws it in a
// worker, after the app has gone idle): measured until two measures agree.
async function steadyInk(page, rect) {
  let last = await ink(page, rect);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const now = await ink(page, rect);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

// The field's inside (no border, no focus ring), once the page's input has left it: no caret.
async function fieldInk(page, label, value) {
  await page.getByRole('textbox', { name: label }).fill(value);
  await page.getByRole('textbox', { name: label }).blur();
  await settle(page);
  const r = await widget(page, label);
  return steadyInk(page, { x: r.x + 4, y: r.y + 3, width: r.w - 8, height: r.h - 6 });
}

// A test's body on the Join view at 1280x800; the browser closes after it, and no console error
// may have been logged. `prepare(b)` runs before the app loads.
function onJoin(body, prepare = async () => {}) {
  return async () => {
    const b = await launch({ viewport: { width: 1280, height: 800 } });
    try {
      await prepare(b);
      await openApp(b.page, server.url, '#/join');
      await body(b);
      assert.deepEqual(b.log.consoleErrors, []);
    } finally {
      await b.close();
    }
  };
}

// One more member, with an Arabic name, in the data the app reads.
const withArabicMember = (b) => b.context.route('**/membership.json*', async (route) => {
  const data = JSON.parse(readFileSync(join(SITE_DIR, 'membership.json'), 'utf8'));
  data.snapshot.members.push({ name: ARABIC, tier: 'associate' });
  await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) });
});

test('an Arabic name with Latin and digits is drawn joined and right to left, typed in a field and in the members list', onJoin(async (b) => {
  const own = await browserInk(b.page, ARABIC), wrong = await browserInk(b.page, apart(ARABIC));
  assertSameShape(await fieldInk(b.page, 'Institution', ARABIC), own, wrong, 'Institution');

  // Read-only: the member's row, found by the search field (typed Arabic too).
  await b.page.evaluate(() => { location.hash = '#/members'; });
  await b.page.getByRole('heading', { name: 'Consortium members' }).waitFor();
  await b.page.getByRole('textbox', { name: 'Search by name' }).fill('الإسكندرية');
  await b.page.getByRole('textbox', { name: 'Search by name' }).blur();
  await settle(b.page);
  const row = await b.page.locator('#semantics').getByText(ARABIC, { exact: true }).boundingBox();
  assertSameShape(await steadyInk(b.page, { x: row.x - 6, y: row.y - 2, width: row.width + 12, height: row.height + 4 }), own, wrong, 'members list');
  // Text unchanged, frames built again (the pointer moving over the view): nothing drawn again.
  const state = await b.page.evaluate(() => window.portalTest.state());
  assert.ok(state.shaped_runs >= 2, `${state.shaped_runs} runs drawn whole`);
  for (let i = 0; i < 8; i++) await b.page.mouse.move(600 + 30 * i, 450);
  await settle(b.page);
  const later = await b.page.evaluate(() => window.portalTest.state());
  assert.ok(later.frames > state.frames);
  assert.equal(later.shaped_runs, state.shaped_runs);
}, withArabicMember));

test('Devanagari is drawn with its conjuncts and reordered vowel signs', onJoin(async (b) => {
  const own = await browserInk(b.page, DEVANAGARI), wrong = await browserInk(b.page, apart(DEVANAGARI));
  assertSameShape(await fieldInk(b.page, 'Institution', DEVANAGARI), own, wrong, 'Institution');
}));

test('an emoji sequence is drawn as one emoji, not as its parts, a question mark or a blank', onJoin(async (b) => {
  // A woman scientist: woman, zero-width joiner, microscope; each part is an emoji of its own.
  const blank = await fieldInk(b.page, 'Institution', 'Lab');
  const marked = await fieldInk(b.page, 'Institution', 'Lab ?');
  const emoji = await fieldInk(b.page, 'Institution', EMOJI);
  const own = await browserInk(b.page, EMOJI), parts = await browserInk(b.page, apart(EMOJI));
  // Right of "Lab": the emoji's ink (an alpha silhouette in the text's colour: the atlas holds
  // coverage only) as wide as the browser's one emoji, not its two parts; more ink than a '?'.
  const after = (m) => m.columns.slice(blank.width + 2);
  const inkOf = (columns) => columns.reduce((s, v) => s + v, 0);
  assert.ok(Math.abs(emoji.width - own.width) <= 3, `ink ${emoji.width} px wide, the browser's ${own.width}`);
  assert.ok(parts.width - own.width > 6, `its parts apart are ${parts.width} px wide`);
  assert.ok(inkOf(after(emoji)) > 2 * inkOf(after(marked)), `emoji ${inkOf(after(emoji))} px of ink, '?' ${inkOf(after(marked))}`);
}));

test('after typing Arabic, the caret is at the text\'s visual end: its left', onJoin(async (b) => {
  await click(b.page, 'Institution');
  await b.page.keyboard.type('محمد');
  await settle(b.page);
  const r = await widget(b.page, 'Institution');
  const inside = { x: r.x + 4, y: r.y + 3, width: r.w - 8, height: r.h - 6 };
  const withCaret = await steadyInk(b.page, inside);
  await b.page.getByRole('textbox', { name: 'Institution' }).blur();
  await settle(b.page);
  const text = await steadyInk(b.page, inside);
  // The caret: ink there only while the field is edited, left of the text, nothing right of it.
  const textRight = text.x0 + text.width;
  assert.ok(withCaret.x0 < text.x0, `the caret's ink from x ${withCaret.x0}, the text's from ${text.x0} to ${textRight}`);
  assert.equal(withCaret.x0 + withCaret.width, textRight, 'nothing drawn right of the text');
}));
