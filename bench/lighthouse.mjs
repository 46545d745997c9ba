// Lighthouse's mobile performance run (its defaults: a mid-range phone, slow 4G, 4x CPU slowdown,
// simulated), median of `runs`, on the release site and on a static HTML page of the same content
// (the anchor: what the page would cost without the app). Also the app's first interactive frame
// with that throttling applied for real (the DevTools protocol's network and CPU emulation):
// Lighthouse's simulation does not slow the page's own clock.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, startServer } from '../tests/browser/harness.mjs';
import { runLighthouse } from '../tests/browser/lighthouse_run.mjs';
import { readySignal } from './page_probes.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

// Lighthouse's mobile defaults, as numbers for the DevTools protocol (lighthouse/core/config/constants.js).
const SLOW_4G = { latency: 150 * 3.75, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8, offline: false };
const CPU_SLOWDOWN = 4;
const MOBILE_VIEWPORT = { width: 412, height: 823 };

// The anchor: the site's static content (rendered from the data at build time) and its styles
// (inside the page, as the site's page has them), as a page with no script.
export function writeStaticAnchor(site) {
  const dir = mkdtempSync(join(tmpdir(), 'iiifc-anchor-'));
  const page = readFileSync(join(site, 'index.html'), 'utf8');
  const content = page.slice(page.indexOf('<main id="fallback-container">'), page.indexOf('</main>') + '</main>'.length);
  const styles = /<style>[\s\S]*?<\/style>/.exec(page);
  if (!styles) throw new Error(`${site}/index.html has no <style>`);
  writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Join the IIIF Consortium</title>\n' +
    '<meta name="description" content="IIIF Consortium membership tiers, fees and how to join.">\n' +
    styles[0] + '\n<link rel="stylesheet" href="noscript.css">\n</head>\n<body>\n' + content + '\n</body>\n</html>\n');
  copyFileSync(join(site, 'noscript.css'), join(dir, 'noscript.css'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const METRICS = { fcp: 'first-contentful-paint', lcp: 'largest-contentful-paint', si: 'speed-index', tbt: 'total-blocking-time', cls: 'cumulative-layout-shift' };

// The HTML snippet of the first node an audit's details name.
function firstSnippet(x) {
  if (!x || typeof x !== 'object') return null;
  if (x.type === 'node' && x.snippet) return x.snippet;
  for (const v of Object.values(x)) { const s = firstSnippet(v); if (s) return s; }
  return null;
}

async function lighthouseRuns(url, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const { lhr } = await runLighthouse(url, { onlyCategories: ['performance'] });
    const r = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id].numericValue ?? null]));
    r.score = lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100);
    r.lcpElement = firstSnippet(lhr.audits['largest-contentful-paint-element']?.details);
    r.errors = [lhr.runtimeError?.message, ...Object.values(METRICS).map((id) => lhr.audits[id].errorMessage)].filter(Boolean);
    r.longTasks = (lhr.audits['long-tasks']?.details?.items || []).map((t) => Math.round(t.duration));
    all.push(r);
  }
  const med = Object.fromEntries([...Object.keys(METRICS), 'score'].map((k) => [k, all.some((r) => r[k] === null) ? null : median(all.map((r) => r[k]))]));
  return { median: med, runs: all };
}

// The app's first interactive frame (data-shown-ms: the first frame drawn and shown, the app
// taking input) with slow 4G and 4x CPU applied.
async function throttledFirstFrame(url, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const b = await launch({ viewport: MOBILE_VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 });
    try {
      const cdp = await b.context.newCDPSession(b.page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      const ready = (await readySignal(b, 120000))();
      await b.page.goto(url, { waitUntil: 'commit' });
      await ready;
      times.push(Number(await b.page.evaluate(() => document.documentElement.dataset.shownMs)));
    } finally {
      await b.close();
    }
  }
  return { medianMs: median(times), runs: times };
}

export async function mobileRuns(site, runs = 3) {
  const anchor = writeStaticAnchor(site);
  const appServer = await startServer(site), anchorServer = await startServer(anchor.dir);
  try {
    // Interleaved, so a busy spell of the machine falls on both.
    const app = { runs: [] }, page = { runs: [] };
    for (let i = 0; i < runs; i++) {
      app.runs.push(...(await lighthouseRuns(appServer.url, 1)).runs);
      page.runs.push(...(await lighthouseRuns(anchorServer.url, 1)).runs);
    }
    for (const x of [app, page]) {
      x.median = Object.fromEntries([...Object.keys(METRICS), 'score'].map((k) => [k, x.runs.some((r) => r[k] === null) ? null : median(x.runs.map((r) => r[k]))]));
    }
    const firstFrame = await throttledFirstFrame(appServer.url, runs);
    return { app, anchor: page, firstFrame };
  } finally {
    await appServer.stop();
    await anchorServer.stop();
    anchor.remove();
  }
}

// Run alone: node bench/lighthouse.mjs [runs]
if (import.meta.url === `file://${process.argv[1]}`) {
  const site = join(new URL('..', import.meta.url).pathname, 'build', 'web', 'site');
  const r = await mobileRuns(site, Number(process.argv[2] || 3));
  console.log(JSON.stringify(r, null, 1));
}
