// The core browser tests, one set of test bodies run in each engine (chromium.mjs,
// firefox.mjs, webkit.mjs): the app starts without page errors, every view is drawn
// and not blank, a view changes through its DOM tab, typing reaches the form, the join request's
// mailto: carries what was typed, and the accessibility checks the engine's tools allow.
// An engine is a function launching it on a desktop's environment (desktop.mjs), resolving
// { page, version, findAccessible, close }: `page` has the part of Playwright's page these tests
// use (goto, evaluate, waitForFunction, keyboard.press/type, screenshot); findAccessible(selector,
// [[role, name]...], keyOf) looks, inside the element `selector` matches, for each role and name in
// the engine's own accessibility tree and answers keyOf(element found) or null.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { startXvfb } from '../desktop.mjs';
import { ARTIFACTS, SITE_DIR, appState, axeViolations, nonBackgroundShare, openApp, parseMailto, plainStaticHost, settle } from '../harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RECORDER = readFileSync(join(here, 'page_recorder.js'));

// The views in navigation order: each one's tab and the heading it opens with.
const VIEWS = [
  ['tiers', 'Tiers', 'Compare the membership tiers'],
  ['costs', 'Costs', 'What membership costs and returns'],
  ['governance', 'Governance', 'Your say in how IIIF is run'],
  ['members', 'Members', 'Who else is involved'],
  ['join', 'Join', 'Ask to join'],
];

// The built site as a plain static host, whose page loads page_recorder.js before anything else
// (allowed by the page's policy: a script of its own origin).
function hostWithRecorder() {
  return plainStaticHost(SITE_DIR, '/', (rel, res) => {
    if (rel === 'page_recorder.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(RECORDER);
      return true;
    }
    if (rel !== '' && rel !== 'index.html') return false;
    const page = readFileSync(join(SITE_DIR, 'index.html'), 'utf8').replace('<head>', '<head>\n<script src="page_recorder.js"></script>');
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(page);
    return true;
  });
}

const recorded = (page) => page.evaluate(() => window.__recorded);

// Activates the DOM tab named `name` as assistive technology does (a click on the element).
const clickTab = (page, name) => page.evaluate((n) => {
  const tab = [...document.querySelectorAll('#semantics [role="tab"]')].find((t) => t.textContent === n);
  if (!tab) return false;
  tab.click();
  return true;
}, name);

// Focuses the form field labelled `label` (its DOM control) and types `text` with real key events.
async function typeInto(page, label, text) {
  const found = await page.evaluate((l) => {
    const field = [...document.querySelectorAll('#semantics label')].find((x) => x.textContent === l);
    const control = field && field.control;
    if (!control) return false;
    control.focus();
    return document.activeElement === control;
  }, label);
  assert.ok(found, `the field "${label}" is in the page and takes the focus`);
  // The app makes the field its editor in the frame after the focus; a key typed before that frame
  // (within milliseconds: no person does) lost its character in WebKit now and then.
  await settle(page);
  await page.keyboard.type(text);
  await settle(page);
}

const fieldValue = (page, label) => page.evaluate((l) => {
  const field = [...document.querySelectorAll('#semantics label')].find((x) => x.textContent === l);
  return field && field.control ? field.control.value : null;
}, label);

