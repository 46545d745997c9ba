// The semantics tree's DOM builder (src/platform/web/library_semantics.js) on its own, in
// Chromium: the library is loaded into a page with the site's stylesheet and given trees as the
// app would publish them; the app's exports are replaced by a recorder, so each test can say
// exactly which actions a DOM event sends. The end-to-end tests (semantics.test.mjs) drive the
// real app; these pin down what is hard to provoke there: diffing, focus kept across updates, a
// text field's value not clobbered by an echo that lags behind the typing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { protocolScript, readProtocol } from '../../scripts/page_protocol.mjs';
import { SOURCE_DIR, launch, startServer } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const LIBRARY = readFileSync(join(SOURCE_DIR, 'src', 'platform', 'web', 'library_semantics.js'), 'utf8');
const CSS = readFileSync(join(SOURCE_DIR, 'web', 'app.css'), 'utf8');

// The page: the site's shell (a canvas filling the window, #semantics over it) without the app.
const PAGE = `<!DOCTYPE html><html lang="en" data-app-state="ready"><head><meta charset="utf-8"><title>Semantics</title></head>
<body><div id="app" aria-hidden="true"><canvas id="canvas" tabindex="-1"></canvas></div>
<div id="semantics" role="main" aria-label="IIIF Consortium membership portal"></div></body></html>`;

// Emscripten's runtime as far as the library uses it, with the protocol's values the build links
// in (library_protocol.js); the exports record their calls.
const SHIM = `
window.LibraryManager = { library: { $portalProtocol: ${protocolScript(readProtocol(join(SOURCE_DIR, 'src', 'ui', 'page_protocol.h')))} } };
window.mergeInto = function (lib, obj) { Object.assign(lib, obj); };
window.__heap = {}; window.__next = 8; window.calls = [];
window.lengthBytesUTF8 = function (s) { return s.length; };
window.stringToUTF8 = function (s, p) { window.__heap[p] = s; };
window._malloc = function () { return window.__next++; };
window._free = function (p) { delete window.__heap[p]; };
window.UTF8ToString = function (s) { return s; };
window.Module = {
  canvas: document.getElementById('canvas'),
  _portal_semantic_action: function (id, action, p) { window.calls.push(['action', id, action, window.__heap[p]]); },
  _portal_semantic_caret: function (id, start, end) { window.calls.push(['caret', id, start, end]); },
};`;
const EXPOSE = `
for (const k of Object.keys(LibraryManager.library)) {
  if (k.startsWith('$') && !k.includes('__')) window[k.slice(1)] = LibraryManager.library[k];
}
window.lib = LibraryManager.library;
window.publish = (tree) => lib.browser_publish_semantics(JSON.stringify(tree));`;

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function open() {
  const b = await launch({ bypassCSP: true });
  await b.page.route('**/semantics-dom.html', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: PAGE }));
  await b.page.goto(server.url + 'semantics-dom.html');
  await b.page.addStyleTag({ content: CSS + '\n#app { visibility: visible; }' });
  await b.page.addScriptTag({ content: SHIM });
  await b.page.addScriptTag({ content: LIBRARY });
  await b.page.addScriptTag({ content: EXPOSE });
  return b;
}

