// The screen's pixels for the tests that look at what the canvas draws, in any engine: a
// screenshot decoded here (harness.mjs's decodePng). Colours as 'rrggbb'.
import { decodePng, drawn } from './harness.mjs';

// The system colours the app draws in under forced colours (library_display.js's SYSTEM_COLOURS).
export const SYSTEM_COLOURS = ['Canvas', 'CanvasText', 'ButtonFace', 'ButtonText', 'Highlight', 'HighlightText'];

// The light theme's border and muted text colours (src/ui/theme.cpp), which more contrast changes.
export const BORDER = 'c9d3dd', MUTED = '4a5360';

// Counts of each colour in a decoded image (harness.mjs's decodePng), most frequent first.
export function colourCountsOf({ width, height, channels, px }) {
  const counts = new Map();
  for (let i = 0; i < width * height * channels; i += channels) {
    const key = px.toString('hex', i, i + 3);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

// Counts of each colour in the screenshot of `clip` (the whole viewport without one), once the
// drawer has drawn the app's last frame.
export async function colourCounts(page, clip) {
  await drawn(page);
  return colourCountsOf(decodePng(await page.screenshot(clip ? { clip } : {})));
}

// How many pixels of `colour` in counts.
export const countOf = (counts, colour) => (counts.find((c) => c[0] === colour) || [colour, 0])[1];

// The device's value of CSS colours (system colours such as 'Canvas', 'CanvasText'), as 'rrggbb'.
export async function cssColours(page, names) {
  return page.evaluate((list) => {
    const probe = document.createElement('span');
    document.body.appendChild(probe);
    const out = {};
    for (const name of list) {
      probe.style.color = name;
      const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
      out[name] = m.slice(1, 4).map((v) => Number(v).toString(16).padStart(2, '0')).join('');
    }
    probe.remove();
    return out;
  }, names);
}
