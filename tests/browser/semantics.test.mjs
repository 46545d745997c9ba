// The app as assistive technology, voice control, keyboard users and autofill meet it: through
// the real DOM controls of the semantics tree (library_semantics.js) built from what the widgets
// record as they draw. Controls are found only by role and accessible name (getByRole,
// getByLabel), acted on as a screen reader or voice control does (a click event on the element),
// with the keyboard, or as autofill does (the value set, input and change fired); what happened is
// read back from the page (the accessibility tree, the preview, the mailto:, the clipboard, the
// download), never from the test build's queries and never at coordinates.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { appState, ARTIFACTS, axeViolations, drawn, launch, openApp, parseMailto, sameOrigin, settle, startServer, until, widget } from './harness.mjs';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const VIEWS = ['Tiers', 'Costs', 'Governance', 'Members', 'Join'];

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const attributeIs = (page, locator, name, value) =>
  until(page, async () => (await locator.getAttribute(name)) === value, `${name}="${value}"`);

// What a screen reader's or voice control's "click" does: a click event on the element.
const activate = (locator) => locator.dispatchEvent('click');

// Chromium's accessibility tree of the app (the page's main landmark), in document order: every
// control, heading, table and image with its role, name, value and state.
const KEEP = new Set(['heading', 'button', 'tab', 'tablist', 'checkbox', 'radio', 'radiogroup', 'combobox', 'option',
                      'slider', 'spinbutton', 'textbox', 'table', 'image', 'link', 'dialog']);
const STATES = ['level', 'checked', 'selected', 'expanded', 'disabled', 'required', 'invalid', 'readonly', 'focused'];
async function accessibilityTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const main = nodes.find((n) => n.role?.value === 'main' && n.name?.value === 'IIIF Consortium membership portal' && !n.ignored);
  const out = [];
  const walk = (n) => {
    if (!n) return;
    const role = n.role?.value;
    if (!n.ignored && KEEP.has(role)) {
      const e = { role, name: n.name?.value ?? '' };
      if (n.value && n.value.value !== '' && n.value.value !== undefined) e.value = String(n.value.value);
      for (const p of n.properties || []) {
        if (!STATES.includes(p.name)) continue;
        const v = p.value.value;
        if (v === false || v === 'false' || v === undefined) continue;
        if (p.name === 'focused') continue;  // where the focus is differs with timing, not with the view
        if (p.name === 'selected' && role === 'option' && v !== true) continue;
        e[p.name] = v;
      }
      out.push(e);
    }
    for (const c of n.childIds || []) walk(byId.get(c));
  };
  walk(main);
  return out;
}

// The tree once it stopped changing (the app publishes when a burst of frames ends).
async function stableTree(page, cdp) {
  let last = null;
  for (let i = 0; i < 100; i++) {
    const t = await accessibilityTree(cdp);
    const s = JSON.stringify(t);
    if (s === last) return t;
    last = s;
    await page.waitForTimeout(150);
  }
  throw new Error('the accessibility tree kept changing');
}

const formatSnapshot = (nodes) => '[\n' + nodes.map((n) => '  ' + JSON.stringify(n)).join(',\n') + '\n]\n';

async function openView(page, name) {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await activate(tab);
  await attributeIs(page, tab, 'aria-selected', 'true');
}

