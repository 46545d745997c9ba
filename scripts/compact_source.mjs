// The page's scripts and styles as served: without comments and indentation, and the scripts'
// local names made short. Their comments are for the people who read web/ and the app's
// JavaScript libraries; on the wire they were a third of the page's own bytes (gzip).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// Debian's node-acorn (Emscripten's own dependency); NODE_PATH is /usr/share/nodejs (scripts/env.sh).
const require = createRequire(import.meta.url);
function loadAcorn() {
  try { return require('acorn'); } catch { return require('/usr/share/nodejs/acorn'); }
}

// Emscripten's copy of terser (Debian's emscripten ships it for its JavaScript optimiser).
function loadTerser() {
  const root = process.env.EMSCRIPTEN_ROOT || execFileSync('em-config', ['EMSCRIPTEN_ROOT'], { encoding: 'utf8' }).trim();
  return require(join(root, 'third_party', 'terser', 'terser.js'));
}

// A script without comments or whitespace it does not need, every name local to a function made
// short: globals, properties and top-level names keep theirs (the page, the app and the tests
// name them), so a stack trace still names the functions.
export function minifyScript(source) {
  const terser = loadTerser();
  const ast = terser.AST_Node.from_mozilla_ast(loadAcorn().parse(source, { ecmaVersion: 'latest', sourceType: 'script' }));
  ast.figure_out_scope({});
  ast.compute_char_frequency({});  // the short names' alphabet, most frequent letters first
  ast.mangle_names({ toplevel: false });
  return ast.print_to_string({ beautify: false }) + '\n';
}

// CSS: comments dropped, runs of whitespace made one space, none around { } ; , > (where CSS
// never needs it). Strings and url() in the page's styles hold no such characters.
export function compactStyles(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim() + '\n';
}
