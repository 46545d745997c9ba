// Reflow, as WCAG 1.4.10 asks of a page: at 320 CSS px wide (a phone, or a desktop window of
// 1280 px at 400 % zoom) and at 640 (200 %), nothing the canvas draws is cut off at its right edge.
// Rows of buttons and radio buttons go on as many lines as they need (widgets.h,
// same_line_if_fits), a checkbox's label wraps beside its box, and the join request's preview
// wraps its lines as a page's <textarea> does. The semantics tree holds each item's box as drawn
// (what the browser's accessibility tree and a screen magnifier follow), so a box beyond the
// canvas is an item cut off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, drawn, launch, openApp, settle, startServer, steadyShot } from './harness.mjs';
import { inkOf } from './ink.mjs';

const VIEWS = ['tiers', 'costs', 'governance', 'members', 'join'];

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

// The semantics tree's elements whose box is not inside [0, width].
const outside = (page, width) => page.evaluate((w) => [...document.querySelectorAll('#semantics *')].flatMap((el) => {
  const r = el.getBoundingClientRect();
  if ((r.width === 0 && r.height === 0) || (r.left >= -0.5 && r.right <= w + 0.5)) return [];
  const name = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 60);
  return [`${el.tagName.toLowerCase()} "${name}" from ${Math.round(r.left)} to ${Math.round(r.right)} px`];
}), width);

for (const [width, height] of [[320, 640], [640, 400]]) {
  test(`at ${width} CSS px every item of every view is inside the canvas`, async () => {
    const b = await launch({ viewport: { width, height } });
    try {
      for (const view of VIEWS) {
        await openApp(b.page, server.url, `#/${view}`);
        await settle(b.page);
        assert.deepEqual(await outside(b.page, width), [], `the ${view} view at ${width} px`);
      }
      assert.deepEqual(b.log.consoleErrors, []);
    } finally {
      await b.close();
    }
  });
}

test('at 320 px a checkbox\'s label wraps beside its box, and a click on its second line ticks it, as on a <label>', async () => {
  const b = await launch({ viewport: { width: 320, height: 640 } });
  try {
    await openApp(b.page, server.url, '#/costs');
    const NAME = 'We want a guaranteed seat on the Technical Review Committee';
    const box = b.page.getByRole('checkbox', { name: NAME });
    await box.focus();  // the view scrolls it into sight
    await box.blur();
    await settle(b.page);
    const rect = (el) => { const q = el.getBoundingClientRect(); return { x: q.x, y: q.y, w: q.width, h: q.height }; };
    const r = await box.evaluate(rect);
    const one = await b.page.getByRole('checkbox', { name: 'We have an annual budget ceiling' }).evaluate(rect);
    assert.ok(r.h > 1.5 * one.h, `two lines: ${r.h} px high, a one-line checkbox ${one.h}`);
    assert.equal(await box.isChecked(), false);
    await b.page.mouse.click(r.x + r.w / 2, r.y + r.h - 6);  // the second line's words
    await settle(b.page);
    assert.equal(await box.isChecked(), true);
  } finally {
    await b.close();
  }
});

// The preview at 320 px: its text ends short of the field's scroll bar on every line (ImGui's own
// multi-line field draws each line whole, cut off at the scroll bar), and the page's control
// holds the email as it is (the lines' breaks are the canvas's only).
test('at 320 px the join request\'s preview wraps its lines; the page\'s control keeps the email\'s own lines', async () => {
  const b = await launch({ viewport: { width: 320, height: 640 } });
  try {
    await openApp(b.page, server.url, '#/join');
    const institution = b.page.getByRole('textbox', { name: 'Institution' });
    await institution.fill('Bibliothèque nationale et universitaire de Strasbourg');
    await institution.blur();
    const preview = b.page.getByRole('textbox', { name: 'Preview' });
    await preview.focus();
    await preview.blur();
    await drawn(b.page);
    const value = await preview.inputValue();
    assert.match(value, /\nInstitution: Bibliothèque nationale et universitaire de Strasbourg\n/);
    const r = await preview.evaluate((el) => { const q = el.getBoundingClientRect(); return { x: q.x, y: q.y, width: q.width, height: q.height }; });
    const clip = { x: Math.ceil(r.x) + 2, y: Math.ceil(r.y) + 2, width: Math.floor(r.width) - 4, height: Math.min(Math.floor(r.height) - 4, 640 - Math.ceil(r.y) - 2) };
    const shot = decodePng(await steadyShot(b.page, clip));
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
    assert.deepEqual(b.log.consoleErrors, []);
  } finally {
    await b.close();
  }
});