test('a screen reader user joins: change view, choose Associate, Museum, fill, fix the email, send, copy, download', async () => {
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  const { page, context, log } = b;
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await openApp(page, server.url);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'IIIF Consortium membership');
    assert.equal(await page.getByRole('tab', { name: 'Tiers' }).getAttribute('aria-current'), 'page');

    // Choose Associate in the comparison: Enter on the focused button, as a keyboard user would.
    const choose = page.getByRole('button', { name: 'Choose Associate' });
    await choose.press('Enter');
    await page.getByRole('button', { name: '✓ Associate chosen' }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('button', { name: 'Choose Full' }).count(), 1);

    // Change view: the Join tab, clicked as a screen reader or voice control does.
    await activate(page.getByRole('tab', { name: 'Join' }));
    await page.getByRole('heading', { name: 'Ask to join', level: 2 }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('tab', { name: 'Join' }).getAttribute('aria-current'), 'page');
    assert.equal(await page.getByRole('tab', { name: 'Tiers' }).getAttribute('aria-current'), null);
    const tier = page.getByRole('combobox', { name: 'Membership tier' });
    assert.equal(await tier.locator('option:checked').textContent(), 'Associate membership');

    // Organisation type: a select, as the person's browser shows it.
    const type = page.getByRole('combobox', { name: 'Organisation type' });
    await type.selectOption({ label: 'Museum' });
    await until(page, async () => (await type.locator('option:checked').textContent()) === 'Museum', 'Museum chosen');

    // The required fields, by their labels; the autocomplete tokens come from the data.
    const send = page.getByRole('button', { name: 'Open in my email program' });
    assert.equal(await send.getAttribute('aria-disabled'), 'true');
    await page.getByRole('textbox', { name: 'Institution' }).fill('Musée des Beaux-Arts & Co');
    await page.getByLabel('Country').selectOption({ label: 'France' });
    const name = page.getByLabel('Contact name');
    assert.equal(await name.getAttribute('autocomplete'), 'name');
    await name.pressSequentially('Zoë Martin', { delay: 10 });
    const email = page.getByRole('textbox', { name: 'Contact email' });
    assert.equal(await email.getAttribute('autocomplete'), 'email');
    await email.fill('zoe@example');
    await email.press('Tab');  // leaving the field shows what it lacks
    await attributeIs(page, email, 'aria-invalid', 'true');
    const described = await email.getAttribute('aria-describedby');
    const message = await page.locator(`[id="${described}"]`).textContent();
    assert.match(message, /^Contact email .*valid email address/);
    assert.equal(await send.getAttribute('aria-disabled'), 'true');

    // Fix the email: the message goes and the send button is enabled.
    await email.fill('zoe@example.org');
    await email.press('Tab');
    await attributeIs(page, email, 'aria-invalid', 'false');
    assert.equal(await email.getAttribute('aria-describedby'), null);
    await attributeIs(page, send, 'aria-disabled', null);
    assert.equal(await page.getByRole('textbox', { name: 'Institution' }).inputValue(), 'Musée des Beaux-Arts & Co');

    // Open the email program (Space on the button); the page's mailto: is caught by the harness.
    await send.press('Space');
    const mailtos = await until(page, () => page.evaluate(() => (window.__mailto || []).length && window.__mailto), 'a mailto: link');
    assert.equal(mailtos.length, 1);
    const m = parseMailto(mailtos[0]);
    assert.equal(m.address, 'staff@iiif.io');
    assert.equal(m.subject, 'IIIF Consortium membership request: Musée des Beaux-Arts & Co (Associate membership)');
    assert.match(m.body, /\r\nInstitution: Musée des Beaux-Arts & Co\r\n/);
    assert.match(m.body, /\r\nOrganisation type: Museum\r\n/);
    assert.match(m.body, /\r\nCountry: France\r\n/);
    assert.match(m.body, /\r\nMembership tier: Associate membership\r\n/);
    assert.match(m.body, /\r\nContact name: Zoë Martin\r\n/);
    assert.match(m.body, /\r\nContact email: zoe@example.org\r\n/);

    // Copy: voice control's "click Copy request".
    await activate(page.getByRole('button', { name: 'Copy request' }));
    const copied = await until(page, async () => {
      const t = await page.evaluate(() => navigator.clipboard.readText());
      return t.startsWith('To:') && t;
    }, 'the request on the clipboard');
    assert.match(copied, /^To: staff@iiif\.io\nSubject: IIIF Consortium membership request: Musée des Beaux-Arts & Co \(Associate membership\)\n/);
    assert.match(copied, /\nContact email: zoe@example\.org\n/);

    // Download the join request file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .json' }).press('Enter')]);
    const saved = join(ARTIFACTS, 'semantics-join-request.json');
    await download.saveAs(saved);
    const exported = JSON.parse(readFileSync(saved, 'utf8'));
    assert.equal(exported.format, 'iiifc-join-request');
    assert.equal(exported.request.institution, 'Musée des Beaux-Arts & Co');
    assert.equal(exported.request.organisation_type, 'museum');
    assert.equal(exported.request.tier, 'associate');
    assert.equal(exported.request.contact_name, 'Zoë Martin');
    assert.equal(exported.request.contact_email, 'zoe@example.org');
    assert.equal(exported.request.country, 'FR');  // the country's ISO code; the email says its name

    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(sameOrigin(log.requests, server.url), []);
  } finally {
    await b.close();
  }
});

