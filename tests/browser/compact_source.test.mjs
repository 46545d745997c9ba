// The page's scripts and styles are served minified (scripts/compact_source.mjs): what runs must
// do what the source says. Every browser test runs the minified site; these check the minifier
// itself on the cases a minifier gets wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { compactStyles, minifyScript } from '../../scripts/compact_source.mjs';

const require = createRequire(import.meta.url);
const acorn = (() => { try { return require('acorn'); } catch { return require('/usr/share/nodejs/acorn'); } })();
const source = process.env.IIIFC_SOURCE_DIR || join(import.meta.dirname, '..', '..');

// The names a script gives at its top level and the properties it reads or writes: the page, the
// app and the tests reach the script through these, so minifying must keep every one.
function outerNames(code) {
  const names = new Set();
  const ast = acorn.parse(code, { ecmaVersion: 'latest' });
  for (const node of ast.body) {
    if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') names.add(`top:${node.id.name}`);
    if (node.type === 'VariableDeclaration') for (const d of node.declarations) if (d.id.type === 'Identifier') names.add(`top:${d.id.name}`);
  }
  for (const t of acorn.tokenizer(code, { ecmaVersion: 'latest' })) if (t.type.label === 'name' && /^[A-Z_$]/.test(t.value)) names.add(`name:${t.value}`);
  const walk = (n) => {
    if (!n || typeof n.type !== 'string') return;
    if (n.type === 'MemberExpression' && !n.computed) names.add(`prop:${n.property.name}`);
    for (const v of Object.values(n)) (Array.isArray(v) ? v : [v]).forEach((c) => c && typeof c === 'object' && walk(c));
  };
  walk(ast);
  return [...names].sort();
}

test('every script of web/ keeps its top-level names and properties, and gets smaller', () => {
  const scripts = readdirSync(join(source, 'web')).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.length >= 4, `web/ scripts: ${scripts}`);
  for (const f of scripts) {
    const original = readFileSync(join(source, 'web', f), 'utf8');
    const minified = minifyScript(original);
    assert.ok(minified.length < original.length * 0.6, `${f}: ${original.length} -> ${minified.length} bytes`);
    assert.deepEqual(outerNames(minified).filter((n) => !n.startsWith('name:')),
      outerNames(original).filter((n) => !n.startsWith('name:')), f);
    assert.doesNotMatch(minified, /\/\/ |\/\*/, `${f}: a comment`);
  }
});

test('what a minified script computes is what its source computes: strings, templates, regular expressions, line ends, closures', () => {
  const code = `
    function outer(list) {
      const prefix = 'a // b /* c */';
      const tag = (parts, ...values) => parts.raw.join('|') + values.join(',');
      let counter = 0
      ;[1, 2].forEach((n) => { counter += n })
      const re = /\\/\\/ not a comment/g;
      return [prefix, \`line one
    line two \${list.length /* in */ + 1}\`, tag\`x\${counter}y\`, re.source, (() => { return counter })(), typeof undeclaredGlobal];
    }
    var result = outer([1, 2, 3]);`;
  const run = (c) => { const box = {}; vm.runInNewContext(c, box); return JSON.stringify(box.result); };
  assert.equal(run(minifyScript(code)), run(code));
  assert.match(minifyScript(code), /function outer\(/);  // a top-level name is kept
  assert.doesNotMatch(minifyScript(code), /counter/);  // a local one is not
});

test('styles lose comments and the spaces CSS never needs, and keep the rest', () => {
  assert.equal(compactStyles('/* why */\nhtml, body {\n  margin: 0;\n  font: 16px/1.5 system-ui, "Segoe UI";\n}\n@media (min-width: 900px) and (pointer: fine) { .a > .b :focus { color: red; } }\n'),
    'html,body{margin: 0;font: 16px/1.5 system-ui,"Segoe UI"}@media (min-width: 900px) and (pointer: fine){.a>.b :focus{color: red}}\n');
});
