// Emoji are drawn in their own colours, as a web page shows them (src/ui/extra_glyphs.h: ImGui's
// coloured glyphs, untinted, from a texture of their own), in the light and dark schemes and under
// forced colours, and the text beside them keeps the theme's text colour.
//
// The method: the pixels of the Institution field's inside (a screenshot, decoded here). 🍎's red
// (Noto Color Emoji, a Debian package the set-up installs): pixels whose red exceeds their green
// and blue by more than 80. The text's colour: its strongest pixel (the farthest from the field's
// background), where a stroke covers a whole pixel. Measured here: "Lab 🍎" has 186 red pixels
// (none where the emoji is a silhouette in the text's colour), 👩‍🔬 57 saturated ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, launch, openApp, startServer, steadyShot, widget } from './harness.mjs';
import { cssColours } from './pixels.mjs';
import { readPalette } from '../../scripts/palette.mjs';

const LATIN = 'Lab';
const APPLE = 'Lab \u{1F34E}';                 // "Lab 🍎": the Latin in the embedded font, the emoji drawn by the browser
const JOINED = 'Lab\u{1F34E}';                 // one word: one run the browser draws, text and emoji together
const SCIENTIST = '\u{1F469}\u200D\u{1F52C}';  // 👩‍🔬: woman, joiner, microscope: one picture
const TEXT = readPalette().text;               // the theme's text colour, light and dark

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

// The field's inside holding `text` (no border, no caret), once the drawer has drawn what the
// app sent and the screen shows it: decodePng's { width, height, channels, px }.
async function field(page, text) {
  const box = page.getByRole('textbox', { name: 'Institution' });
  await box.fill(text);
  await box.blur();
  const r = await widget(page, 'Institution');
  const last = await steadyShot(page, { x: r.x + 4, y: r.y + 3, width: r.w - 8, height: r.h - 6 });
  return decodePng(last);
}

// What columns x0 to x1 of a field hold: red pixels, saturated ones (and the first column with
// one), columns with anything else but the background (its first pixel), and the strongest of those.
function colours({ width, height, channels, px }, x0 = 0, x1 = width) {
  const at = (x, y) => [...px.subarray((y * width + x) * channels, (y * width + x) * channels + 3)];
  const bg = at(0, 0), hex = (c) => c.map((v) => v.toString(16).padStart(2, '0')).join('');
  const out = { red: 0, saturated: 0, inkColumns: [], firstSaturated: -1, strongest: hex(bg) };
  let distance = 0;
  for (let x = x0; x < x1; x++) {
    for (let y = 0; y < height; y++) {
      const [r, g, b] = at(x, y), max = Math.max(r, g, b), min = Math.min(r, g, b);
      if (r - Math.max(g, b) > 80) out.red++;
      if (max - min > 80) {
        out.saturated++;
        if (out.firstSaturated < 0) out.firstSaturated = x;
        continue;
      }
      const d = Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]);
      if (d > 0 && out.inkColumns.at(-1) !== x) out.inkColumns.push(x);
      if (d > distance) distance = d, out.strongest = hex([r, g, b]);
    }
  }
  return out;
}

// The same columns of two fields hold the same pixels.
function samePixels(a, b, x1) {
  for (let y = 0; y < a.height; y++) {
    const row = (img) => img.px.subarray(y * img.width * img.channels, (y * img.width + x1) * img.channels);
    if (!row(a).equals(row(b))) return false;
  }
  return true;
}

// A test's body on the Join view at 1280x800 in `scheme`; no console error may have been logged.
function onJoin(scheme, body) {
  return async () => {
    const b = await launch({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    try {
      await openApp(b.page, server.url, '#/join');
      await body(b.page);
      assert.deepEqual(b.log.consoleErrors, []);
    } finally {
      await b.close();
    }
  };
}

// "Lab 🍎" in `text` colour: the apple red, "Lab" as it is drawn alone, in that colour.
async function assertApple(page, text) {
  const latin = await field(page, LATIN), apple = await field(page, APPLE);
  const alone = colours(latin), drawn = colours(apple);
  assert.ok(drawn.red >= 60, `🍎: ${drawn.red} red pixels`);
  assert.equal(alone.strongest, text, 'Lab: the text\'s colour');
  const latinEnd = alone.inkColumns.at(-1) + 1;
  assert.ok(latinEnd > 10 && samePixels(latin, apple, latinEnd), `Lab (columns 0 to ${latinEnd}) drawn as without the emoji`);
}

for (const scheme of ['light', 'dark']) {
  test(`emoji are drawn in their own colours, the text beside them and in the same run in the theme's (${scheme})`, onJoin(scheme, async (page) => {
    await assertApple(page, TEXT[scheme].slice(1));

    // One run the browser draws whole: its text takes the text's colour, its emoji keeps its own.
    const joined = colours(await field(page, JOINED));
    assert.ok(joined.red >= 60, `Lab🍎: ${joined.red} red pixels`);
    const image = await field(page, JOINED), text = colours(image, 0, joined.firstSaturated - 2);
    assert.ok(text.inkColumns.length >= 15, `Lab in the run: ${text.inkColumns.length} columns of ink`);
    assert.equal(text.strongest, TEXT[scheme].slice(1), 'Lab in the run: the text\'s colour');

    // A sequence: one picture, in colour (her skin and hair, the flask).
    const scientist = colours(await field(page, SCIENTIST));
    assert.ok(scientist.saturated >= 30, `👩‍🔬: ${scientist.saturated} saturated pixels`);
  }));
}

test('under forced colours emoji keep their colours, as on a web page, and the text is CanvasText', onJoin('light', async (page) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const system = await cssColours(page, ['Canvas', 'CanvasText']);
  await assertApple(page, system.CanvasText);
}));
