// One visitor's whole flow with real mouse, keyboard and touch input on the canvas: compare,
// choose Associate, set Museum, read the governance answer, fill the form by typing, open the
// mailto: (intercepted and decoded), copy, download the join request file, give it to the CLI and
// load it back, reload and find
// the draft intact, follow a deep link, use back and forward; screenshots at three sizes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ARTIFACTS, SITE_DIR, SOURCE_DIR, appState, click, launch, openApp, parseMailto, sameOrigin, settle, startServer, widget } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const draftOf = async (page) => JSON.parse(JSON.stringify((await appState(page)).draft));

async function typeInto(page, label, text) {
  await click(page, label);
  await page.keyboard.type(text, { delay: 5 });
  await settle(page);
}

test('compare, choose, governance, join by typing, mailto, copy, download and load, reload', async () => {
  const b = await launch({ viewport: { width: 1280, height: 800 } });
  const { page, context, log } = b;
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await openApp(page, server.url);

    await click(page, 'Choose Associate##associate');
    assert.equal((await draftOf(page)).request.tier, 'associate');

    await click(page, 'Governance##nav');
    assert.equal((await appState(page)).view, 'governance');
    await click(page, 'Organisation type##governance');
    await click(page, 'Museum');
    const d = await draftOf(page);
    assert.equal(d.request.organisation_type, 'museum');
    assert.equal(await page.evaluate(() => window.location.hash), '#/governance?tier=associate&type=museum');
    await page.screenshot({ path: join(ARTIFACTS, 'flow-governance-associate-museum.png') });

    await click(page, 'Join##nav');
    await typeInto(page, 'Institution', 'Musée des Beaux-Arts & Co');
    await page.getByLabel('Country').selectOption({ label: 'France' });  // a list of 249 names: its select
    await settle(page);
    await typeInto(page, 'Contact name', 'Zoë Martin');
    await typeInto(page, 'Contact email', 'zoe@example.org');
    const filled = (await draftOf(page)).request;
    assert.equal(filled.institution, 'Musée des Beaux-Arts & Co');
    assert.equal(filled.contact_name, 'Zoë Martin');
    assert.equal(filled.contact_email, 'zoe@example.org');

    await click(page, 'Open in my email program');
    const mailtos = await page.evaluate(() => window.__mailto || []);
    assert.equal(mailtos.length, 1);
    const m = parseMailto(mailtos[0]);
    assert.equal(m.address, 'staff@iiif.io');
    assert.equal(m.subject, 'IIIF Consortium membership request: Musée des Beaux-Arts & Co (Associate membership)');
    assert.match(m.body, /\r\nInstitution: Musée des Beaux-Arts & Co\r\n/);
    assert.match(m.body, /\r\nOrganisation type: Museum\r\n/);
    assert.match(m.body, /\r\nCountry: France\r\n/);
    assert.match(m.body, /\r\nMembership tier: Associate membership\r\n/);
    assert.match(m.body, /\r\nAnnual contribution: US\$2,500\r\n/);
    assert.match(m.body, /\r\nContact name: Zoë Martin\r\n/);
    assert.match(m.body, /\r\nContact email: zoe@example.org\r\n/);

    await click(page, 'Copy request');
    await page.waitForFunction(() => window.portalTest.state().toast === 1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^To: staff@iiif\.io\nSubject: IIIF Consortium membership request: Musée des Beaux-Arts & Co/);

    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'Download .json')]);
    const saved = join(ARTIFACTS, 'join-request.json');
    await download.saveAs(saved);
    const exported = JSON.parse(readFileSync(saved, 'utf8'));
    assert.equal(exported.format, 'iiifc-join-request');
    assert.equal(exported.request.institution, 'Musée des Beaux-Arts & Co');
    // The join request file is what the command line's `join` reads: it writes the same email.
    const cli = join(SITE_DIR, '..', 'src', 'platform', 'web', 'iiifc-portal-node.js');
    const run = spawnSync(process.execPath, ['--no-experimental-fetch', cli, 'join', saved, '--format', 'text',
      '--data', join(SOURCE_DIR, 'assets', 'membership.json')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, copied);

    await typeInto(page, 'Institution', ' (changed)');
    assert.equal((await draftOf(page)).request.institution, 'Musée des Beaux-Arts & Co (changed)');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'Load .json')]);
    await chooser.setFiles(saved);
    await page.waitForFunction(() => window.portalTest.state().draft.request.institution === 'Musée des Beaux-Arts & Co');

    await page.reload();
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached' });
    const restored = (await draftOf(page)).request;
    assert.equal(restored.institution, 'Musée des Beaux-Arts & Co');
    assert.equal(restored.contact_email, 'zoe@example.org');
    assert.equal(restored.tier, 'associate');
    assert.equal((await appState(page)).view, 'join');

    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(sameOrigin(log.requests, server.url), []);
  } finally {
    await b.close();
  }
});

