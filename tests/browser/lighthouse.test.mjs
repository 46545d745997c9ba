// Lighthouse 12.2.3 (its accessibility and best-practices categories) on the running app, in
// Debian's Chromium: both scores at least 95. The HTML report is kept as an artefact.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ARTIFACTS, CHROMIUM_ARGS, startServer } from './harness.mjs';

let server, chrome, profile;
before(async () => {
  server = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'iiifc-lighthouse-'));
  chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`],
    userDataDir: false,
    logLevel: 'silent',
  });
});
after(async () => {
  await chrome?.kill();
  await server?.stop();
  rmSync(profile, { recursive: true, force: true });
});

test('Lighthouse: accessibility and best practices at least 95', { timeout: 240000 }, async () => {
  const result = await lighthouse(server.url, {
    port: chrome.port,
    output: 'html',
    logLevel: 'error',
    onlyCategories: ['accessibility', 'best-practices'],
    formFactor: 'desktop',
    screenEmulation: { mobile: false, width: 1280, height: 800, deviceScaleFactor: 1, disabled: false },
    throttlingMethod: 'provided',
  });
  writeFileSync(join(ARTIFACTS, 'lighthouse.html'), result.report);
  const { categories, audits } = result.lhr;
  const failing = (cat) => categories[cat].auditRefs
    .filter((r) => r.weight > 0 && audits[r.id].score !== null && audits[r.id].score < 1).map((r) => `${r.id}: ${audits[r.id].title}`);
  const a11y = Math.round(categories.accessibility.score * 100), bp = Math.round(categories['best-practices'].score * 100);
  console.log(`# lighthouse: accessibility ${a11y}, best practices ${bp}`);
  assert.ok(a11y >= 95, `accessibility ${a11y}: ${failing('accessibility').join('; ')}`);
  assert.ok(bp >= 95, `best practices ${bp}: ${failing('best-practices').join('; ')}`);
});
