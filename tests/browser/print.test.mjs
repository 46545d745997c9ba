// Printing a view (Ctrl+P; here Chromium's own print to PDF, page.pdf(), which lays the page out
// for print media) prints that view's whole content as text, over as many pages as it needs, with
// the data's date and source at its foot: no picture of the canvas, no tabs, no buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp } from './harness.mjs';

// The PDF's text in reading order (poppler's pdftotext) and its number of pages.
function pdfText(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'iiifc-print-'));
  try {
    const file = join(dir, 'view.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { text, pages: text.split('\f').filter((p) => p.trim()).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the Members view prints every member, the last one included, as text over several pages, with the data\'s date and source', async () => {
  await withApp({ viewport: { width: 1280, height: 800 } }, '#/members', async (b) => {
    const { text, pages } = pdfText(await b.page.pdf({ format: 'A4' }));
    const flat = text.replace(/\s+/g, ' ');
    assert.match(flat, /Who else is involved/);
    assert.match(flat, /Vienna University Library Associate/);  // the last member, and its level beside it
    assert.match(flat, /Yale University/);
    assert.match(flat, /Data reviewed 2026-05-27\. Source: IIIF Consortium 'Join' page/);
    assert.ok(pages >= 2, `${pages} pages`);
    // Neither the navigation nor the buttons are printed.
    assert.doesNotMatch(flat, /Start over|Summary for your budget holder|Governance rights/);
  });
});

test('the Tiers view prints down to its last paragraph, without the navigation', async () => {
  await withApp({ viewport: { width: 1280, height: 800 } }, '#/tiers', async (b) => {
    const tiers = pdfText(await b.page.pdf({ format: 'A4' })).text.replace(/\s+/g, ' ');
    assert.match(tiers, /Our shared goals/);
    assert.match(tiers, /Fees effective from 2026-01-01\. Data reviewed 2026-05-27/);
    assert.doesNotMatch(tiers, /Start over/);
  });
});