test('deep links open a view with its choices; back and forward move between views', async () => {
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page, server.url, '#/costs?tier=associate&type=company');
    let s = await appState(page);
    assert.equal(s.view, 'costs');
    assert.equal(s.draft.request.tier, 'associate');
    assert.equal(s.draft.request.organisation_type, 'company');
    await click(page, 'Members##nav');
    assert.equal((await appState(page)).view, 'members');
    await page.goBack();
    await page.waitForFunction(() => window.portalTest.state().view === 'costs');
    await page.goForward();
    await page.waitForFunction(() => window.portalTest.state().view === 'members');
  } finally {
    await b.close();
  }
});

test('touch: a tap navigates, a drag scrolls without clicking', async () => {
  const b = await launch({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const { page } = b;
  try {
    await openApp(page, server.url);
    const nav = await widget(page, 'Costs##nav');
    await page.touchscreen.tap(nav.x + nav.w / 2, nav.y + nav.h / 2);
    await page.waitForFunction(() => window.portalTest.state().view === 'costs');
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'touch-costs-360x640@2.png') });

    // A finger drag up the page (starting on a button) scrolls the view and presses nothing.
    const cdp = await b.context.newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 180, y }] });
    const drag = async (y0) => {
      await touch('touchStart', y0);
      for (let y = y0; y > y0 - 300; y -= 30) { await touch('touchMove', y); await settle(page); }
      await touch('touchEnd', 0);
      await settle(page);
    };
    // The Costs view's inputs come first: drag from the middle of the screen until the header
    // is on it (a drag that scrolls is all this asks of these).
    const onScreen = async () => { const w = await widget(page, 'Assumptions (editable)'); return w.y + w.h < 630; };
    for (let i = 0; i < 5 && !(await onScreen()); i++) await drag(600);
    const before = await widget(page, 'Assumptions (editable)');
    await drag(before.y + before.h / 2);
    const after = await widget(page, 'Assumptions (editable)').catch(() => null);
    assert.ok(after === null || after.y < before.y - 100, `the view did not scroll (${before.y} -> ${after && after.y})`);
    assert.equal((await appState(page)).view, 'costs');
    // The header the drag started on was not pressed: its section stayed closed.
    assert.equal(await page.evaluate(() => window.portalTest.widget('Non-member conference price')), null);
  } finally {
    await b.close();
  }
});

for (const [w, h] of [[360, 640], [1280, 800], [1920, 1080]]) {
  test(`screenshot at ${w}x${h}, devicePixelRatio 2`, async () => {
    const b = await launch({ viewport: { width: w, height: h }, deviceScaleFactor: 2 });
    try {
      await openApp(b.page, server.url, '#/tiers');
      await settle(b.page);
      const canvas = await b.page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
      assert.deepEqual(canvas, [w * 2, h * 2]);  // one canvas pixel per device pixel
      await b.page.screenshot({ path: join(ARTIFACTS, `tiers-${w}x${h}@2.png`) });
      assert.deepEqual(b.log.consoleErrors, []);
    } finally {
      await b.close();
    }
  });
}

test('kiosk: the draft is cleared after the idle timeout', async () => {
  const b = await launch();
  const { page } = b;
  try {
    await openApp(page, server.url, '?kiosk=1&idle=5#/join');
    await typeInto(page, 'Institution', 'Visitor museum');
    assert.equal((await draftOf(page)).request.institution, 'Visitor museum');
    await page.waitForFunction(() => window.portalTest.state().draft.request.institution === '', null, { timeout: 15000 });
    assert.equal((await appState(page)).view, 'tiers');
  } finally {
    await b.close();
  }
});
