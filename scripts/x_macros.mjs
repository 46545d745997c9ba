// Reads the X-macro lists of our C++ headers (src/ui/page_protocol.h, src/core/palette.h), for the
// scripts that give their values to the page and to the tests.
import { readFileSync } from 'node:fs';

// The X(...) rows of `#define <list>(X)` in the header, each as its arguments (strings unquoted,
// comments dropped).
export function xMacroRows(header, list) {
  const source = readFileSync(header, 'utf8');
  const start = source.indexOf(`#define ${list}(X)`);
  if (start < 0) throw new Error(`${header}: no list ${list}`);
  const block = [];
  for (const line of source.slice(start).split('\n').slice(1)) {
    const row = /^\s*X\((.*)\)\s*(\/\*.*\*\/)?\s*\\?\s*$/.exec(line);
    if (!row) break;
    block.push([...row[1].matchAll(/"((?:[^"\\]|\\.)*)"|([^,\s][^,]*)/g)].map((m) => (m[1] !== undefined ? m[1] : m[2].trim())));
  }
  if (!block.length) throw new Error(`${header}: ${list} has no rows`);
  return block;
}
