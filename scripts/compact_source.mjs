// The page's scripts and styles as served: without comments and indentation. Their comments are
// for the people who read web/; on the wire they were a third of the page's own bytes (gzip).
// Nothing is renamed or rewritten: only the whitespace between tokens and the comments go, so
// what runs is what web/ says, and a stack trace still names its functions.
import { createRequire } from 'node:module';

// Debian's node-acorn (Emscripten's own dependency); NODE_PATH is /usr/share/nodejs (scripts/env.sh).
const require = createRequire(import.meta.url);
function loadAcorn() {
  try { return require('acorn'); } catch { return require('/usr/share/nodejs/acorn'); }
}

// Every comment dropped; a gap between two tokens becomes one newline if it held one (automatic
// semicolon insertion reads line ends), else one space, else nothing. Token text, template
// literals and regular expressions included, is copied as it is.
export function compactScript(source, { module = false } = {}) {
  const acorn = loadAcorn();
  const tokens = acorn.tokenizer(source, { ecmaVersion: 'latest', sourceType: module ? 'module' : 'script', allowHashBang: true });
  let out = '';
  let end = 0;
  for (const token of tokens) {
    const gap = source.slice(end, token.start);
    if (out) out += /[\n\r\u2028\u2029]/.test(gap) ? '\n' : gap ? ' ' : '';
    out += source.slice(token.start, token.end);
    end = token.end;
  }
  return out + '\n';
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
