// The page's scripts and styles are served compacted (scripts/compact_source.mjs): what runs must
// be what web/ says, token for token, with the line ends automatic semicolons depend on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactScript, compactStyles } from '../../scripts/compact_source.mjs';

const require = createRequire(import.meta.url);
const acorn = (() => { try { return require('acorn'); } catch { return require('/usr/share/nodejs/acorn'); } })();
const source = process.env.IIIFC_SOURCE_DIR || join(import.meta.dirname, '..', '..');

const tokens = (code) => [...acorn.tokenizer(code, { ecmaVersion: 'latest' })].map((t) => `${t.type.label}:${t.value ?? ''}`);

test('every script of web/ keeps its tokens, loses its comments and indentation', () => {
  const scripts = readdirSync(join(source, 'web')).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.length >= 4, `web/ scripts: ${scripts}`);
  for (const f of scripts) {
    const original = readFileSync(join(source, 'web', f), 'utf8');
    const compact = compactScript(original);
    assert.deepEqual(tokens(compact), tokens(original), f);
    assert.ok(compact.length < original.length * 0.8, `${f}: ${original.length} -> ${compact.length} bytes`);
    assert.doesNotMatch(compact, /^\s+\S/m, `${f}: an indented line`);
  }
});

test('template literals, regular expressions and strings are copied as they are', () => {
  const code = 'const a = `line one\n    line two ${x /* in */ + 1}`; // c\nconst r = /\\/\\/ not a comment/g;\nconst s = "/* kept */";\n';
  const compact = compactScript(code);
  assert.equal(compact, 'const a = `line one\n    line two ${x + 1}`;\nconst r = /\\/\\/ not a comment/g;\nconst s = "/* kept */";\n');
});

test('a line end stays a line end, also when a comment held it (automatic semicolons)', () => {
  assert.equal(compactScript('let a = b\n(c)'), 'let a = b\n(c)\n');
  assert.equal(compactScript('return /* a\n */ x'.replace('return', 'function f() { return') + ' }'), 'function f() { return\nx }\n');
  assert.equal(compactScript('a\n  // one\n  // two\n++b'), 'a\n++b\n');
});

test('styles lose comments and the spaces CSS never needs, and keep the rest', () => {
  assert.equal(compactStyles('/* why */\nhtml, body {\n  margin: 0;\n  font: 16px/1.5 system-ui, "Segoe UI";\n}\n@media (min-width: 900px) and (pointer: fine) { .a > .b :focus { color: red; } }\n'),
    'html,body{margin: 0;font: 16px/1.5 system-ui,"Segoe UI"}@media (min-width: 900px) and (pointer: fine){.a>.b :focus{color: red}}\n');
});
