// The first paint is the static content (tiers, fees, benefits, how to join) rendered from the
// data at build time: it is the Largest Contentful Paint, the app's first frame takes over in
// place without moving anything, a page opened on #/join shows how to join, and the fees it
// shows are the ones the app shows (its semantics tree) and the data holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_DIR, launch, plainStaticHost, startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// Holds the .wasm until released, and records layout shifts and the LCP element from the start.
async function openHeld(path, viewport) {
  const b = await launch({ viewport, serviceWorkers: 'block' });
  let release;
  const held = new Promise((r) => { release = r; });
  await b.page.route('**/portal.wasm*', async (route) => { await held; await route.continue(); });
  await b.context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
      .observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      const e = list.getEntries().at(-1);
      window.__lcp = e.element ? { inFallback: !!e.element.closest('#fallback-container'), inTable: !!e.element.closest('#fallback table') } : null;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await b.page.goto(server.url + path);
  await b.page.waitForSelector('#fallback h1', { state: 'visible' });
  return { b, release };
}

const cls = (page) => page.evaluate(() => window.__shifts.reduce((a, v) => a + v, 0));
const fees = () => JSON.parse(readFileSync(join(SITE_DIR, 'membership.json'), 'utf8'));

test('the first paint: the tiers compared, first, in the page; the app takes over with no layout shift', async () => {
  const { b, release } = await openHeld('', { width: 412, height: 823 });
  try {
    const page = b.page;
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.appState), 'loading');
    assert.deepEqual(await page.evaluate(() => window.__lcp), { inFallback: true, inTable: true });
    // The comparison is the first thing under the heading, as in the app's Tiers view.
    const tableTop = await page.locator('#fallback table').evaluate((t) => t.getBoundingClientRect().top);
    const headingBottom = await page.locator('#fallback h1').evaluate((h) => h.getBoundingClientRect().bottom);
    assert.ok(tableTop > headingBottom && tableTop < headingBottom + 60, `table at ${tableTop}, heading ends at ${headingBottom}`);
    // Each fee cell: the fee in bold, then what it is and any other price (comparison_model.h).
    const staticRow = await page.locator('#fallback table tbody tr').first().locator('td strong').allInnerTexts();
    release();
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#fallback-container').isVisible(), false);
    assert.equal(await cls(page), 0);
    // One source: the static page, the app's semantics tree and the data agree on every fee.
    // The schedule in force today: the last one begun (the schedules follow each other in the file).
    const today = new Date().toISOString().slice(0, 10);
    const schedule = fees().schedules.filter((s) => s.effective_from <= today).at(-1);
    assert.ok(schedule.tiers.every((t) => t.annual_fee.currency === 'USD'));
    const money = schedule.tiers.map((t) => `US$${(t.annual_fee.amount / 100).toLocaleString('en-US')}`);  // in cents
    assert.deepEqual(staticRow, money);
    const said = await page.locator('#semantics').textContent();
    for (const m of money) assert.ok(said.includes(m), `${m} in the app's semantics tree`);
  } finally {
    await b.close();
  }
});

test('a page opened on #/join shows how to join at first paint, and the join view takes over', async () => {
  const { b, release } = await openHeld('#/join', { width: 412, height: 823 });
  try {
    const page = b.page;
    await page.waitForSelector('#first-paint-join', { state: 'visible' });
    assert.equal(await page.locator('#fallback-join').isVisible(), false);
    assert.equal(await page.locator('#fallback table').isVisible(), false);
    assert.match(await page.locator('#first-paint-join').innerText(), /^How to join\n\nTo join the IIIF Consortium, send an email to staff@iiif\.io with your intent to join\.$/);
    release();
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    await page.waitForFunction(() => window.portalTest.state().view === 'join');
    assert.equal(await cls(page), 0);
  } finally {
    await b.close();
  }
});

// A page that arrives in parts, as on a slow or busy network, is painted part by part as it is
// parsed. The parts painted first are what stays on top: nothing painted moves (the comparison
// table came after the tiers' lists in the page, and pushed them down by half a screen when it
// came), and a page opened on #/join never paints the tiers' table (its head reads the link).
// Here the page stops for 400 ms at each cut; the app's .wasm never comes.
function servedInParts(cut) {
  const page = readFileSync(join(SITE_DIR, 'index.html'));
  return plainStaticHost(SITE_DIR, '/', (rel, res) => {
    if (rel === '') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write(page.subarray(0, cut));
      setTimeout(() => res.end(page.subarray(cut)), 400);
    }
    return rel === '' || rel === 'portal.wasm';  // the .wasm: held, never answered
  });
}

