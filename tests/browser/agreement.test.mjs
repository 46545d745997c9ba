// The outputs agree (issue 33): for each schedule of the shipped data on 2026-12-07 (the one in
// force, and ?schedule=2020), the comparison's cells in the page without JavaScript equal those of
// the table the canvas draws (its semantics tree), and the cost rows of the CLI's `compare` equal
// the app's Costs table. And (issue 31) one tier, date, country and add-on asked of every output:
// the canvas, the page without JavaScript, the budget summary, the CLI text and the mailto body
// (its add-ons line too).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SITE_DIR, launch, openApp, parseMailto, startServer } from './harness.mjs';

const CLI = join(SITE_DIR, '..', 'src', 'platform', 'web', 'iiifc-portal-node.js');
const DATA = join(SITE_DIR, 'membership.json');
const TODAY = '2026-12-07';
const CLOCK = new Date(`${TODAY}T12:00:00Z`);
const COMPARISON = 'Membership tiers compared';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

function cli(...args) {
  const r = spawnSync(process.execPath, ['--no-experimental-fetch', CLI, ...args, '--data', DATA, '--today', TODAY], { encoding: 'utf8' });
  assert.ok(r.status === 0 || (args[0] === 'join' && r.status === 3), r.stderr);  // join: 3 when the request is incomplete
  return r.stdout;
}

// A table's rows as a reader gets them: each cell's words, its pieces (a fee and its notes) joined
// by one space. The same function reads the page without JavaScript and the semantics tree.
function cellsOf(table) {
  const words = (cell) => {
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const parts = [];
    while (walk.nextNode()) { const t = walk.currentNode.textContent.replace(/\s+/g, ' ').trim(); if (t) parts.push(t); }
    return parts.join(' ');
  };
  return [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map(words));
}

// The comparison of the page without JavaScript: the page as served for the schedule in force (it
// is built from the data), the same renderer through the CLI for another.
async function fallbackComparison(page, schedule) {
  const html = schedule ? cli('fallback-html', '--schedule', schedule)
    : /<section id="fallback"[\s\S]*?<\/table>/.exec(readFileSync(join(SITE_DIR, 'index.html'), 'utf8'))[0];
  await page.setContent(`<!DOCTYPE html><html lang="en"><body>${html}</body></html>`);
  return page.locator('table', { has: page.locator('caption', { hasText: COMPARISON }) }).evaluate(cellsOf);
}

// The table the canvas draws, as its semantics tree says it, once whole (its last row: the choices).
async function appTable(page, name, lastRow) {
  const table = page.locator('#semantics').getByRole('table', { name, exact: true });
  await page.waitForFunction(({ name, lastRow }) => {
    const t = [...document.querySelectorAll('#semantics table')].find((e) => e.getAttribute('aria-label') === name || e.querySelector('caption')?.textContent === name);
    return t && (!lastRow || t.querySelector('tr:last-child')?.textContent.includes(lastRow));
  }, { name, lastRow }, { timeout: 10000 });
  return table.evaluate(cellsOf);
}

async function openAt(b, fragment) {
  await b.page.clock.setFixedTime(CLOCK);
  await openApp(b.page, server.url, fragment);
}

// `compare`'s table: the caption, the header of tier names, then label and cells per row.
function cliCosts(text) {
  const lines = text.split('\n');
  const caption = lines.findIndex((l) => /^Over \d+ years?, every tier$/.test(l));
  const split = (l) => l.trim().split(/\s{2,}/);
  const rows = [split(lines[caption + 2])];
  for (let i = caption + 3; /\S\s{2,}\S/.test(lines[i]); ++i) rows.push(split(lines[i]));
  return { caption: lines[caption], rows };
}

for (const schedule of ['', '2020']) {
  const query = schedule ? `?schedule=${schedule}` : '';
  const which = schedule ? 'the seed\'s schedule (?schedule=2020)' : 'the schedule in force';
  test(`${which} on ${TODAY}: the page without JavaScript and the canvas give the comparison the same cells`, async () => {
    const b = await launch({ serviceWorkers: 'block' });
    try {
      await openAt(b, `#/tiers${query}`);
      const app = await appTable(b.page, COMPARISON, 'Your choice');
      const fallback = await fallbackComparison(await b.context.newPage(), schedule);
      // The canvas's last row is its choice buttons; everything before it is the comparison.
      assert.equal(app.at(-1)[0], 'Your choice');
      assert.deepEqual(app.slice(0, -1), fallback);
      // Something to compare: a header, the fees, every benefit, with the marks and notes.
      assert.equal(fallback.length, schedule ? 8 : 14);
      assert.match(fallback[1].join(' | '), schedule
        ? /^◆ Annual contribution \| US\$10,000 annual sustaining contribution \| US\$2,500 annual sustaining contribution$/
        : /^◆ Annual contribution \| US\$16,000 .* \| US\$2,500 annual sustaining contribution US\$1,000 for institutions in low- and middle-income countries$/);
      assert.ok(fallback.some((row) => row.includes('— Not included')));
    } finally {
      await b.close();
    }
  });

  test(`${which} on ${TODAY}: the CLI's compare and the app's Costs table have the same rows`, async () => {
    const b = await launch({ serviceWorkers: 'block' });
    try {
      await openAt(b, `#/costs${query}`);
      const years = b.page.getByRole('slider', { name: 'Years of commitment' });
      await years.waitFor({ state: 'attached' });
      await years.press('ArrowRight');
      await years.press('ArrowRight');
      await b.page.getByRole('heading', { name: 'Over 3 years', level: 3 }).waitFor({ state: 'attached' });
      await b.page.getByRole('spinbutton', { name: 'Conference attendees a year' }).fill('2');
      await b.page.getByRole('spinbutton', { name: 'Training hours a year' }).fill('10');
      const text = cli('compare', '--years', '3', '--attendees', '2', '--training-hours', '10', ...(schedule ? ['--schedule', schedule] : []));
      const expected = cliCosts(text);
      assert.equal(expected.caption, 'Over 3 years, every tier');
      const net = expected.rows.at(-1);
      await b.page.waitForFunction((cells) => [...document.querySelectorAll('#semantics tr')].some((tr) => tr.textContent.includes(cells.join(''))), net, { timeout: 10000 });
      const app = await appTable(b.page, expected.caption);
      assert.deepEqual(app[0], ['', ...expected.rows[0]]);  // the corner cell has no words
      assert.deepEqual(app.slice(1), expected.rows.slice(1));
      assert.deepEqual(expected.rows.slice(1).map((r) => r[0]), ['Annual contribution', 'Total contribution', 'Estimated value of member discounts', 'Net cost']);
    } finally {
      await b.close();
    }
  });
}