test('each view\'s accessibility tree lists its controls with role, name, value and state (snapshots)', async () => {
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  const { page } = b;
  try {
    await openApp(page, server.url);
    const cdp = await b.context.newCDPSession(page);
    mkdirSync(SNAPSHOTS, { recursive: true });
    for (const view of VIEWS) {
      await openView(page, view);
      const tree = await stableTree(page, cdp);
      const file = join(SNAPSHOTS, `${view.toLowerCase()}.json`);
      if (UPDATE || !existsSync(file)) writeFileSync(file, formatSnapshot(tree));
      assert.deepEqual(tree, JSON.parse(readFileSync(file, 'utf8')), `the ${view} view's tree differs from snapshots/${view.toLowerCase()}.json`);
      // Every view has the navigation with one current tab, and one level-2 heading.
      assert.deepEqual(tree.filter((n) => n.role === 'tab').map((n) => n.name), VIEWS);
      assert.deepEqual(tree.filter((n) => n.role === 'tab' && n.selected).map((n) => n.name), [view]);
      assert.equal(tree.filter((n) => n.role === 'heading' && n.level === 2).length, 1);
    }
  } finally {
    await b.close();
  }
});

// A select has, in Chromium's accessibility tree, a popup level holding its options: a menu to
// AT-SPI, whose selected item is the value Orca reads (tests/screen_reader/orca.test.mjs). A
// select laid out while the app was still hidden kept that level ignored once shown (role none):
// Orca read no value. The Join view opened by a link makes its selects during the start.
// With a screen reader running, Chromium keeps its accessibility tree from the page's start
// (--force-renderer-accessibility); otherwise it is made when first asked, after the start.
test('the selects of the view the app starts on have their popup level in Chromium\'s accessibility tree', async () => {
  const b = await launch({ viewport: { width: 1280, height: 800 }, args: ['--force-renderer-accessibility'] });
  try {
    await openApp(b.page, server.url, '#/join?tier=full');
    const cdp = await b.context.newCDPSession(b.page);
    await stableTree(b.page, cdp);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const selects = nodes.filter((n) => n.role?.value === 'combobox' && !n.ignored).map((n) => {
      const popup = byId.get(n.childIds?.[0]);
      return [n.name?.value, n.value?.value ?? '', popup?.role?.value, (popup?.childIds || []).map((id) => byId.get(id)?.name?.value)];
    });
    // Each select's options as the page has them (the countries; the tiers of the fee schedule in force today).
    const options = Object.fromEntries(await b.page.evaluate(() => [...document.querySelectorAll('#semantics select')]
      .map((s) => [s.labels[0]?.textContent ?? s.getAttribute('aria-label'), [...s.options].map((o) => o.text)])));
    assert.deepEqual(options['Organisation type'], ['Library', 'Museum', 'Archive', 'University or research institute',
                                                    'Government body', 'Other non-profit organisation', 'Company (commercial)']);
    assert.ok(options['Membership tier'].includes('Full membership') && options['Membership tier'].includes('Associate membership'));
    assert.ok(options.Country.includes('Kenya') && options.Country.length > 240, options.Country.length);
    assert.deepEqual(selects.filter(([name]) => name !== 'Country'), [
      ['Organisation type', '', 'MenuListPopup', options['Organisation type']],
      ['Membership tier', 'Full membership', 'MenuListPopup', options['Membership tier']],
    ]);
    const [country] = selects.filter(([name]) => name === 'Country');
    assert.equal(country[2], 'MenuListPopup');
    assert.deepEqual(country[3], options.Country);
  } finally {
    await b.close();
  }
});

