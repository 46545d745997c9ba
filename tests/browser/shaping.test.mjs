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
// there only while the field is edited. Wrapped text (a long name at 320 px) against the same
// element as wide as its box, lines 16 px apart: the ink's height (its number of lines), and each
// line's right edge and its darkness by column (no threshold: the browser puts a right-aligned
// line at a fraction of a pixel, the canvas on a whole one; thresholded columns correlate at
// 0.85-0.93 there, darkness at 0.96-0.99). Fonts: DejaVu Sans (Arabic), Lohit Devanagari and Noto
// Color Emoji, Debian packages the set-up installs (emsdk-config/setup.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { click, decodePng, drawn, launch, openApp, settle, SITE_DIR, startServer, widget } from './harness.mjs';
import { APP_FONTS, apart, correlation, ink } from './ink.mjs';

const ARABIC = 'مكتبة الإسكندرية Library 2026';  // Bibliotheca Alexandrina: right-to-left first, then Latin and digits
const SCIENTIST = '\u{1F469}\u200D\u{1F52C}';      // 👩‍🔬: a sequence of two emoji joined, one picture
const EMOJI = `Lab ${SCIENTIST}`;
const DEVANAGARI = 'काशी हिन्दू विश्वविद्यालय';      // Banaras Hindu University: conjuncts न्द, श्व; the vowel sign ि before its consonant

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

// The ink of `text` as the browser lays it out in an element of its own (black on white, 16 px);
// with `width`, wrapped in a box that wide, lines 16 px apart (the app's), and also the ink of each
// line and the box (page coordinates: `measure(page, box)` gives more of it).
async function browserInk(page, text, width = 0, measure = null) {
  await page.evaluate(({ text, family, width }) => {
    const d = document.createElement('div');
    d.id = 'reference-rendering';
    d.dir = 'auto';
    d.textContent = text;
    d.style.cssText = 'position:fixed;left:0;top:0;z-index:2147483647;padding:6px;background:#fff;color:#000;white-space:pre';
    d.style.font = `400 16px ${family}`;
    if (width) d.style.cssText += `;white-space:normal;width:${width}px;line-height:16px`;  // (after the font, which sets it too)
    document.body.appendChild(d);
  }, { text, family: APP_FONTS, width });
  const box = await page.locator('#reference-rendering').boundingBox();
  const measured = measure ? await measure(page, { x: box.x + 6, y: box.y + 6, width: box.width - 12, height: box.height - 12 }) : await ink(page, box);
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

// A test's body on the Join view (at 1280x800 unless told); the browser closes after it, and no
// console error may have been logged. `prepare(b)` runs before the app loads.
function onJoin(body, prepare = async () => {}, viewport = { width: 1280, height: 800 }) {
  return async () => {
    const b = await launch({ viewport });
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
  const own = await browserInk(b.page, SCIENTIST), parts = await browserInk(b.page, apart(SCIENTIST));
  // Right of "Lab": the emoji's ink (its darker half, drawn in its own colours as the browser's:
  // colour_emoji.test.mjs) as wide as the browser's one emoji, not its two parts; more ink than a '?'.
  const after = (m) => m.columns.slice(blank.width + 2);
  const inkOf = (columns) => columns.reduce((s, v) => s + v, 0);
  const width = (columns) => columns.findLastIndex((v) => v > 0) - columns.findIndex((v) => v > 0) + 1;
  assert.ok(Math.abs(width(after(emoji)) - own.width) <= 3, `ink ${width(after(emoji))} px wide, the browser's ${own.width}`);
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

// A long name in Arabic alone, and a Latin one with an Arabic word: at a phone's width each takes
// more than one line of the members list's first column.
const LONG_ARABIC = 'مكتبة الإسكندرية الجديدة للمخطوطات والكتب النادرة والدراسات العربية';
const LATIN_WITH_ARABIC = 'Library of مكتبة Alexandria and Archives of the Mediterranean';

// How dark each column of a rectangle is against its background (at its left edge, mid-height),
// summed over its rows: the ink's profile without a threshold, which a line's fraction of a pixel
// (the browser places a right-aligned line anywhere, the canvas on whole pixels) barely changes.
async function darkness(page, rect) {
  await drawn(page);
  const { width, height, channels, px } = decodePng(await page.screenshot({ clip: rect }));
  const lum = (x, y) => { const i = (y * width + x) * channels; return (px[i] + px[i + 1] + px[i + 2]) / 3; };
  const bg = lum(2, height >> 1);
  return Array.from({ length: width }, (_, x) => {
    let sum = 0;
    for (let y = 0; y < height; y++) sum += Math.max(0, bg - lum(x, y));
    return sum;
  });
}

// The ink of a wrapped text in its box (page coordinates): all of it and each 16 px line from its
// first ink row (`lines` of them): their right edges on the page, and their darkness by column.
async function linesInk(page, box, lines) {
  const crop = (y, height) => ({ x: box.x - 6, y, width: box.width + 12, height });
  const all = await ink(page, crop(box.y - 4, box.height + 8));
  const top = box.y - 4 + all.y0, out = [], profiles = [];
  for (let k = 0; k < lines; k++) {
    out.push(await ink(page, crop(top + 16 * k, 16)));
    profiles.push(await darkness(page, crop(top + 16 * k, 16)));
  }
  const right = (m) => box.x - 6 + m.x0 + m.width;
  return { all, lines: out, profiles, left: box.x - 6 + all.x0, rights: out.map(right), boxRight: box.x + box.width };
}

// The member's name in the list once the search shows it, and its box (the semantics' element).
async function memberBox(page, query, name) {
  await page.getByRole('textbox', { name: 'Search by name' }).fill(query);
  await page.getByRole('textbox', { name: 'Search by name' }).blur();
  await settle(page);
  return page.locator('#semantics').getByText(name, { exact: true }).boundingBox();
}

const withLongNames = (b) => b.context.route('**/membership.json*', async (route) => {
  const data = JSON.parse(readFileSync(join(SITE_DIR, 'membership.json'), 'utf8'));
  data.snapshot.members.push({ name: LONG_ARABIC, tier: 'associate' }, { name: LATIN_WITH_ARABIC, tier: 'associate' });
  await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) });
});