test('a page that arrives in parts: what is painted first stays in place; #/join never paints the tiers', async () => {
  const page = readFileSync(join(SITE_DIR, 'index.html'), 'utf8');
  const container = '<main id="fallback-container">';
  const cuts = {
    'before the content': page.indexOf(container) + container.length, 'after the heading': page.indexOf('</h1>') + 6,
    'after the table': page.indexOf('</table>') + 9, 'half-way': page.length >> 1,
  };
  // One browser; a page of its own for each case, from a host of its own (nothing cached).
  const b = await launch({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  await b.context.addInitScript(() => {
    window.__shifts = [];
    window.__paints = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(`${e.value} ${e.sources.map((s) => s.node?.nodeName).join(' ')}`); })
      .observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const where = e.element?.closest('#fallback table') ? 'table' : e.element?.closest('#first-paint-join') ? 'join' : e.element?.tagName;
        window.__paints.push(where);
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  try {
    for (const [where, cut] of Object.entries(cuts)) {
      assert.ok(cut > 40 && cut < page.length, where);
      for (const path of ['', '#/join']) {
        const host = await servedInParts(Buffer.byteLength(page.slice(0, cut)));
        const tab = await b.context.newPage();
        try {
          await tab.goto(host.url + path, { waitUntil: 'domcontentloaded' });
          await tab.waitForTimeout(300);
          const { shifts, paints } = await tab.evaluate(() => ({ shifts: window.__shifts, paints: window.__paints }));
          const what = `cut ${where}, page ${path || '#/'}: largest paints ${paints.join(', ')}`;
          assert.deepEqual(shifts, [], what);
          if (path) {
            assert.equal(paints.includes('table'), false, what);
            assert.equal(paints.at(-1), 'join', what);
          } else {
            assert.equal(paints.at(-1), 'table', what);
          }
        } finally {
          await tab.close();
          await host.stop();
        }
      }
    }
  } finally {
    await b.close();
  }
});

// The page's styles come inside it (scripts/build_site.mjs): the first paint waits for no other
// file. The page's policy, in its <meta> and in the server's header, allows that <style> by its
// SHA-256, and no other inline style.
test('the page carries its styles and the line that reads the link: nothing to wait for, allowed by their hashes', async () => {
  const page = readFileSync(join(SITE_DIR, 'index.html'), 'utf8');
  const inline = (tag) => [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))];
  const hashOf = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  assert.equal(inline('style').length, 1);
  assert.equal(inline('script').length, 1);
  const digest = hashOf(inline('style')[0][1]);
  const scriptDigest = hashOf(inline('script')[0][1]);
  const expected = [`style-src 'self' ${digest};`, `script-src 'self' 'wasm-unsafe-eval' ${scriptDigest};`];
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)[1];
  for (const e of expected) assert.ok(meta.includes(e), `${e} in the page's policy`);
  assert.doesNotMatch(meta, /unsafe-inline/);
  const { b, release } = await openHeld('', { width: 412, height: 823 });
  try {
    release();
    const response = await b.page.request.get(server.url);
    for (const e of expected) assert.ok(response.headers()['content-security-policy'].includes(e), `${e} in the server's policy`);
    assert.equal(await b.page.evaluate(() => document.documentElement.dataset.view), 'tiers');
    // Applied (the policy let it in): the page's own colours, not the browser's.
    const styled = await b.page.evaluate(() => ({
      sheets: [...document.styleSheets].map((s) => (s.ownerNode.tagName === 'STYLE' ? 'style' : s.href.split('/').pop())),
      background: getComputedStyle(document.querySelector('#fallback thead th')).backgroundColor,
    }));
    assert.deepEqual(styled.sheets, ['style']);  // noscript.css is inside <noscript>: not loaded
    assert.notEqual(styled.background, 'rgba(0, 0, 0, 0)');
    assert.deepEqual(b.log.requests.filter((u) => u.endsWith('.css') || u.includes('.css?')), []);
    assert.deepEqual(await b.page.evaluate(() => window.__cspViolations || []), []);
  } finally {
    await b.close();
  }
});