// The accessible name of the focused element, and its box on the page.
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a || !a.closest('#semantics')) return null;
  const label = a.labels && a.labels[0] ? a.labels[0].textContent : a.textContent;
  const r = (a.closest('.field') || a).getBoundingClientRect();
  return { label, tag: a.tagName, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
});

// The canvas's pixels in a box grown by the focus ring's room around it, as the drawer last drew them.
async function pixels(page, box) {
  const vp = page.viewportSize();
  const x = Math.max(0, Math.floor(box.x - 4)), y = Math.max(0, Math.floor(box.y - 4));
  const clip = { x, y, width: Math.min(vp.width - x, Math.ceil(box.width + 8)), height: Math.min(vp.height - y, Math.ceil(box.height + 8)) };
  if (clip.width <= 0 || clip.height <= 0) return null;
  await drawn(page);
  return page.screenshot({ clip });
}

// The focused control once the app has caught up with it: its keyboard focus is there (the test
// build's state, read only to wait), it has nothing left to draw, send or commit (`settled`: a
// frame held back by the pacing counts as left), and the drawer has drawn all it was sent (asked
// as the start asks it: the bridge's confirmation, answered once the GPU is done).
async function still(page) {
  const label = (await focused(page))?.label;
  // (Read-only fields have no name in the test build's registry: for them only the settling.)
  await until(page, async () => ((await appState(page)).focus || '').split('##')[0] === label, `the app's focus on "${label}"`, 3000).catch(() => {});
  await until(page, () => page.evaluate(async () => {
    if (!window.portalTest.state().settled) return false;
    const bridge = window.portalBridge, asked = performance.now();
    bridge.confirm();
    while (bridge.drawerState() === 0 && performance.now() - asked < 5000) await new Promise((r) => setTimeout(r, 10));
    return bridge.drawerState() !== 0 && window.portalTest.state().settled;  // and nothing new began meanwhile
  }), 'the app settled and its last frame drawn');
  const f = await focused(page);
  return { ...f, shot: await pixels(page, f.box) };
}

test('Tab from the top reaches every control of the Join view in reading order; the ring is drawn on it', async () => {
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  const { page } = b;
  try {
    await openApp(page, server.url, '#/join');
    const cdp = await b.context.newCDPSession(page);
    await page.getByRole('heading', { name: 'Ask to join' }).waitFor({ state: 'attached' });
    const tree = await stableTree(page, cdp);
    // The controls in reading order, as the tree lists them (options are inside their select).
    const expected = tree.filter((n) => !['heading', 'tablist', 'table', 'image', 'option'].includes(n.role)).map((n) => n.name);
    assert.ok(expected.length >= 20, `${expected.length} controls`);
    const reached = [];
    let before = null;
    for (let i = 0; i < expected.length + 3; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (!f || (reached.length && f.label === reached[0])) break;  // past the last control: out of the page, or round again
      reached.push(f.label);
      // The app scrolls the control into view and draws its ring; once the canvas there is still,
      // it is compared with the same place after the focus has moved on.
      const now = await still(page);
      if (before) {
        const after = await pixels(page, before.box);
        if (after && before.shot && after.equals(before.shot)) {
          writeFileSync(join(ARTIFACTS, 'semantics-no-ring.png'), after);
          await page.screenshot({ path: join(ARTIFACTS, 'semantics-no-ring-page.png') });
        }
        if (after && before.shot) assert.ok(!after.equals(before.shot), `no focus ring drawn on "${before.label}" (artifacts/semantics-no-ring*.png)`);
      }
      before = { ...now, shot: now.box.y >= 0 && now.box.y + now.box.height <= 800 ? now.shot : null };
    }
    assert.deepEqual(reached, expected);
  } finally {
    await b.close();
  }
});

