#!/usr/bin/env node
// The development and test server: serves one folder (the built site) on loopback, with the
// right Content-Type for .wasm, the page's Content-Security-Policy, compression (brotli or gzip)
// and nothing outside the folder.
//
//   node scripts/serve.mjs [--dir build/web/site] [--host 127.0.0.1] [--port 8080] [--quiet]
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import { withInlineHashes } from './page_policy.mjs';

// On zlib's thread pool: a large file being compressed does not hold up other requests.
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const root = resolve(opt('--dir', 'build/web/site'));
const host = opt('--host', '127.0.0.1');
const port = Number(opt('--port', process.env.PORT || '8080'));
const quiet = args.includes('--quiet');

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.webmanifest', '.svg', '.txt']);

// A page's own inline styles and script are allowed by their SHA-256, as its <meta> policy
// allows them (scripts/page_policy.mjs): never 'unsafe-inline'.
const policyFor = (ext, body) => (ext === '.html' ? withInlineHashes(CSP, body.toString('utf8')) : CSP);

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP, ...headers });
  res.end(body);
}

// Maps a URL path into the folder, or null when it would leave it (.., encoded slashes, NUL).
export function resolveInside(base, urlPath) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath); } catch { return null; }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const full = resolve(base, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  return full === base || full.startsWith(base + sep) ? full : null;
}

// Compressed bodies, kept per file, modification time and encoding: compressing the .wasm at
// every request would cost more than sending it. The promise is kept, so requests that arrive
// while a file is being compressed wait for that one compression.
const compressedCache = new Map();
async function compressed(file, body, encoding) {
  const { mtimeMs } = await stat(file);
  const key = `${file}|${mtimeMs}|${body.length}|${encoding}`;
  let out = compressedCache.get(key);
  if (!out) {
    out = encoding === 'br' ? brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }) : gzipAsync(body, { level: 9 });
    compressedCache.set(key, out);
    out.catch(() => compressedCache.delete(key));  // tried again at the next request
  }
  return out;
}

// Compresses every file of the folder once at start, so the first visitor does not wait for it.
async function warmCompressedCache(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) await warmCompressedCache(file);
    else if (COMPRESSIBLE.has(extname(file))) {
      const body = await readFile(file);
      if (body.length > 256) await Promise.all([compressed(file, body, 'br'), compressed(file, body, 'gzip')]);
    }
  }
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  const url = new URL(req.url, 'http://localhost');
  let file = resolveInside(root, url.pathname);
  if (!file) return send(res, 403, 'Forbidden\n');
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    const ext = extname(file);
    const headers = {
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      'Content-Security-Policy': policyFor(ext, body),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',  // revalidate; the service worker keeps versions apart
      Vary: 'Accept-Encoding',
    };
    if (ext === '.js' && file.endsWith(`${sep}sw.js`)) headers['Service-Worker-Allowed'] = '/';
    const accept = String(req.headers['accept-encoding'] || '');
    if (COMPRESSIBLE.has(ext) && body.length > 256) {
      if (/\bbr\b/.test(accept)) {
        body = await compressed(file, body, 'br');
        headers['Content-Encoding'] = 'br';
      } else if (/\bgzip\b/.test(accept)) {
        body = await compressed(file, body, 'gzip');
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    if (!quiet) console.log(`${req.method} ${url.pathname} 200 ${body.length}`);
  } catch {
    send(res, 404, 'Not found\n');
    if (!quiet) console.log(`${req.method} ${url.pathname} 404`);
  }
});

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  server.listen(port, host, () => {
    warmCompressedCache(root).catch(() => {});  // a file that cannot be read is reported when asked for
    const addr = server.address();
    console.log(`Serving ${root}`);
    console.log(`Open http://${host.includes(':') ? `[${host}]` : host}:${addr.port}/`);
  });
}