// `roles`: the role this engine gives an element where it differs from HTML's (README, "Engines").
export function coreSet(engineName, launchEngine, { roles = {} } = {}) {
  let host, desktop, engine, page;
  before(async () => {
    host = await hostWithRecorder();
    desktop = await startXvfb();
    engine = await launchEngine(desktop.env);
    page = engine.page;
    console.log(`# ${engineName}: ${engine.version}`);
  }, { timeout: 90000 });
  after(async () => {
    await engine?.close();
    await desktop?.stop();
    await host?.stop();
  });

  test(`${engineName}: the app starts without page errors, with WebGL`, { timeout: 60000 }, async () => {
    await openApp(page, host.url);
    const state = await appState(page);
    assert.equal(state.view, 'tiers');
    assert.ok(['1', '2'].includes(await page.evaluate(() => document.documentElement.dataset.webgl)));
    assert.deepEqual(await recorded(page), { pageErrors: [], consoleErrors: [], cspViolations: [], mailto: [] });
  });

  test(`${engineName}: a view changes through its DOM tab`, { timeout: 60000 }, async () => {
    assert.ok(await clickTab(page, 'Governance'));
    await page.waitForFunction(() => window.portalTest.state().view === 'governance', null, { timeout: 10000 });
    await settle(page);
    assert.deepEqual(await page.evaluate(() => ({
      hash: location.hash.replace(/\?.*/, ''),
      heading: document.querySelector('#semantics h2').textContent,
      selected: [...document.querySelectorAll('#semantics [role="tab"][aria-selected="true"]')].map((t) => t.textContent),
    })), { hash: '#/governance', heading: 'Your say in how IIIF is run', selected: ['Governance'] });
  });

  test(`${engineName}: every view is drawn, and not blank`, { timeout: 60000 }, async () => {
    const shown = new Set();
    for (const [view, tab, heading] of VIEWS) {
      assert.ok(await clickTab(page, tab), `the tab ${tab}`);
      await page.waitForFunction((v) => window.portalTest.state().view === v, view, { timeout: 10000 });
      await settle(page);
      assert.equal(await page.evaluate(() => document.querySelector('#semantics h2').textContent), heading);
      // The drawer shows a frame once the GPU has drawn it: a picture differing from the
      // last view's, of which over 2 % is not the background, within 5 s.
      let share = 0, png;
      for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
        png = await page.screenshot();
        share = nonBackgroundShare(png);
        if (share > 0.02 && !shown.has(png.toString('base64'))) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(share > 0.02, `${view}: only ${(share * 100).toFixed(2)} % of the pixels differ from the background`);
      assert.ok(!shown.has(png.toString('base64')), `${view}: the picture is the last view's`);
      shown.add(png.toString('base64'));
      writeFileSync(join(ARTIFACTS, `engine-${engineName.toLowerCase()}-${view}.png`), png);
    }
  });

  test(`${engineName}: typing reaches the form, and the mailto: carries what was typed`, { timeout: 60000 }, async () => {
    await page.goto('about:blank');  // a new load of the app, not a change of its address's hash
    await openApp(page, `${host.url}#/join?tier=associate&type=museum`);
    const typed = [['Institution', 'Keyboard Museum & Co'], ['Contact name', 'Kari Nordmann'], ['Contact email', 'kari@example.org']];
    for (const [label, text] of typed) await typeInto(page, label, text);
    for (const [label, text] of typed) assert.equal(await fieldValue(page, label), text, label);
    // The country is chosen from its list, as a person (or the browser's autofill) picks an option.
    assert.ok(await page.evaluate(() => {
      const select = [...document.querySelectorAll('#semantics select')].find((s) => s.labels[0]?.textContent === 'Country');
      const norway = select && [...select.options].find((o) => o.textContent === 'Norway');
      if (!norway) return false;
      select.value = norway.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }), 'the Country list has Norway');
    await settle(page);
    const request = (await appState(page)).draft.request;
    assert.deepEqual([request.institution, request.contact_name, request.contact_email, request.country],
                     [...typed.map(([, t]) => t), 'NO']);
    const sent = await page.evaluate(() => {
      const button = [...document.querySelectorAll('#semantics button')].find((b) => b.textContent === 'Open in my email program');
      if (button) button.click();
      return !!button;
    });
    assert.ok(sent, 'the send button is in the page');
    await settle(page);
    const { mailto, pageErrors, consoleErrors } = await recorded(page);
    assert.equal(mailto.length, 1);
    const m = parseMailto(mailto[0]);
    // To the address the Join view gives (the fee schedule in force on the day decides which).
    const given = await page.evaluate(() => /send an email to ([^\s@]+@[\w.-]+\w)/.exec(document.getElementById('semantics').textContent)?.[1]);
    assert.match(given, /^[a-z]+@iiif\.io$/);
    assert.equal(m.address, given);
    assert.equal(m.subject, 'IIIF Consortium membership request: Keyboard Museum & Co (Associate membership)');
    for (const line of ['Institution: Keyboard Museum & Co', 'Organisation type: Museum', 'Country: Norway',
                        'Membership tier: Associate membership', 'Contact name: Kari Nordmann', 'Contact email: kari@example.org']) {
      assert.ok(m.body.includes(`\r\n${line}\r\n`), `the body has "${line}"`);
    }
    assert.deepEqual([pageErrors, consoleErrors], [[], []]);
  });

  // Each control of the Join view, found in the engine's own accessibility tree by the role its
  // element has in HTML and the name its label (or its text) gives it.
  test(`${engineName}: the engine's accessibility tree has each control of the Join view, with its role and name`, { timeout: 60000 }, async () => {
    const controls = await page.evaluate(() => [...document.querySelectorAll(
      '#semantics input, #semantics select, #semantics textarea, #semantics button')].map((e) => {
      const role = e.tagName === 'SELECT' ? 'combobox' : e.tagName === 'BUTTON' ? e.getAttribute('role') || 'button'
        : e.type === 'checkbox' || e.type === 'radio' ? e.type : 'textbox';
      return [role, (e.labels && e.labels.length ? e.labels[0] : e).textContent, e.id || `${e.tagName.toLowerCase()}:${e.textContent}`];
    }));
    assert.ok(controls.length >= 20, `the Join view's controls: ${JSON.stringify(controls)}`);
    const keyOf = (e) => e.id || `${e.tagName.toLowerCase()}:${e.textContent}`;
    const found = await engine.findAccessible('#semantics', controls.map(([role, name]) => [roles[role] || role, name]), keyOf);
    assert.deepEqual(controls.map(([role, name], i) => [role, name, found[i]]), controls);
  });

  test(`${engineName}: axe-core finds no violations on the Join view`, { timeout: 60000 }, async () => {
    assert.deepEqual(await axeViolations(page), []);
  });
}
