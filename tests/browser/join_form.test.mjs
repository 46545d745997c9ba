// The join form's own controls, by role and label as assistive technology finds them: the add-ons
// (a labelled group of checkboxes, one choice with the calculator's, in the mailto and kept by the
// draft; absent under the seed's schedule, which has none), the required state of its selects, and
// the canvas's country list by keyboard: typing goes where the caret is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { click, parseMailto, settle, until, withApp } from './harness.mjs';

const DAY_2026 = '2026-12-07T12:00:00Z';
const ADD_ONS = ['Allmaps (US$2,000 a year)', 'Community Development Fund (US$2,000 a year)', 'Strategic Initiatives Fund (US$2,000 a year)'];

const checked = (page, name) => page.getByRole('group', { name: 'Add-ons' }).getByRole('checkbox', { name, exact: true }).isChecked();

async function openTab(page, name) {
  await page.getByRole('tab', { name, exact: true }).dispatchEvent('click');
  await until(page, async () => (await page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')) === 'true', `the ${name} tab`);
}

test('add-ons on 2026-12-07: a labelled group of checkboxes on Join, the same choice on Costs, named with their price in the mailto, kept across a reload', async () => {
  await withApp({ serviceWorkers: 'block', today: DAY_2026 }, '#/join?tier=associate', async ({ page, log }) => {
    const group = page.getByRole('group', { name: 'Add-ons' });
    assert.deepEqual(await group.getByRole('checkbox').evaluateAll((els) => els.map((e) => e.labels[0].textContent)), ADD_ONS);
    // By keyboard: the checkbox focused, Space ticks it.
    await group.getByRole('checkbox', { name: ADD_ONS[0] }).focus();
    await page.keyboard.press('Space');
    await until(page, () => checked(page, ADD_ONS[0]), 'Allmaps ticked');
    // The Costs view's add-ons are the same choice: ticked there, it is ticked here too.
    await openTab(page, 'Costs');
    assert.equal(await checked(page, ADD_ONS[0]), true);
    assert.equal(await checked(page, ADD_ONS[2]), false);
    await page.getByRole('group', { name: 'Add-ons' }).getByRole('checkbox', { name: ADD_ONS[2] }).dispatchEvent('click');
    await until(page, () => checked(page, ADD_ONS[2]), 'Strategic Initiatives Fund ticked on Costs');
    await openTab(page, 'Join');
    await until(page, () => checked(page, ADD_ONS[2]), 'Strategic Initiatives Fund ticked on Join');
    assert.equal(await checked(page, ADD_ONS[1]), false);

    await page.getByRole('textbox', { name: 'Institution' }).fill('Kenya National Archives');
    await page.getByRole('combobox', { name: 'Organisation type' }).selectOption({ label: 'Archive' });
    await page.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'Kenya' });
    await page.getByRole('textbox', { name: 'Contact name' }).fill('Amina Otieno');
    await page.getByRole('textbox', { name: 'Contact email' }).fill('amina@example.org');
    const send = page.getByRole('button', { name: 'Open in my email program' });
    await until(page, async () => (await send.getAttribute('aria-disabled')) === null, 'the request complete');
    await send.press('Space');
    const mailtos = await until(page, () => page.evaluate(() => window.__mailto), 'a mailto: link');
    const body = parseMailto(mailtos[0]).body;
    assert.match(body, /\r\nFee schedule: Fees from 2026 \(from 2026-01-01\)\r\nAdd-ons: Allmaps \(US\$2,000 a year\), Strategic Initiatives Fund \(US\$2,000 a year\)\r\n/);

    // The draft keeps the choice: after a reload both are still ticked.
    await settle(page);
    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached' });
    await until(page, () => checked(page, ADD_ONS[2]), 'the choice restored after a reload');
    assert.equal(await checked(page, ADD_ONS[0]), true);
    assert.equal(await checked(page, ADD_ONS[1]), false);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors, []);
  });
});

test('on 2025-06-01 the seed\'s schedule has no add-ons: the form asks none', async () => {
  await withApp({ serviceWorkers: 'block', today: '2025-06-01T12:00:00Z' }, '#/join', async ({ page }) => {
    await page.getByRole('heading', { name: 'Ask to join' }).waitFor({ state: 'attached' });
    await page.getByRole('textbox', { name: 'Institution' }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('group', { name: 'Add-ons' }).count(), 0);
    assert.equal(await page.getByRole('checkbox', { name: /Allmaps/ }).count(), 0);
  });
});

test('the required selects say so to assistive technology: Chromium gives a <select> no required state, so its description does', async () => {
  await withApp({ serviceWorkers: 'block', today: DAY_2026 }, '#/join', async ({ page, context }) => {
    await page.getByRole('combobox', { name: 'Country' }).waitFor({ state: 'attached' });
    const cdp = await context.newCDPSession(page);
    const tree = async () => (await cdp.send('Accessibility.getFullAXTree')).nodes;
    const node = (nodes, role, name) => {
      const n = nodes.find((x) => !x.ignored && x.role?.value === role && x.name?.value === name);
      assert.ok(n, `${role} "${name}" in the tree`);
      return { required: (n.properties || []).find((p) => p.name === 'required')?.value.value ?? false, description: n.description?.value ?? '' };
    };
    let nodes = await tree();
    for (const name of ['Organisation type', 'Country', 'Membership tier']) assert.deepEqual(node(nodes, 'combobox', name), { required: false, description: 'Required.' }, name);
    assert.deepEqual(node(nodes, 'textbox', 'Institution'), { required: true, description: '' });
    // With its message once the form was checked: both, the state first.
    await page.getByRole('button', { name: 'Show what is missing' }).dispatchEvent('click');
    await page.waitForFunction(() => document.querySelector('#semantics select[aria-describedby*="error"]') !== null, null, { timeout: 5000 });
    nodes = await tree();
    assert.deepEqual(node(nodes, 'combobox', 'Country'), { required: false, description: 'Required. Country is required.' });
    // The calculator's country (Costs) is not required: no such description.
    await page.getByRole('tab', { name: 'Costs', exact: true }).dispatchEvent('click');
    await page.getByRole('heading', { level: 2, name: /cost/i }).waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: 'Country' }).waitFor({ state: 'attached' });
    nodes = await tree();
    assert.deepEqual(node(nodes, 'combobox', 'Country'), { required: false, description: '' });
  });
});

test('the canvas country list: typing filters it (not the select behind it), Enter chooses, and the next keys stay on Country', async () => {
  await withApp({ serviceWorkers: 'block', today: DAY_2026 }, '#/join', async ({ page }) => {
    await settle(page);
    await click(page, 'Country');  // opens the list on the canvas, its filter showing the caret
    const country = page.getByRole('combobox', { name: 'Country' });
    // "ingdom" is in one name only; the <select>'s own type-ahead would have chosen a name starting with I.
    await page.keyboard.type('ingdom', { delay: 30 });
    await settle(page);
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await country.evaluate((s) => s.selectedOptions[0]?.textContent), 'United Kingdom');
    assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent), 'Country');
    await page.keyboard.type('xyz', { delay: 30 });
    await settle(page);
    assert.equal(await page.getByRole('textbox', { name: 'Institution' }).inputValue(), '');
    assert.equal(await country.evaluate((s) => s.selectedOptions[0]?.textContent), 'United Kingdom');
    assert.equal((await page.evaluate(() => window.portalTest.state())).draft.request.country, 'GB');
  });
});