// The data's own figures: the Associate price for a low- or middle-income country, and Allmaps.
function figures() {
  const data = JSON.parse(readFileSync(DATA, 'utf8'));
  const s = data.schedules.filter((x) => x.effective_from <= TODAY).at(-1);
  const usd = (cents) => `US$${(cents / 100).toLocaleString('en-US')}`;
  const variant = s.price_variants.find((v) => v.tier === 'associate');
  const allmaps = s.add_ons.find((a) => a.id === 'allmaps');
  return { fee: usd(variant.annual_fee.amount), addOn: usd(allmaps.annual_fee.amount), total: usd(variant.annual_fee.amount + allmaps.annual_fee.amount), label: variant.label };
}

test(`Associate in Kenya with Allmaps on ${TODAY}: every output gives the same fee`, async () => {
  const { fee, addOn, total, label } = figures();
  assert.deepEqual([fee, addOn, total], ['US$1,000', 'US$2,000', 'US$3,000']);
  const lines = [`Associate: ${label}.`, `Add-on included each year: Allmaps, ${addOn}.`];
  const b = await launch({ serviceWorkers: 'block' });
  try {
    // The canvas (its semantics): the Costs table's Associate column and the lines under it.
    await openAt(b, '#/costs?tier=associate');
    await b.page.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'Kenya' });
    const allmaps = b.page.getByRole('checkbox', { name: `Allmaps (${addOn} a year)` });
    await allmaps.dispatchEvent('click');
    await b.page.waitForFunction((l) => document.getElementById('semantics').textContent.includes(l), lines[1], { timeout: 5000 });
    const costs = await appTable(b.page, 'Over 1 year, every tier');
    const associate = costs[0].indexOf('Associate');
    assert.equal(costs.find((r) => r[0] === 'Annual contribution')[associate], total);
    const said = await b.page.locator('#semantics').textContent();
    for (const l of lines) assert.ok(said.includes(l), l);

    // The CLI's text.
    const text = cli('compare', '--country', 'KE', '--add-on', 'allmaps');
    const rows = cliCosts(text).rows;
    assert.equal(rows.find((r) => r[0] === 'Annual contribution')[rows[0].indexOf('Associate') + 1], total);
    for (const l of lines) assert.ok(text.includes(`\n${l}\n`), l);

    // The budget summary.
    const summary = cli('summary', '--tier', 'associate', '--country', 'KE', '--add-on', 'allmaps');
    assert.ok(summary.includes(`<tr><th scope="row">Annual contribution</th><td>${total}</td></tr>`));
    for (const l of lines) assert.ok(summary.includes(`<p>${l}</p>`), l);

    // The page without JavaScript: the Associate price by income group, and the add-on's price.
    const fallback = await fallbackComparison(await b.context.newPage(), '');
    const column = fallback[0].indexOf('Associate membership');
    assert.ok(fallback[1][column].endsWith(`${fee} ${label}`), fallback[1][column]);
    const served = readFileSync(join(SITE_DIR, 'index.html'), 'utf8');
    assert.ok(served.includes(`<li>Optional add-on: Allmaps, ${addOn} a year. `));

    // The mailto body of the join request for the same tier, country and add-on.
    const request = join(mkdtempSync(join(tmpdir(), 'iiifc-agreement-')), 'request.json');
    writeFileSync(request, JSON.stringify({ format: 'iiifc-join-request', version: 1,
      request: { tier: 'associate', country: 'KE', add_ons: ['allmaps'] } }));
    const mailto = cli('join', request, '--format', 'mailto').trim();
    const { body } = parseMailto(mailto);
    assert.match(body, new RegExp(`\\r?\\nAnnual contribution: ${fee.replace('$', '\\$')} \\(${label}\\)\\r?\\n`));
    assert.match(body, new RegExp(`\\r?\\nAdd-ons: Allmaps \\(${addOn.replace('$', '\\$')} a year\\)\\r?\\n`));
  } finally {
    await b.close();
  }
});