test('autofill: values the browser fills in land in the form', async () => {
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page, server.url, '#/join');
    await page.getByRole('heading', { name: 'Ask to join' }).waitFor({ state: 'attached' });
    const fills = { organization: 'Autofill Library', 'country-name': 'Norway', name: 'Kari Nordmann', email: 'kari@example.org' };
    // As a browser autofills: every field with a known token at once, none focused, input and change.
    const filled = await page.evaluate((values) => {
      const done = [];
      for (const el of document.querySelectorAll('#semantics input[autocomplete], #semantics select[autocomplete]')) {
        const v = values[el.getAttribute('autocomplete')];
        if (v === undefined) continue;
        // A select is filled with the option whose text is the value, as browsers fill a country list.
        el.value = el.tagName === 'SELECT' ? ([...el.options].find((o) => o.textContent === v) || {}).value : v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
        done.push(el.getAttribute('autocomplete'));
      }
      return done.sort();
    }, fills);
    assert.deepEqual(filled, Object.keys(fills).sort());
    const preview = page.getByRole('textbox', { name: 'Preview' });
    await until(page, async () => (await preview.inputValue()).includes('Contact email: kari@example.org'), 'the preview has the email');
    const text = await preview.inputValue();
    assert.match(text, /\nInstitution: Autofill Library\n/);
    assert.match(text, /\nCountry: Norway\n/);
    assert.match(text, /\nContact name: Kari Nordmann\n/);
    assert.equal(await page.getByLabel('Institution').inputValue(), 'Autofill Library');
  } finally {
    await b.close();
  }
});

test('the calculator and the members list are used through their DOM controls', async () => {
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page, server.url, '#/costs');
    const years = page.getByRole('slider', { name: 'Years of commitment' });
    await years.waitFor({ state: 'attached' });
    await years.press('ArrowRight');  // the range input steps itself; the app follows
    await page.getByRole('heading', { name: 'Over 2 years', level: 3 }).waitFor({ state: 'attached' });
    await page.getByRole('spinbutton', { name: 'Conference attendees a year' }).fill('3');
    // Three attendees a year: the full tier's chart (US$8,000 a year from 2026) now says its discounts are worth something.
    const chart = page.getByRole('img', { name: /^Full: total contribution US\$16,000, estimated value of member discounts / });
    await until(page, async () => (await chart.count()) === 1 && !/discounts US\$0$/.test(await chart.getAttribute('aria-label')), 'discounts counted');
    const vote = page.getByRole('checkbox', { name: 'We want a vote in Executive Committee elections' });
    await vote.press('Space');
    await until(page, () => vote.isChecked(), 'the goal checked');

    await activate(page.getByRole('tab', { name: 'Members' }));
    const associate = page.getByRole('radio', { name: 'Associate' });
    await associate.waitFor({ state: 'attached' });
    await associate.dispatchEvent('click');
    await until(page, () => associate.isChecked(), 'the Associate filter on');
    assert.equal(await page.getByRole('radio', { name: 'All levels' }).isChecked(), false);
    const rows = page.getByRole('table', { name: 'Consortium members' }).getByRole('row');
    await until(page, async () => (await rows.count()) > 1 && (await rows.allTextContents()).slice(1).every((t) => /Associate/.test(t)), 'associate members only');
  } finally {
    await b.close();
  }
});

// The canvas path, by coordinates (the test build's widget positions): a finger taps a text field
// drawn on the canvas, and the page's real input for it takes the focus inside that gesture, which
// is what lets a phone open its keyboard; what is typed there lands in the form.
test('touch: a tap on a canvas text field focuses its real input, which takes the typing', async () => {
  const b = await launch({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const { page } = b;
  try {
    await openApp(page, server.url, '#/join');
    await settle(page);
    const r = await widget(page, 'Institution');
    await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
    await until(page, () => page.evaluate(() => document.activeElement && document.activeElement.id.startsWith('sem-')), 'a real input has focus');
    assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent), 'Institution');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'INPUT');
    await page.keyboard.insertText('Tapped Museum');  // what a soft keyboard's input does
    await until(page, async () => (await appState(page)).draft.request.institution === 'Tapped Museum', 'the text in the form');
  } finally {
    await b.close();
  }
});

test('axe-core: no violations on any view with the app running', async () => {
  const b = await launch({ bypassCSP: true });
  const { page } = b;
  try {
    await openApp(page, server.url);
    const cdp = await b.context.newCDPSession(page);
    for (const view of VIEWS) {
      await openView(page, view);
      await stableTree(page, cdp);
      assert.deepEqual(await axeViolations(page), [], view);
    }
  } finally {
    await b.close();
  }
});