// A join-like view: navigation, a heading, a table with a button in a cell, a form.
function tree({ institution = '', email = 'kari@', invalid = true, current = 5, extra = false } = {}) {
  const tabs = ['Tiers', 'Costs', 'Governance', 'Members', 'Join'].map((name, i) => ({
    id: 100 + i, role: 'tab', name, rect: [20 + i * 100, 10, 90, 30], ...(current === i + 1 ? { current: true } : {}),
  }));
  return [
    { id: 1, role: 'tablist', name: 'Views', rect: [20, 10, 500, 30], children: tabs },
    { id: 2, role: 'heading', name: 'Join the IIIF Consortium', level: 2, rect: [20, 60, 400, 30] },
    { id: 3, role: 'table', name: 'Membership tiers', rect: [20, 100, 600, 80], children: [
      { id: 30, role: 'row', rect: [20, 100, 600, 40], children: [
        { id: 31, role: 'columnheader', name: 'Tier', rect: [20, 100, 300, 40] },
        { id: 32, role: 'columnheader', name: 'Associate', rect: [320, 100, 300, 40] }] },
      { id: 33, role: 'row', rect: [20, 140, 600, 40], children: [
        { id: 34, role: 'rowheader', name: 'Choose', rect: [20, 140, 300, 40] },
        { id: 35, role: 'cell', name: '', rect: [320, 140, 300, 40], children: [
          { id: 36, role: 'button', name: 'Choose Associate membership', rect: [330, 145, 200, 30] }] }] }] },
    { id: 4, role: 'combobox', name: 'Organisation type', value: 'Museum', rect: [20, 200, 300, 30], children: [
      { id: 40, role: 'option', name: 'University' },
      { id: 41, role: 'option', name: 'Museum', selected: true },
      { id: 42, role: 'option', name: 'Company' }] },
    { id: 5, role: 'textbox', name: 'Institution', value: institution, required: true, autocomplete: 'organization',
      placeholder: 'Your institution', rect: [20, 240, 300, 30] },
    { id: 6, role: 'textbox', name: 'Contact email', value: email, kind: 'email', required: true, autocomplete: 'email',
      rect: [20, 280, 300, 30], ...(invalid ? { invalid: true, error: 'Contact email is not a valid email address.' } : {}) },
    { id: 7, role: 'textbox', name: 'Message', value: '', multiline: true, rect: [20, 320, 300, 80] },
    { id: 8, role: 'checkbox', name: 'Include the budget summary', checked: true, rect: [20, 410, 300, 24] },
    { id: 9, role: 'slider', name: 'Years', value: '3', min: 1, max: 10, step: 1, rect: [20, 440, 300, 24] },
    { id: 10, role: 'spinbutton', name: 'Attendees', value: '4', min: 0, max: 50, step: 1, rect: [20, 470, 300, 24] },
    { id: 11, role: 'group', name: 'Assumptions', rect: [20, 500, 300, 60], children: [
      { id: 110, role: 'button', name: 'Assumptions', rect: [20, 500, 300, 24] },
      { id: 111, role: 'text', name: 'Travel is not included.', rect: [20, 530, 300, 24] }] },
    { id: 12, role: 'button', name: 'Open in my email program', disabled: true, rect: [20, 570, 250, 30] },
    ...(extra ? [{ id: 13, role: 'status', name: 'The request can be sent once every required field is filled.', rect: [20, 610, 500, 24] }] : []),
  ];
}

