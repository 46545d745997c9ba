// The laid-out site: every text and WebAssembly file has its pre-compressed twins (.br, .gz) for
// static hosts, each the same bytes once decompressed; the service worker precaches the files
// themselves, not the twins. The .wasm carries no part of Dear ImGui the app never uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { IMGUI_DIR, SITE_DIR } from './harness.mjs';

const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

test('pre-compressed .br and .gz beside each file, equal to it once decompressed', () => {
  const all = files(SITE_DIR).map((f) => relative(SITE_DIR, f));
  const originals = all.filter((f) => /\.(html|js|css|json|wasm|webmanifest)$/.test(f));
  assert.ok(originals.includes('portal.wasm') && originals.includes('index.html') && originals.includes('membership.json'));
  for (const f of originals) {
    const data = readFileSync(join(SITE_DIR, f));
    assert.ok(brotliDecompressSync(readFileSync(join(SITE_DIR, f + '.br'))).equals(data), `${f}.br`);
    assert.ok(gunzipSync(readFileSync(join(SITE_DIR, f + '.gz'))).equals(data), `${f}.gz`);
  }
  // Nothing else is compressed (no .br.gz), and the images are not.
  assert.deepEqual(all.filter((f) => /\.(br|gz)$/.test(f)).sort(), originals.flatMap((f) => [f + '.br', f + '.gz']).sort());
  const precached = JSON.parse(readFileSync(join(SITE_DIR, 'build-info.json'), 'utf8')).files;
  assert.deepEqual(precached.filter((f) => /\.(br|gz)$/.test(f)), []);
});

test('the .wasm holds no copy of Dear ImGui\'s default font: the app always gives the atlas its own', () => {
  // The font's compressed data, as the Dear ImGui sources the build used write it.
  const source = readFileSync(join(IMGUI_DIR, 'imgui_draw.cpp'), 'utf8');
  const encoded = /proggy_clean_ttf_compressed_data_base85\[[^\]]*\]\s*=\s*"([^"]{40})/.exec(source);
  assert.ok(encoded, 'Dear ImGui\'s default font not found in its sources');
  assert.ok(!readFileSync(join(SITE_DIR, 'portal.wasm')).includes(Buffer.from(encoded[1], 'latin1')), 'portal.wasm holds ImGui\'s default font');
});
