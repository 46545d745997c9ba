// The page's Content-Security-Policy allows its own inline <style> and <script> elements by
// their SHA-256, never by 'unsafe-inline'. One rule for the policy in the page's <meta>
// (scripts/build_site.mjs) and in the server's header (scripts/serve.mjs).
import { createHash } from 'node:crypto';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// `policy` with the hash of each attribute-less <style> of `html` added to style-src, and of
// each attribute-less <script> to script-src. The hash covers the element's text exactly.
export function withInlineHashes(policy, html) {
  let out = policy;
  for (const [tag, directive] of [['style', 'style-src'], ['script', 'script-src']]) {
    const hashes = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => sha256(m[1]));
    if (hashes.length) out = out.replace(new RegExp(`${directive} [^;]*`), (d) => `${d} ${hashes.join(' ')}`);
  }
  return out;
}
