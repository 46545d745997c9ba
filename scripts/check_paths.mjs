#!/usr/bin/env node
// The repository must carry everything its build, tests, benchmark and scripts read: a clone with
// nothing beside it has to pass the test command. This reads every tracked text file and fails,
// naming file and line, where one names a path outside the repository:
//   - the repository's root followed by "..": ${CMAKE_SOURCE_DIR}/.., "$src/..", $root/.., …;
//   - a relative path that climbs above the root from the file's own folder (../../x in a file one
//     folder deep);
//   - a folder that only exists beside a checkout on our machines (shared/data, shared/seed, /work/).
// Usage: node scripts/check_paths.mjs [ROOT]   (exit 1 and one line per finding when any is found)
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;

// Names that stand for the repository's root in our CMake, shell and JavaScript files.
const rootAnchors = String.raw`(?:\$\{?(?:CMAKE_SOURCE_DIR|PROJECT_SOURCE_DIR|CMAKE_CURRENT_LIST_DIR\}?\/\.\.|src|root|repo|IIIFC_SOURCE_DIR)\}?)`;
const rules = [
  { why: 'climbs above the repository root', re: new RegExp(`${rootAnchors}\\/\\.\\.(?:\\/|["'\\s]|$)`) },
  { why: 'names a folder kept beside the repository, not in it', re: /(?:^|[^\w.-])(?:\.\.\/)*shared\/(?:data|seed|design|hooks)\b/ },
  { why: "names a machine's own folder", re: /(?:^|["'\s=(])\/(?:work|home|root)\/\w/ },
];

// A relative path starts after a quote, a space, "(" or "=": "/icons/../.." (a URL under test) does not.
const relativeChain = /(?:^|["'`\s(=])((?:\.\.\/)+)/g;

const files = execFileSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter(Boolean)
  // The libFuzzer corpora are inputs, not paths the project reads; this file and its test name
  // such paths on purpose.
  .filter((f) => !f.startsWith('tests/fuzz/corpus/') &&
                 !['scripts/check_paths.mjs', 'tests/scripts/check_paths_test.sh'].includes(f));

const findings = [];
for (const file of files) {
  const full = join(root, file);
  let text;
  try {
    if (statSync(full).size > 4 * 1024 * 1024) continue;
    text = readFileSync(full, 'utf8');
  } catch {
    continue;  // deleted in the work tree but still tracked: nothing to read
  }
  if (text.includes('\0')) continue;  // binary
  const depth = posix.dirname(file) === '.' ? 0 : posix.dirname(file).split('/').length;
  text.split('\n').forEach((line, i) => {
    const whys = rules.filter(({ re }) => re.test(line)).map(({ why }) => why);
    for (const m of line.matchAll(relativeChain)) {
      const ups = m[1].length / 3;
      if (ups > depth) whys.push(`climbs ${ups} folders from a file ${depth} deep`);
    }
    if (whys.length) findings.push(`${file}:${i + 1}: ${whys.join('; ')}: ${line.trim()}`);
  });
}

if (findings.length) {
  console.error(`${findings.length} path(s) outside the repository (a clone with nothing beside it would not have them):`);
  for (const f of findings) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`no path outside the repository in ${files.length} tracked files`);
