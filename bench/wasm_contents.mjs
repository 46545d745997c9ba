#!/usr/bin/env node
// What the release .wasm holds: bytes per section, the data segments (fonts, tables, strings), and
// the code grouped by where it comes from (our core, UI and runner; Dear ImGui; nlohmann/json;
// stb_truetype; the C/C++ libraries), from the link's symbol map (portal.js.symbols).
//   node bench/wasm_contents.mjs [build/web/src/platform/web]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = resolve(process.argv[2] || join(new URL('..', import.meta.url).pathname, 'build', 'web', 'src', 'platform', 'web'));
const wasm = readFileSync(join(dir, 'portal.wasm'));
const names = new Map(readFileSync(join(dir, 'portal.js.symbols'), 'utf8').split('\n').filter(Boolean)
  .map((l) => { const i = l.indexOf(':'); return [Number(l.slice(0, i)), l.slice(i + 1)]; }));

let p = 8;
const leb = () => { let r = 0, shift = 0, b; do { b = wasm[p++]; r |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80); return r >>> 0; };
const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
const sections = [], functions = [];
let importedFunctions = 0, dataSegments = [];
while (p < wasm.length) {
  const id = wasm[p++], size = leb(), start = p;
  sections.push({ name: SECTIONS[id] || `#${id}`, size });
  if (id === 2) {  // imports: count the functions, which come first in the function index space
    for (let n = leb(), i = 0; i < n; i++) {
      for (let k = 0; k < 2; k++) { const len = leb(); p += len; }
      const kind = wasm[p++];
      if (kind === 0) { leb(); importedFunctions++; } else if (kind === 1) { p++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { p += 2; } else if (kind === 4) { p++; leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(), i = 0; i < n; i++) { const len = leb(); functions.push({ index: importedFunctions + i, size: len }); p += len; }
  } else if (id === 11) {
    for (let n = leb(), i = 0; i < n; i++) {
      const flags = leb();
      if (flags === 0 || flags === 2) { if (flags === 2) leb(); while (wasm[p++] !== 0x0b); }
      const len = leb(); dataSegments.push(len); p += len;
    }
  }
  p = start + size;
}

// Where a function comes from, by its (mangled or C) name.
const ORIGINS = [
  ['our code (core, ui, runner)', /iiifc|portal_|browser_|ImGui_ImplHtml5|gl_renderer/],
  ['nlohmann/json', /nlohmann/],
  ['Dear ImGui', /ImGui|ImDraw|ImFont|ImGuiTable|ImGuiInputText|ImVector|ImStb|stb_text|STB_TEXTEDIT|ImTextCharFromUtf8|ImStr|ImHash|ImFormat|ImTriangle|ImBezier|ImParseFormat|ImPool|ImChunk|ImSpan|ImRect|ImGuiStorage|ImGuiTextBuffer|ImGuiWindow|ImGuiListClipper/],
  ['stb_truetype / stb_rect_pack', /stbtt|stbrp/],
  ['qrcodegen', /qrcodegen/],
  ['C++ library', /^_ZN?St|^_ZNSt|std::|__cxa|__gxx|_Unwind|__cxx|operator new|operator delete|^_Znw|^_Zdl|^_Zna|^_Zda/],
  ['C library, malloc, printf', /printf|malloc|free|mem|str|fmt|emmalloc|sbrk|__stdio|fwrite|__towrite|__fwritex|frexp|wcr|atof|strto|scalbn|pow|sin|cos|sqrt|fmod|floor|ceil/],
];
const groups = new Map();
for (const f of functions) {
  const name = names.get(f.index) || '?';
  const origin = (ORIGINS.find(([, re]) => re.test(name)) || ['other'])[0];
  const g = groups.get(origin) || { bytes: 0, count: 0 };
  g.bytes += f.size; g.count++; groups.set(origin, g);
}
console.log(`${dir}/portal.wasm: ${wasm.length} bytes, gzip ${gzipSync(wasm, { level: 9 }).length}`);
console.log('\nsections');
for (const s of sections) console.log(`  ${s.name.padEnd(10)} ${String(s.size).padStart(8)}`);
console.log(`\ndata: ${dataSegments.length} segments, ${dataSegments.reduce((a, b) => a + b, 0)} bytes (the fonts, tables, strings)`);
console.log(`\ncode: ${functions.length} functions, ${functions.reduce((a, f) => a + f.size, 0)} bytes, by origin`);
for (const [k, g] of [...groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`  ${k.padEnd(32)} ${String(g.bytes).padStart(8)}  (${g.count} functions)`);
console.log('\nlargest functions');
for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, 15)) console.log(`  ${String(f.size).padStart(7)}  ${(names.get(f.index) || '?').slice(0, 110)}`);
