// What is kept, and where: two tabs never overwrite each other's typing, storage that refuses is
// said in the Join view (with the download) and retried, a kiosk keeps nothing anywhere, and a
// crashed tab loses at most the last second of typing.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appState, click, launch, openApp, settle, startServer, waitForApp } from './harness.mjs';

const KEY = 'iiifc-portal.draft.v1';
const KEPT = 'Your answers are kept on this device only.';
const REFUSED = 'Your answers are not being saved on this device: this browser does not allow the portal to store data';
const FULL = "Your answers are not being saved on this device: the browser's storage for this site is full.";
const RETRY_MS = 5000;  // DraftKeeper::kRetrySeconds

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const request = async (page) => (await appState(page)).draft.request;
// What the app says: the text of its semantics tree (a form value is its input's, not text).
const said = (page) => page.locator('#semantics').textContent();
const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), KEY);

async function typeInto(page, label, text) {
  await click(page, label);
  await page.keyboard.type(text);
  await settle(page);
}

test('two tabs typing in different fields in turn both keep their text, and a third tab shows both', async () => {
  const b = await launch();
  try {
    const older = b.page;
    await openApp(older, server.url, '#/join');
    const newer = await b.context.newPage();
    await openApp(newer, server.url, '#/join');

    await typeInto(newer, 'Institution', 'Bodleian Libraries');
    await typeInto(newer, 'Contact name', 'Jane Smith');
    await older.waitForFunction(() => window.portalTest.state().draft.request.contact_name === 'Jane Smith', null, { timeout: 5000 });
    assert.equal((await request(older)).institution, 'Bodleian Libraries');

    // The older tab types its role; meanwhile the newer types a website; the role goes on where
    // its caret was.
    await older.bringToFront();
    await typeInto(older, 'Role', 'Cura');
    await newer.bringToFront();
    await typeInto(newer, 'Website', 'https://www.bodleian.ox.ac.uk');
    await older.waitForFunction(() => window.portalTest.state().draft.request.website !== '', null, { timeout: 5000 });
    await older.bringToFront();
    await older.keyboard.type('tor');
    await settle(older);
    await newer.waitForFunction(() => window.portalTest.state().draft.request.role === 'Curator', null, { timeout: 5000 });

    const expected = { institution: 'Bodleian Libraries', contact_name: 'Jane Smith', role: 'Curator', website: 'https://www.bodleian.ox.ac.uk' };
    const pick = (r) => ({ institution: r.institution, contact_name: r.contact_name, role: r.role, website: r.website });
    assert.deepEqual(pick(await request(older)), expected);
    assert.deepEqual(pick(await request(newer)), expected);
    assert.deepEqual(pick((await stored(older)).request), expected);

    const third = await b.context.newPage();
    await openApp(third, server.url, '#/join');
    assert.deepEqual(pick(await request(third)), expected);
    const institution = third.getByLabel('Institution', { exact: true });
    assert.equal(await institution.inputValue(), 'Bodleian Libraries');
    assert.equal(await institution.getAttribute('aria-required'), 'true');
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});

// The page's storage refuses as a browser with site data blocked does: the localStorage getter
// throws a SecurityError while window.__storageBlocked is true.
async function blockStorage(b) {
  await b.context.addInitScript(() => {
    window.__storageBlocked = true;
    const real = Object.getOwnPropertyDescriptor(window, 'localStorage') || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        if (window.__storageBlocked) throw new DOMException('Access is denied for this document.', 'SecurityError');
        return real.get.call(window);
      },
    });
  });
}

test('storage refused (the getter throws): the Join view says so, the request downloads, and saving resumes by itself', async () => {
  const b = await launch({ serviceWorkers: 'block' });
  const { page } = b;
  try {
    await blockStorage(b);
    await openApp(page, server.url, '#/join');
    await settle(page);
    const before = await said(page);
    assert.ok(before.includes(REFUSED), before);
    assert.ok(!before.includes(KEPT));
    await typeInto(page, 'Institution', 'Wellcome Collection');
    assert.equal((await request(page)).institution, 'Wellcome Collection');  // kept in memory

    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'Download the request')]);
    const file = join(mkdtempSync(join(tmpdir(), 'iiifc-dl-')), 'request.json');
    await download.saveAs(file);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).request.institution, 'Wellcome Collection');
    rmSync(file);

    // Site data allowed again: within the retry period the draft is saved and the message goes.
    const allowed = Date.now();
    await page.evaluate(() => { window.__storageBlocked = false; });
    await page.waitForFunction((kept) => document.getElementById('semantics').textContent.includes(kept), KEPT, { timeout: RETRY_MS + 5000 });
    assert.ok(Date.now() - allowed <= RETRY_MS + 5000);
    assert.ok(!(await said(page)).includes(REFUSED));
    assert.equal((await stored(page)).request.institution, 'Wellcome Collection');
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});

