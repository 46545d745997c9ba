// Accessibility: the page without JavaScript shows every tier and fee; axe-core finds no
// violations on the running app or on the fallback; the semantics tree follows the view; and the
// whole flow reaches a valid mailto: with the keyboard alone, through the page's DOM controls.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appState, axeViolations, launch, openApp, settle, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('without JavaScript the page shows every tier, fee, condition, the TRC rule and the address', async () => {
  const b = await launch({ javaScriptEnabled: false });
  try {
    await b.page.goto(server.url);
    const main = b.page.locator('#fallback-container');
    assert.equal(await main.isVisible(), true);
    const text = await main.innerText();
    // Built today (after 2026-01-01): the schedule from 2026.
    assert.match(text, /Champion membership — US\$16,000 annual sustaining contribution/);
    assert.match(text, /Full membership — US\$8,000 annual sustaining contribution/);
    assert.match(text, /Associate membership — US\$2,500 annual sustaining contribution/);
    assert.match(text, /Only full members are eligible for voting rights on the Executive Committee\./);
    assert.match(text, /A limit of three seats on the Executive Committee may be held by commercial organisations\./);
    assert.match(text, /up to 1\/2 of the number of associate member institutions, rounding up, may be elected/);
    assert.match(text, /To join the IIIF Consortium, send an email to staff@iiif\.io with your intent to join\./);
    assert.equal(await b.page.locator('#fallback-container table tbody tr').count(), 13);
  } finally {
    await b.close();
  }
});

test('axe-core: no violations on the fallback page', async () => {
  const b = await launch({ javaScriptEnabled: true, bypassCSP: true });
  try {
    // A browser without WebAssembly: the loader says so and the static page is shown.
    await b.context.addInitScript(() => { delete window.WebAssembly; });
    await b.page.goto(server.url);
    await b.page.waitForSelector('html[data-app-state="failed"]', { state: 'attached' });
    assert.match(await b.page.locator('#status').innerText(), /cannot run WebAssembly/);
    assert.equal(await b.page.locator('#fallback-container').isVisible(), true);
    assert.deepEqual(await axeViolations(b.page), []);
  } finally {
    await b.close();
  }
});

test('axe-core: no violations with the app running; the semantics tree follows the view', async () => {
  const b = await launch({ bypassCSP: true });
  try {
    await openApp(b.page, server.url, '#/governance?tier=associate&type=museum');
    await settle(b.page);
    const tree = b.page.locator('#semantics');
    assert.match(await tree.locator('h2').textContent(), /Your say in how IIIF is run/);  // the heading the canvas shows
    assert.equal(await tree.locator('table caption').textContent(), 'Associate membership, Museum');
    const vote = tree.getByRole('row', { name: /Vote in Executive Committee elections/ });
    assert.deepEqual((await vote.locator('th, td').allTextContents()).map((t) => t.trim()),
                     ['Vote in Executive Committee elections', 'No', 'Only champion and full members are eligible for voting rights on the Executive Committee.']);
    assert.deepEqual(await axeViolations(b.page), []);
  } finally {
    await b.close();
  }
});

test('keyboard only: from a deep link to a valid mailto: without one mouse event', async () => {
  const b = await launch();
  const { page } = b;
  try {
    await page.addInitScript(() => {
      window.__mouseEvents = 0;
      for (const t of ['mousedown', 'mouseup', 'click', 'pointerdown', 'touchstart']) {
        // A click the keyboard makes (Enter on a button) has detail 0; a pointer's click has 1 or more.
        window.addEventListener(t, (e) => { if (e.isTrusted && !(t === 'click' && e.detail === 0)) window.__mouseEvents++; }, true);
      }
    });
    await openApp(page, server.url, '#/join?tier=associate&type=museum');
    // The focused DOM control of the app's semantics tree, by its accessible name: a field's
    // label, a button's text.
    const focus = () => page.evaluate(() => {
      const a = document.activeElement;
      if (!a || !a.closest('#semantics')) return '';
      return ((a.labels && a.labels.length ? a.labels[0] : a).textContent || '').trim();
    });
    const press = async (key) => { await page.keyboard.press(key); await settle(page); };
    // Tab moves through the page's controls in reading order; each required field is typed into.
    const typed = { 'Institution': 'Keyboard Museum', 'Country': 'Norway',
                    'Contact name': 'Kari Nordmann', 'Contact email': 'kari@example.org' };
    const left = { ...typed };
    for (let i = 0; i < 80 && Object.keys(left).length; i++) {
      await press('Tab');
      const f = await focus();
      if (left[f]) { await page.keyboard.type(left[f]); await settle(page); delete left[f]; }
    }
    assert.deepEqual(Object.keys(left), [], 'every required field was reached with Tab');
    for (const [label, value] of Object.entries(typed)) {
      // The country is a select: typing its name chooses it, as in any select.
      const shown = label === 'Country' ? await page.getByLabel(label, { exact: true }).evaluate((s) => s.selectedOptions[0]?.textContent || '')
                                         : await page.getByLabel(label, { exact: true }).inputValue();
      assert.equal(shown, value);
    }
    // On with Tab to the send button, and Enter.
    for (let i = 0; i < 80 && (await focus()) !== 'Open in my email program'; i++) await press('Tab');
    assert.equal(await focus(), 'Open in my email program');
    await press('Enter');
    const mailto = await page.evaluate(() => window.__mailto || []);
    assert.equal(mailto.length, 1);
    const [address, query] = mailto[0].slice('mailto:'.length).split('?');
    assert.equal(decodeURIComponent(address), 'staff@iiif.io');
    const fields = Object.fromEntries(query.split('&').map((p) => [p.slice(0, p.indexOf('=')), decodeURIComponent(p.slice(p.indexOf('=') + 1))]));
    assert.equal(fields.subject, 'IIIF Consortium membership request: Keyboard Museum (Associate membership)');
    const body = fields.body;
    assert.match(body, /\r\nInstitution: Keyboard Museum\r\n/);
    assert.match(body, /\r\nCountry: Norway\r\n/);
    assert.match(body, /\r\nContact name: Kari Nordmann\r\n/);
    assert.match(body, /\r\nContact email: kari@example\.org\r\n/);
    assert.equal(await page.evaluate(() => window.__mouseEvents), 0);
  } finally {
    await b.close();
  }
});
