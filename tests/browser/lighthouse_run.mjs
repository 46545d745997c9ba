// Runs Lighthouse (the npm package, driving Debian's Chromium through chrome-launcher) on a URL
// and returns its result ({ lhr, report }). Used by the benchmark's mobile performance runs
// (bench/lighthouse.mjs); here, beside the harness, because its packages are the browser tests'.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from './harness.mjs';

// A fresh browser and profile per run: every run is a first visit (no cache, no service worker).
// `flags` are Lighthouse's: without formFactor / throttling ones, its defaults (a mid-range phone
// on slow 4G, 4x CPU slowdown, simulated) apply.
export async function runLighthouse(url, flags = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'iiifc-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`],
    userDataDir: false,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', ...flags });
    return result;
  } finally {
    await chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}