test('at 320 px, a long Arabic name breaks between words as the browser breaks it, each line right to left and right-aligned', onJoin(async (b) => {
  await b.page.evaluate(() => { location.hash = '#/members'; });
  await b.page.getByRole('heading', { name: 'Consortium members' }).waitFor();
  const box = await memberBox(b.page, 'الإسكندرية', LONG_ARABIC);
  const level = await b.page.locator('#semantics td').first().boundingBox();
  assert.ok(box.x + box.width <= level.x, `the name's box (${box.x} to ${box.x + box.width}) ends before the next column (${level.x})`);
  // The browser's own rendering in a box as wide, dir=auto: how many lines, and each line's ink.
  const own = await browserInk(b.page, LONG_ARABIC, box.width, async (page, content) => {
    const lines = Math.round(content.height / 16);
    return { lines, ...(await linesInk(page, content, lines)) };
  });
  assert.ok(own.lines.length >= 2, `the browser wraps it in ${own.lines.length} lines`);
  await settle(b.page);
  const drawn = await linesInk(b.page, box, own.lines.length);
  assert.ok(Math.abs(drawn.all.height - own.all.height) <= 2, `ink ${drawn.all.height} px high, the browser's ${own.all.height} (${own.lines.length} lines)`);
  own.lines.forEach((line, k) => {
    const mine = drawn.lines[k], columns = correlation(drawn.profiles[k], own.profiles[k], 2);
    assert.ok(Math.abs(mine.width - line.width) <= 3, `line ${k + 1}: ink ${mine.width} px wide, the browser's ${line.width}`);
    assert.ok(columns >= 0.9, `line ${k + 1}: columns correlate at ${columns.toFixed(3)}`);
    // The threshold tells lines apart: against the browser's line before it, below it.
    const other = k > 0 ? correlation(drawn.profiles[k], own.profiles[k - 1], 2) : 0;
    assert.ok(other < 0.9, `line ${k + 1} against the browser's line ${k}: ${other.toFixed(3)}`);
    assert.ok(Math.abs(drawn.rights[k] - drawn.boxRight) <= 3, `line ${k + 1} ends at x ${drawn.rights[k]}, its box at ${drawn.boxRight}`);
    assert.ok(Math.abs(own.rights[k] - own.boxRight) <= 3, `the browser's line ${k + 1} ends at x ${own.rights[k]}, its box at ${own.boxRight}`);
  });

  // A Latin name with an Arabic word in it: left to right, left-aligned, wrapped inside its box.
  const latin = await memberBox(b.page, 'Mediterranean', LATIN_WITH_ARABIC);
  const lines = Math.round(latin.height / 16), mixed = await linesInk(b.page, latin, lines);
  assert.ok(lines >= 2, `${lines} lines`);
  assert.ok(Math.abs(mixed.left - latin.x) <= 2, `its ink starts at x ${mixed.left}, its box at ${latin.x}`);
  assert.ok(Math.max(...mixed.rights) <= latin.x + latin.width + 1, `its ink ends at x ${Math.max(...mixed.rights)}, its box at ${latin.x + latin.width}`);
}, withLongNames, { width: 320, height: 640 }));