test('semantics DOM: each role becomes its element, with name, value and state, over its widget', async () => {
  const b = await open();
  const { page } = b;
  try {
    await page.evaluate((t) => window.publish(t), tree());
    assert.equal(await page.getByRole('tab').count(), 5);
    assert.equal(await page.getByRole('tablist', { name: 'Views' }).count(), 1);
    const join = page.getByRole('tab', { name: 'Join' });
    assert.equal(await join.getAttribute('aria-selected'), 'true');
    assert.equal(await join.getAttribute('aria-current'), 'page');
    assert.equal(await page.getByRole('tab', { name: 'Tiers' }).getAttribute('aria-selected'), 'false');
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Join the IIIF Consortium' }).count(), 1);
    assert.equal(await page.getByRole('table', { name: 'Membership tiers' }).count(), 1);
    assert.equal(await page.getByRole('columnheader', { name: 'Associate' }).count(), 1);
    assert.equal(await page.getByRole('rowheader', { name: 'Choose' }).count(), 1);
    assert.equal(await page.getByRole('cell').getByRole('button', { name: 'Choose Associate membership' }).count(), 1);
    const type = page.getByRole('combobox', { name: 'Organisation type' });
    assert.equal(await type.inputValue(), '41');
    assert.deepEqual(await type.locator('option').allTextContents(), ['University', 'Museum', 'Company']);
    const institution = page.getByRole('textbox', { name: 'Institution' });
    assert.equal(await institution.getAttribute('autocomplete'), 'organization');
    assert.equal(await institution.getAttribute('aria-required'), 'true');
    assert.equal(await institution.getAttribute('placeholder'), 'Your institution');
    const email = page.getByLabel('Contact email');
    assert.equal(await email.inputValue(), 'kari@');
    assert.equal(await email.getAttribute('inputmode'), 'email');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    const described = await email.getAttribute('aria-describedby');
    assert.equal(await page.locator(`[id="${described}"]`).textContent(), 'Contact email is not a valid email address.');
    assert.equal(await page.getByRole('textbox', { name: 'Message' }).evaluate((e) => e.tagName), 'TEXTAREA');
    assert.equal(await page.getByRole('checkbox', { name: 'Include the budget summary' }).isChecked(), true);
    assert.equal(await page.getByRole('slider', { name: 'Years' }).inputValue(), '3');
    assert.equal(await page.getByRole('spinbutton', { name: 'Attendees' }).getAttribute('max'), '50');
    assert.equal(await page.getByRole('region', { name: 'Assumptions' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Assumptions' }).getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('button', { name: 'Open in my email program' }).getAttribute('aria-disabled'), 'true');

    // Each element sits over its widget's rectangle (the canvas's CSS pixels); the pointer still
    // reaches the canvas there.
    assert.deepEqual(await page.getByRole('button', { name: 'Choose Associate membership' }).boundingBox(), { x: 330, y: 145, width: 200, height: 30 });
    assert.deepEqual(await institution.boundingBox(), { x: 20, y: 240, width: 300, height: 30 });
    assert.deepEqual(await page.getByRole('tab', { name: 'Costs' }).boundingBox(), { x: 120, y: 10, width: 90, height: 30 });
    assert.equal(await page.evaluate(() => document.elementFromPoint(430, 160).id), 'canvas');
    assert.equal(await page.evaluate(() => document.elementFromPoint(100, 255).id), 'canvas');
  } finally {
    await b.close();
  }
});

// Its text is in the page's own font, as resolved for the static content before the app starts:
// every new font (family, size, weight) is a round trip to the browser's font service when the
// tree is first laid out, and a font of the tree's own cost about 20 ms of that layout on a phone
// right after the app showed (five lookups, six fallback matches; 24.8 ms -> 4.7-10.1 ms).
test('semantics DOM: its text takes the font of the page, no font of its own', async () => {
  const b = await open();
  const { page } = b;
  try {
    await page.evaluate((t) => window.publish(t), tree());
    const fonts = await page.evaluate(() => {
      const key = (e) => { const s = getComputedStyle(e); return [s.fontFamily, s.fontSize, s.fontWeight, s.fontStyle].join(' / '); };
      const all = [...document.querySelectorAll('#semantics *')];
      return { body: key(document.body), count: all.length, differing: [...new Set(all.map(key))].filter((k) => k !== key(document.body)) };
    });
    assert.ok(fonts.count > 20, `the tree has its elements (${fonts.count})`);
    assert.deepEqual(fonts.differing, [], `the page's font is ${fonts.body}`);
  } finally {
    await b.close();
  }
});

test('semantics DOM: DOM events become the app actions of the contract', async () => {
  const b = await open();
  const { page } = b;
  try {
    await page.evaluate((t) => window.publish(t), tree());
    const calls = async () => { const c = await page.evaluate(() => window.calls.splice(0)); return c; };
    await page.getByRole('tab', { name: 'Costs' }).dispatchEvent('click');  // a screen reader's or voice control's click
    assert.deepEqual(await calls(), [['action', 101, 1, '']]);
    await page.getByRole('button', { name: 'Choose Associate membership' }).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await calls(), [['action', 36, 3, ''], ['action', 36, 1, '']]);
    await page.getByRole('button', { name: 'Open in my email program' }).dispatchEvent('click');  // disabled: nothing
    assert.deepEqual(await calls(), []);
    await page.getByRole('combobox', { name: 'Organisation type' }).selectOption({ label: 'Company' });
    assert.deepEqual((await calls()).filter((c) => c[0] === 'action' && c[2] === 2), [['action', 4, 2, '42']]);
    await page.getByRole('checkbox', { name: 'Include the budget summary' }).press('Space');
    assert.deepEqual((await calls()).filter((c) => c[0] === 'action' && c[2] === 2), [['action', 8, 2, 'false']]);
    await page.getByRole('slider', { name: 'Years' }).press('ArrowRight');
    assert.deepEqual((await calls()).filter((c) => c[0] === 'action' && c[2] === 2), [['action', 9, 2, '4']]);
    await page.getByRole('textbox', { name: 'Institution' }).pressSequentially('Ab', { delay: 20 });
    const typed = await calls();
    assert.deepEqual(typed.filter((c) => c[0] === 'action' && c[2] === 2), [['action', 5, 2, 'A'], ['action', 5, 2, 'Ab']]);
    assert.deepEqual(typed.filter((c) => c[0] === 'caret').at(-1), ['caret', 5, 2, 2]);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.waitForFunction(() => window.calls.some((c) => c[0] === 'caret'));
    assert.deepEqual((await calls()).filter((c) => c[0] === 'caret'), [['caret', 5, 1, 2]]);
    // Autofill: the browser sets the value and fires input and change.
    await page.getByLabel('Contact email').evaluate((el) => {
      el.value = 'kari@example.org';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    assert.deepEqual((await calls()).filter((c) => c[0] === 'action' && c[2] === 2), [['action', 6, 2, 'kari@example.org']]);
    // With no app exports (an app built without them) events send nothing and throw nothing.
    await page.evaluate(() => { delete window.Module._portal_semantic_action; delete window.Module._portal_semantic_caret; });
    await page.getByRole('tab', { name: 'Join' }).dispatchEvent('click');
    await page.getByRole('textbox', { name: 'Institution' }).fill('x');
    assert.deepEqual(await calls(), []);
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});

test('semantics DOM: updates reuse elements, keep focus and the text being typed', async () => {
  const b = await open();
  const { page } = b;
  try {
    await page.evaluate((t) => window.publish(t), tree());
    // At start-up the page's focus is nobody's: the app's first focus does not take it.
    await page.evaluate(() => window.lib.browser_semantics_focus(36));
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await page.evaluate(() => { for (const el of document.querySelectorAll('#semantics *')) el.__kept = true; });
    const institution = page.getByRole('textbox', { name: 'Institution' });
    await institution.focus();
    await page.keyboard.type('Musée');
    await page.evaluate(() => window.calls.splice(0));
    // The app publishes a tree from two keystrokes ago (its frame ran before the last input):
    // an echo of what the field sent, so the field keeps "Musée" and its caret.
    await page.evaluate((t) => window.publish(t), tree({ institution: 'Mus', extra: true }));
    assert.equal(await institution.inputValue(), 'Musée');
    assert.deepEqual(await institution.evaluate((e) => [e.selectionStart, e.selectionEnd]), [5, 5]);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sem-5');
    // Every element of the first tree is still the same element; the new node was added in order.
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('#semantics *')].filter((e) => !e.__kept).map((e) => e.tagName).join()), 'P');
    assert.equal(await page.evaluate(() => document.querySelector('#semantics').lastElementChild.textContent),
      'The request can be sent once every required field is filled.');
    // A value the field never sent is the app's (a loaded file): it replaces the text.
    await page.evaluate((t) => window.publish(t), tree({ institution: 'Loaded Museum' }));
    assert.equal(await institution.inputValue(), 'Loaded Museum');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sem-5');
    // Fixed email: aria-invalid false and no description.
    await page.evaluate((t) => window.publish(t), tree({ email: 'kari@example.org', invalid: false }));
    const email = page.getByLabel('Contact email');
    assert.equal(await email.getAttribute('aria-invalid'), 'false');
    assert.equal(await email.getAttribute('aria-describedby'), null);
    // The tree reordered around the focused field: the field is not re-made and keeps focus.
    const reordered = tree().reverse();
    await page.evaluate((t) => window.publish(t), reordered);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sem-5');
    assert.equal(await page.evaluate(() => document.activeElement.__kept), true);
    assert.equal(await page.evaluate(() => document.querySelector('#semantics').firstElementChild.textContent), 'Open in my email program');
    // Nothing sent back while the app published (no echo of its own changes).
    assert.deepEqual(await page.evaluate(() => window.calls.filter((c) => c[0] === 'action')), []);
    // The app moves focus (arrow keys on the canvas): the DOM follows; a view change removes the
    // focused control: focus goes to the new view's heading.
    await page.evaluate(() => window.lib.browser_semantics_focus(36));
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Choose Associate membership');
    // The field left is told; the focus the app moved itself is not sent back to it.
    assert.deepEqual(await page.evaluate(() => window.calls.splice(0).filter((c) => c[0] === 'action')), [['action', 5, 4, '']]);
    await page.evaluate(() => window.publish([{ id: 900, role: 'heading', level: 2, name: 'Costs', rect: [20, 60, 300, 30] }]));
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Costs');
    assert.equal(await page.evaluate(() => document.querySelectorAll('#semantics *').length), 1);
  } finally {
    await b.close();
  }
});

test('semantics DOM: axe-core finds no violations in the tree', async () => {
  const b = await open();
  const { page } = b;
  try {
    await page.evaluate((t) => window.publish(t), tree({ extra: true }));
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
  } finally {
    await b.close();
  }
});