test('storage full (setItem throws QuotaExceededError): said in plain words, then saved when there is room again', async () => {
  const b = await launch({ serviceWorkers: 'block' });
  const { page } = b;
  try {
    await b.context.addInitScript(() => {
      window.__quotaFull = true;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (window.__quotaFull) throw new DOMException("Setting the value exceeded the quota.", 'QuotaExceededError');
        return setItem.call(this, k, v);
      };
    });
    await openApp(page, server.url, '#/join');
    assert.ok((await said(page)).includes(KEPT));  // nothing written yet: nothing refused yet
    await typeInto(page, 'Contact name', 'Ada Lovelace');
    await page.waitForFunction((full) => document.getElementById('semantics').textContent.includes(full), FULL, { timeout: 5000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.storage), 'failed:QuotaExceededError');
    assert.equal(await stored(page), null);

    await page.evaluate(() => { window.__quotaFull = false; });
    await page.waitForFunction((kept) => document.getElementById('semantics').textContent.includes(kept), KEPT, { timeout: RETRY_MS + 5000 });
    assert.equal((await stored(page)).request.contact_name, 'Ada Lovelace');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.storage), undefined);
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});

// Every storage the page can reach, as text: localStorage, sessionStorage, IndexedDB's databases
// and every response body in Cache Storage.
async function everyStorage(page) {
  return page.evaluate(async () => {
    const dump = (s) => JSON.stringify(Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)])));
    const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    let cached = '';
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) cached += req.url + '\n' + (await (await cache.match(req)).text()) + '\n';
    }
    return { local: dump(localStorage), session: dump(sessionStorage), databases, cacheNames: await caches.keys(), cached };
  });
}

test('kiosk: nothing typed is kept in any storage, across a reload and a browser restart', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'iiifc-kiosk-profile-'));
  try {
    let b = await launch({ profile });
    let page = b.page;
    // A draft left by a visit outside kiosk mode (or by an older version) is removed at start.
    await openApp(page, server.url, '#/join');
    await typeInto(page, 'Institution', 'Earlier Visitor Museum');
    assert.equal((await stored(page)).request.institution, 'Earlier Visitor Museum');

    await openApp(page, server.url, '?kiosk=1#/join');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    assert.equal((await request(page)).institution, '');
    assert.match(await said(page), /Nothing you type is stored on this device\./);
    assert.ok(!(await said(page)).includes(KEPT));
    await typeInto(page, 'Contact name', 'Grace Hopper');
    await typeInto(page, 'Contact email', 'grace@example.org');
    assert.equal((await request(page)).contact_email, 'grace@example.org');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));  // as when the tab is hidden

    const check = async (p, when) => {
      const s = await everyStorage(p);
      for (const typed of ['Grace Hopper', 'grace@example.org', 'Earlier Visitor Museum']) {
        for (const [where, text] of [['localStorage', s.local], ['sessionStorage', s.session], ['Cache Storage', s.cached]]) {
          assert.ok(!text.includes(typed), `${when}: "${typed}" found in ${where}`);
        }
      }
      assert.deepEqual(s.databases, [], `${when}: IndexedDB databases`);
      assert.equal(s.local, '{}', `${when}: localStorage`);
      assert.equal(s.session, '{}', `${when}: sessionStorage`);
      return s;
    };
    const typed = await check(page, 'while typing');
    assert.ok(typed.cacheNames.length === 1 && typed.cached.length > 100000, 'Cache Storage holds the app, and only the app');

    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await request(page).then((r) => [r.contact_name, r.contact_email]), ['', '']);
    await check(page, 'after a reload');
    await b.close();

    b = await launch({ profile });  // the same browser, started again
    page = b.page;
    await openApp(page, server.url, '?kiosk=1#/join');
    assert.deepEqual(await request(page).then((r) => [r.contact_name, r.contact_email]), ['', '']);
    await check(page, 'after a browser restart');
    assert.deepEqual(b.log.pageErrors, []);
    await b.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a crashed tab loses at most the last second of typing', { timeout: 120000 }, async () => {
  const b = await launch({ serviceWorkers: 'block' });
  try {
    const crash = async (page) => {
      const cdp = await b.context.newCDPSession(page);
      const crashed = page.waitForEvent('crash');
      cdp.send('Page.crash').catch(() => {});  // never answers: the renderer is gone
      await crashed;
    };
    const reopen = async () => {
      const p = await b.context.newPage();
      await openApp(p, server.url, '#/join');
      return p;
    };

    // Typing, then a second's pause, then the crash: every character is back.
    let page = b.page;
    await openApp(page, server.url, '#/join');
    await typeInto(page, 'Institution', 'Rijksmuseum Research Library');
    await page.waitForTimeout(1000);
    await crash(page);
    page = await reopen();
    assert.equal((await request(page)).institution, 'Rijksmuseum Research Library');

    // Typing without a pause (one key every 50 ms for 3 s) and a crash at the last key: what is
    // back is what was typed, up to at most the last second (20 keys).
    const text = 'The collection holds manuscripts, maps and photographs from 1600 on.';
    await click(page, 'Message');
    const started = Date.now();
    await page.keyboard.type(text, { delay: 50 });
    const typingMs = Date.now() - started;
    await crash(page);
    page = await reopen();
    const back = (await request(page)).message;
    assert.ok(text.startsWith(back), `"${back}" is not what was typed`);
    const keysPerSecond = text.length / (typingMs / 1000);
    console.log(`crash while typing: ${text.length - back.length} of ${text.length} characters lost, at ${keysPerSecond.toFixed(1)} keys/s`);
    assert.ok(text.length - back.length <= Math.ceil(keysPerSecond),
      `${text.length - back.length} of ${text.length} characters lost (${keysPerSecond.toFixed(1)} keys/s)`);
    assert.equal((await request(page)).institution, 'Rijksmuseum Research Library');
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});
