// The fee schedule in force on the visitor's date, with fixed clocks (page.clock): on 2025-06-01
// the seed's (Full US$10,000, Associate US$2,500, admin@iiif.io), on 2026-12-07 the 2026 schedule
// (four prices, three add-ons, staff@iiif.io), neither with a past-fees line; #/tiers?schedule=2020
// on 2026-12-07 shows the seed's fees with the line that they are no longer in force. The Associate
// price by country, by role and label only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, openApp, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const PAST = 'These fees applied until';

// The page's semantics once the app has published the view: what a screen reader reads.
async function said(page, fragment, day) {
  await page.clock.setFixedTime(new Date(day));
  await openApp(page, server.url, fragment);
  await page.waitForFunction(() => document.querySelector('#semantics h2') !== null, null, { timeout: 10000 });
  return page.locator('#semantics').textContent();
}

test('on 2025-06-01 the seed: Full US$10,000, Associate US$2,500, admin@iiif.io, no past-fees line', async () => {
  const b = await launch({ serviceWorkers: 'block' });
  try {
    const tiers = await said(b.page, '#/tiers', '2025-06-01T12:00:00Z');
    assert.ok(tiers.includes('US$10,000') && tiers.includes('US$2,500'));
    assert.ok(!tiers.includes('US$16,000') && !tiers.includes(PAST));
    // A load of its own (a change of hash under a fixed clock waited on the app's timing in one CI run).
    const join = await said(b.page, '#/join', '2025-06-01T12:00:00Z');
    assert.match(join, /Ask to join/);
    assert.ok(join.includes('admin@iiif.io'));
  } finally {
    await b.close();
  }
});

test('on 2026-12-07 the 2026 schedule: four prices, three add-ons, staff@iiif.io, no past-fees line', async () => {
  const b = await launch({ serviceWorkers: 'block' });
  try {
    const tiers = await said(b.page, '#/tiers', '2026-12-07T12:00:00Z');
    for (const fee of ['US$16,000', 'US$8,000', 'US$2,500', 'US$1,000']) assert.ok(tiers.includes(fee), fee);
    for (const addOn of ['Allmaps', 'Community Development Fund', 'Strategic Initiatives Fund']) assert.ok(tiers.includes(`Optional add-on: ${addOn}, US$2,000 a year.`), addOn);
    assert.ok(!tiers.includes(PAST));
    await b.page.evaluate(() => { location.hash = '#/join'; });
    await b.page.getByRole('heading', { name: 'Ask to join' }).waitFor({ state: 'attached' });
    assert.ok((await b.page.locator('#semantics').textContent()).includes('staff@iiif.io'));
  } finally {
    await b.close();
  }
});

test('on 2026-12-07, #/tiers?schedule=2020: the seed\'s fees, said to be no longer in force; the switch goes back', async () => {
  const b = await launch({ serviceWorkers: 'block' });
  try {
    const tiers = await said(b.page, '#/tiers?schedule=2020', '2026-12-07T12:00:00Z');
    assert.ok(tiers.includes('These fees applied until 2025-12-31 and are no longer in force; the fees in force today are Fees from 2026.'));
    assert.ok(tiers.includes('US$10,000'));
    const group = b.page.getByRole('radiogroup', { name: 'Fee schedule' });
    assert.equal(await group.getByRole('radio', { name: 'Fees 2020–2025' }).isChecked(), true);
    await group.getByRole('radio', { name: 'Fees from 2026' }).dispatchEvent('click');  // as a screen reader activates it
    await b.page.waitForFunction(() => !document.getElementById('semantics').textContent.includes('no longer in force'), null, { timeout: 5000 });
    assert.ok(!b.page.url().includes('schedule='));
  } finally {
    await b.close();
  }
});

test('Associate by country: Kenya US$1,000, Norway US$2,500, Ethiopia (unclassified) both prices with who qualifies', async () => {
  const b = await launch({ serviceWorkers: 'block' });
  try {
    await said(b.page, '#/costs', '2026-12-07T12:00:00Z');
    const country = b.page.getByRole('combobox', { name: 'Country' });
    const results = b.page.getByRole('table', { name: 'Over 1 year, every tier' });
    const annual = () => results.getByRole('row', { name: /^Annual contribution/ }).textContent();
    await country.selectOption({ label: 'Kenya' });
    await b.page.waitForFunction(() => document.getElementById('semantics').textContent.includes('Associate: for institutions in low- and middle-income countries.'), null, { timeout: 5000 });
    assert.match(await annual(), /US\$16,000.*US\$8,000.*US\$1,000/);
    await country.selectOption({ label: 'Norway' });
    await b.page.waitForFunction(() => !document.getElementById('semantics').textContent.includes('Associate: for institutions'), null, { timeout: 5000 });
    assert.match(await annual(), /US\$16,000.*US\$8,000.*US\$2,500/);
    await country.selectOption({ label: 'Ethiopia' });
    await b.page.getByText('Associate membership: US$2,500, or US$1,000 for institutions in low- and middle-income countries (World Bank income classification for fiscal year 2026); Ethiopia is not in that classification: ask the consortium which applies.').waitFor({ state: 'attached', timeout: 5000 });
  } finally {
    await b.close();
  }
});
