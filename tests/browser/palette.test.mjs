// One palette (src/core/palette.h): the page's colours, light and dark, its theme colour and the
// manifest's are its values, as the app's theme is (src/ui/theme.cpp builds from the same list).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPalette } from '../../scripts/palette.mjs';
import { SITE_DIR, SOURCE_DIR, launch, startServer } from './harness.mjs';

const PALETTE = readPalette(join(SOURCE_DIR, 'src', 'core', 'palette.h'));
const ON_PAGE = Object.values(PALETTE).filter((c) => c.css);

test('the page\'s colours are the palette\'s, in the light scheme and the dark one', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    for (const scheme of ['light', 'dark']) {
      await b.page.emulateMedia({ colorScheme: scheme });
      await b.page.goto(server.url);
      const properties = await b.page.evaluate((names) => names.map((n) => getComputedStyle(document.documentElement).getPropertyValue(`--${n}`).trim()),
        ON_PAGE.map((c) => c.css));
      assert.deepEqual(properties, ON_PAGE.map((c) => c[scheme]), scheme);
    }
    assert.equal(await b.page.evaluate(() => document.querySelector('meta[name="theme-color"]').content), PALETTE.accent.light);
  } finally {
    await b.close();
    await server.stop();
  }
  assert.ok(ON_PAGE.length >= 8, 'the page uses the palette\'s backgrounds, text, accent, border and error');
  const manifest = JSON.parse(readFileSync(join(SITE_DIR, 'manifest.webmanifest'), 'utf8'));
  assert.deepEqual([manifest.theme_color, manifest.background_color], [PALETTE.accent.light, PALETTE.background.light]);
});