// Text drawn outside paragraphs and fields: a country chosen from the Join view's list (the list
// shows it chosen), and a tier's short name beside its bar in the Costs chart.
const ARABIC_COUNTRY = 'جمهورية مصر العربية';  // Arab Republic of Egypt
const HINDI = 'हिन्दी';                           // Hindi: the conjunct न्द, the vowel sign ि before its consonant

const withScripts = (b) => b.context.route('**/membership.json*', async (route) => {
  const data = JSON.parse(readFileSync(join(SITE_DIR, 'membership.json'), 'utf8'));
  data.countries.names.EG = ARABIC_COUNTRY;
  for (const schedule of data.schedules) for (const tier of schedule.tiers) if (tier.id === 'associate') tier.short_name = HINDI;
  await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) });
});

test('a country in the list and a tier\'s name in the Costs chart are drawn shaped', onJoin(async (b) => {
  await b.page.getByRole('combobox', { name: 'Country' }).selectOption({ label: ARABIC_COUNTRY });
  await settle(b.page);
  const r = await widget(b.page, 'Country');  // its text, left of the list's arrow
  const chosen = await steadyInk(b.page, { x: r.x + 4, y: r.y + 3, width: r.w - r.h - 8, height: r.h - 6 });
  const own = await browserInk(b.page, ARABIC_COUNTRY), wrong = await browserInk(b.page, apart(ARABIC_COUNTRY));
  assertSameShape(chosen, own, wrong, 'Country');
  // The list opened on the canvas, filtered by a word of it typed in its filter (keys as an Arabic
  // keyboard sends them): the option left, under the filter, is drawn shaped too.
  await click(b.page, 'Country');
  await settle(b.page);
  await b.page.evaluate(() => {
    for (const key of 'مصر') document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await settle(b.page);
  const below = { x: r.x + 4, y: r.y + r.h + 2, width: r.w - 30, height: 3 * r.h };
  const rows = (await steadyInk(b.page, below)).rows;  // the filter's text, a gap, the option's
  const gap = rows.findIndex((n, i) => n === 0 && rows.slice(i).some((m) => m > 0));
  assert.ok(gap > 0, `two lines of ink under the list's box: ${rows.join()}`);
  const top = below.y + (await ink(b.page, below)).y0 + gap;
  assertSameShape(await steadyInk(b.page, { ...below, y: top, height: below.y + below.height - top }), own, wrong, 'the option');

  await b.page.evaluate(() => { location.hash = '#/costs'; });
  const bar = b.page.getByRole('img', { name: new RegExp(`^${HINDI}: total contribution`) });
  await bar.waitFor();
  await settle(b.page);
  const at = await bar.boundingBox();  // the label at its top left, its bar from 7 em
  const label = await steadyInk(b.page, { x: at.x - 4, y: at.y - 6, width: 100, height: 28 });
  assertSameShape(label, await browserInk(b.page, HINDI), await browserInk(b.page, apart(HINDI)), 'Costs chart');
}, withScripts, { width: 1280, height: 1600 }));