// A page wider than the phone is zoomed out by the browser to fit, and zoomed back when the app
// takes over (a resize: the app's first frame drawn again).
test('on the narrowest phones the static content fits the width: nothing sticks out, nothing is zoomed out', async () => {
  for (const width of [320, 360]) {
    const b = await launch({ viewport: { width, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, javaScriptEnabled: false });
    try {
      await b.page.goto(server.url);
      const r = await b.page.evaluate(() => ({
        inner: window.innerWidth,
        scroll: document.documentElement.scrollWidth,
        wider: [...document.querySelectorAll('#fallback-container *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((el) => el.tagName + ': ' + el.textContent.trim().slice(0, 40)).slice(0, 3),
      }));
      assert.equal(r.inner, width, `the layout viewport is the phone's width at ${width} px (zoomed out: ${JSON.stringify(r)})`);
      assert.equal(r.scroll, width, `nothing wider than ${width} px: ${JSON.stringify(r.wider)}`);
    } finally {
      await b.close();
    }
  }
});

// A phone's overlay scroll bar, shown at the first layout, faded out a frame at a time during the
// app's start: 20-25 frames of the page's compositor on a phone-sized Lighthouse load, each
// composited and captured there, where the content changed in two or three. So on a touch screen
// the page has no scroll bar while the app starts; with a mouse, without JavaScript, and once the
// app has failed, the static content keeps its bar. The manifest is linked once the start is over,
// failed too (installing the app: pwa.test.mjs).
test('while the app starts on a touch screen the page has no scroll bar; with a mouse, without JavaScript, or failed, it has', async () => {
  const scrollbar = (page) => page.evaluate(() => getComputedStyle(document.documentElement).scrollbarWidth);
  const manifests = (page) => page.evaluate(() => document.querySelectorAll('link[rel="manifest"]').length);
  const touch = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, serviceWorkers: 'block' };
  for (const [options, expected] of [[touch, 'none'], [{ serviceWorkers: 'block' }, 'auto']]) {
    const b = await launch(options);
    try {
      // The .wasm never comes: the app stays loading, then fails.
      let fail;
      const failing = new Promise((r) => { fail = r; });
      await b.page.route('**/portal.wasm*', async (route) => { await failing; await route.abort(); });
      await b.page.goto(server.url);
      await b.page.waitForSelector('#fallback h1', { state: 'visible' });
      await b.page.waitForTimeout(300);
      assert.equal(await b.page.evaluate(() => document.documentElement.dataset.appState), 'loading');
      assert.equal(await b.page.evaluate(() => matchMedia('(pointer: coarse)').matches), expected === 'none');
      assert.equal(await scrollbar(b.page), expected, `loading, ${expected === 'none' ? 'touch' : 'mouse'}`);
      assert.equal(await manifests(b.page), 0, 'no manifest while the app starts');
      fail();
      await b.page.waitForSelector('html[data-app-state="failed"]', { state: 'attached', timeout: 30000 });
      assert.equal(await scrollbar(b.page), 'auto', 'failed');
      assert.equal(await manifests(b.page), 1, 'the manifest once the start is over');
    } finally {
      await b.close();
    }
  }
  const b = await launch({ ...touch, javaScriptEnabled: false });
  try {
    await b.page.goto(server.url);
    await b.page.waitForSelector('#fallback h1', { state: 'visible' });
    assert.equal(await scrollbar(b.page), 'auto', 'without JavaScript');
  } finally {
    await b.close();
  }
});

// window.__steps: [the app's state, the elements in the semantics tree] at each change of either.
function recordSemanticsSteps(context) {
  return context.addInitScript(() => {
    window.__steps = [];
    new MutationObserver(() => {
      const c = document.getElementById('semantics');
      const step = [document.documentElement.dataset.appState, c ? c.querySelectorAll('*').length : 0];
      const last = window.__steps.at(-1);
      if (!last || last[0] !== step[0] || last[1] !== step[1]) window.__steps.push(step);
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-app-state'] });
  });
}

// A host that holds back the drawer's script for a second (a phone's slow worker start): the app
// stays hidden, drawing its first frame, for at least that long, however fast the machine.
function hostHoldingTheDrawer() {
  return plainStaticHost(SITE_DIR, '/', (rel, res) => {
    if (rel !== 'draw.js') return false;
    setTimeout(() => { res.writeHead(200, { 'Content-Type': 'text/javascript' }); res.end(readFileSync(join(SITE_DIR, 'draw.js'))); }, 1000);
    return true;
  });
}

// A chunk of the tree made while the app is hidden also ends once it has taken 3 ms (on a busy
// phone another thread can hold the core): with a clock that runs 4 ms a reading while the app
// is hidden, each chunk makes one record; the tree is still whole when the app shows. The drawer
// is held, so that the app is hidden for many frames even on a fast machine.
test('while the app is hidden, a chunk of the semantics tree ends after 3 ms, however few it made', async () => {
  const host = await hostHoldingTheDrawer();
  const b = await launch({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, serviceWorkers: 'block' });
  try {
    await b.context.addInitScript(() => {
      const now = performance.now.bind(performance);
      let ahead = 0;
      performance.now = () => {
        if (document.documentElement.dataset.appState === 'loading') ahead += 4;
        return now() + ahead;
      };
    });
    await recordSemanticsSteps(b.context);
    await b.page.goto(host.url);
    await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    const steps = await b.page.evaluate(() => window.__steps);
    const whole = await b.page.evaluate(() => document.querySelectorAll('#semantics *').length);
    const made = steps.filter(([state]) => state === 'loading').map(([, n]) => n).filter((n) => n > 0);
    const sizes = made.map((n, i) => n - (i ? made[i - 1] : 0));
    const median = [...sizes].sort((x, y) => x - y)[sizes.length >> 1];
    assert.ok(made.length >= 10 && median <= 4, `a record a chunk (a record is an element or a few): ${JSON.stringify(sizes)}`);
    assert.deepEqual(steps.find(([state]) => state !== 'loading'), ['ready', whole]);
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
    await host.stop();
  }
});

// The page's title and address follow the view, written once the app shows (in idle moments
// after it), not in its start: each was a long call on a slow phone (library_browser.js).
test('the title and the address are written once the app shows, not while it starts', async () => {
  const b = await launch({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, serviceWorkers: 'block' });
  try {
    await b.context.addInitScript(() => {
      window.__writes = [];  // [what, the app's state then]
      const state = () => document.documentElement.dataset.appState;
      const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
      Object.defineProperty(Document.prototype, 'title', { configurable: true, get() { return title.get.call(this); },
        set(v) { window.__writes.push(['title', state()]); title.set.call(this, v); } });
      for (const name of ['pushState', 'replaceState']) {
        const f = History.prototype[name];
        History.prototype[name] = function (...args) { window.__writes.push([name, state()]); return f.apply(this, args); };
      }
    });
    await b.page.goto(server.url);
    await b.page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    await b.page.waitForFunction(() => window.location.hash.startsWith('#/tiers'), null, { timeout: 5000 });
    await b.page.waitForFunction(() => document.title.startsWith('Tiers'), null, { timeout: 5000 });
    const writes = await b.page.evaluate(() => window.__writes);
    assert.deepEqual(writes, [['title', 'ready'], ['replaceState', 'ready']]);
    assert.deepEqual(b.log.pageErrors, []);
  } finally {
    await b.close();
  }
});

// Styling elements is the page's work: on a phone (and in Lighthouse's simulation of one, each task
// 4x) a style recalculation of the whole semantics tree at once was the longest task of the start
// (136 elements, each resolved twice for a ::selection rule, inside the frame that showed the
// app). The tree is made while the GPU draws the first frame, hidden and a chunk a frame, whole
// when the canvas shows; showing the app restyles a few elements. Here the drawer is held
// (hostHoldingTheDrawer), and the browser's own trace counts the elements each style
// recalculation of the start resolves.
test('the semantics tree is made while the first frame is drawn: hidden, a chunk a frame, whole when the app shows', async () => {
  const host = await hostHoldingTheDrawer();
  const b = await launch({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, serviceWorkers: 'block' });
  try {
    const page = b.page;
    await recordSemanticsSteps(b.context);
    const cdp = await b.context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] } });
    await page.goto(host.url);
    // Made while the app is still hidden: there, but neither in the accessibility tree nor focusable.
    await page.waitForFunction(() => document.documentElement.dataset.appState === 'loading' &&
      document.querySelectorAll('#semantics button').length > 0, null, { timeout: 30000 });
    assert.equal(await page.locator('#semantics').getByRole('button').count(), 0);
    const focused = await page.evaluate(() => { const el = document.querySelector('#semantics button'); el.focus(); return document.activeElement === el; });
    assert.equal(focused, false);
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 30000 });
    await page.waitForTimeout(500);
    await cdp.send('Tracing.end');
    await traced;
    assert.ok(await page.locator('#semantics').getByRole('button').count() > 0);
    const whole = await page.evaluate(() => document.querySelectorAll('#semantics *').length);
    const steps = await page.evaluate(() => window.__steps);
    const made = steps.filter(([state]) => state === 'loading').map(([, n]) => n);
    assert.ok(made.length >= 3 && made.every((n, i) => i === 0 || n - made[i - 1] <= 50), `made in chunks while hidden: ${JSON.stringify(steps)}`);
    const shown = steps.find(([state]) => state !== 'loading');  // shown and ready in one task
    assert.deepEqual(shown, ['ready', whole], `whole when the app shows: ${JSON.stringify(steps)}`);
    // From the app's start (its instance made) on, no style recalculation resolves more than a chunk.
    const started = events.find((e) => e.name === 'portal-instantiated');
    assert.ok(started, 'the start is on the trace');
    const recalcs = events.filter((e) => e.name === 'UpdateLayoutTree' && e.ts > started.ts)
      .map((e) => e.args?.elementCount ?? e.args?.endData?.elementCount ?? e.args?.beginData?.elementCount).filter((n) => n !== undefined);
    assert.ok(recalcs.length > 0, 'style recalculations are on the trace');
    assert.ok(Math.max(...recalcs) <= 60, `elements per style recalculation after the start: ${recalcs.join(', ')}`);
  } finally {
    await b.close();
    await host.stop();
  }
});
