// assets/membership.schema.json (JSON Schema draft 2020-12, for editors) against the loader (the
// authority): the shipped data, the 2026 fixture and every malformed case of the loader's table
// (tests/data/malformed-cases.json) go through ajv and through the CLI's `validate`, and the two
// must agree, except for the cases the table names as rules only the loader can check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { SITE_DIR, SOURCE_DIR } from './harness.mjs';

const read = (...p) => readFileSync(join(SOURCE_DIR, ...p), 'utf8');
const schema = JSON.parse(read('assets', 'membership.schema.json'));
const shipped = JSON.parse(read('assets', 'membership.json'));
const table = JSON.parse(read('tests', 'data', 'malformed-cases.json'));

// The loader, as the CLI the build made: the WebAssembly one next to the site, else the native one.
const nodeCli = join(dirname(SITE_DIR), 'src', 'platform', 'web', 'iiifc-portal-node.js');
const nativeCli = join(SOURCE_DIR, 'build', 'native', 'src', 'cli', 'iiifc-portal');
const cli = process.env.IIIFC_CLI || (existsSync(nodeCli) ? nodeCli : nativeCli);
const dir = mkdtempSync(join(tmpdir(), 'iiifc-schema-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function loader(data, name) {
  const file = join(dir, name.replace(/[^a-z0-9]+/gi, '-') + '.json');
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 1));
  const [cmd, args] = cli.endsWith('.js') ? [process.execPath, ['--no-experimental-fetch', cli]] : [cli, []];
  try {
    execFileSync(cmd, [...args, 'validate', '--data', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { valid: true, error: '' };
  } catch (e) {
    return { valid: false, error: String(e.stderr) };
  }
}

// strict: an unknown keyword or format in the schema is an error of the schema itself.
const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTypes: false, allErrors: true });
const validate = ajv.compile(schema);
const schemaSays = (data) => validate(data);

// RFC 6902, the three operations the table uses.
function applyPatch(doc, patch) {
  let root = structuredClone(doc);
  for (const op of patch) {
    const parts = op.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (parts.length === 0) { root = structuredClone(op.value); continue; }
    const key = parts.pop();
    const parent = parts.reduce((o, k) => o[k], root);
    if (op.op === 'remove') Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else if (op.op === 'add' && Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), 0, structuredClone(op.value));
    else if (op.op === 'add' || op.op === 'replace') parent[key] = structuredClone(op.value);
    else throw new Error(`unsupported patch operation ${op.op}`);
  }
  return root;
}

test('the data names its schema, so editors complete and check it as one types', () => {
  assert.equal(shipped.$schema, './membership.schema.json');
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(existsSync(join(SOURCE_DIR, 'assets', shipped.$schema)));
});

test('the shipped data (every schedule): valid for the schema and the loader', () => {
  for (const [name, data] of [['shipped', shipped]]) {
    assert.equal(schemaSays(data), true, `${name}: ${ajv.errorsText(validate.errors)}`);
    const l = loader(data, name);
    assert.equal(l.valid, true, `${name}: ${l.error}`);
  }
});

test('unknown future keys: ignored by both', () => {
  const data = structuredClone(shipped);
  data.newsletter = { url: 'https://example.org' };
  data.schedules[0].tiers[0].colour = 'gold';
  assert.equal(schemaSays(data), true, ajv.errorsText(validate.errors));
  assert.equal(loader(data, 'future').valid, true);
});

test('every malformed case: the loader refuses it, and the schema agrees unless the table says why it cannot', () => {
  assert.equal(table.cases.length, 51);
  const loaderOnly = [];
  for (const c of table.cases) {
    const data = applyPatch(shipped, c.patch);
    const l = loader(data, c.name);
    assert.equal(l.valid, false, `${c.name}: the loader accepted it`);
    assert.ok(l.error.includes(`${c.path}`) && l.error.includes(c.message), `${c.name}: ${l.error}`);
    const expected = c.schema === true;
    assert.equal(schemaSays(data), !expected, `${c.name}: the schema ${expected ? 'accepted' : 'rejected'} it (${c.schema})`);
    if (!expected) {
      assert.match(c.schema, /^loader only: .+/, `${c.name}: the reason the schema cannot check it`);
      loaderOnly.push(c.name);
    }
  }
  // Counted, so a rule moved from one side to the other is a decision, not an accident.
  assert.equal(loaderOnly.length, 19, loaderOnly.join('; '));
});

// Editors complete what the schema describes: every key the data uses is described there.
function undescribedKeys(node, value, path, out) {
  while (node && node.$ref) node = schema.$defs[node.$ref.replace('#/$defs/', '')];
  if (!node) return out;
  if (Array.isArray(value)) value.forEach((v, i) => undescribedKeys(node.items, v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const child = node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : null);
      if (child) undescribedKeys(child, v, path ? `${path}.${key}` : key, out);
      else out.push(path ? `${path}.${key}` : key);
    }
  }
  return out;
}

test('every key of the shipped data is described by the schema (and so completed by editors)', () => {
  assert.deepEqual(undescribedKeys(schema, shipped, '', []), []);
  // The walk does find a key the schema does not describe.
  assert.deepEqual(undescribedKeys(schema, { schedules: [{ tiers: [{ colour: 'gold' }] }] }, '', []), ['schedules[0].tiers[0].colour']);
});
