#!/usr/bin/env node
// Lays out the servable site: the app (portal.js, portal.wasm), web/ (page, styles, loader,
// manifest, service worker), the data, the icons rendered from assets/icon.svg, and the page's
// static fallback rendered by the core's CLI from the same data, and the link preview (Open Graph
// tags and image). Writes build-info.json with the content hash and file list the service worker
// precaches. Compiles nothing: scripts/publish.sh runs it again with new data and the same app.
//   --data FILE      the membership data (default: SOURCE/assets/membership.json)
//   --site-url URL   the address the site is published at, for absolute link-preview URLs
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { compactStyles, minifyScript } from './compact_source.mjs';
import { withInlineHashes } from './page_policy.mjs';
import { paletteCss, readPalette } from './palette.mjs';
import { protocolScript, readProtocol } from './page_protocol.mjs';

function arg(name) {
  const i = process.argv.indexOf(name);
  if (i < 0 || i + 1 >= process.argv.length) { console.error(`build_site: missing ${name}`); process.exit(2); }
  return process.argv[i + 1];
}
function optionalArg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i < 0 || i + 1 >= process.argv.length ? fallback : process.argv[i + 1];
}
const out = arg('--out'), appDir = arg('--app'), cli = arg('--cli'), source = arg('--source');
const dataFile = optionalArg('--data', join(source, 'assets', 'membership.json'));
const siteUrl = optionalArg('--site-url', '');
const step = (msg) => console.log(`[site] ${msg}`);
const LINK_PREVIEW_IMAGE = 'og-image.png';
const PAGE_STYLES = 'app.css';  // web/app.css, inlined into the page (withInlineStyles)

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'icons'), { recursive: true });

// The app, served as portal.js + portal.wasm: the release build, or (--app-name portal_test) the
// test build with the browser tests' queries.
const appName = optionalArg('--app-name', 'portal');
step(`app: ${appName}.js, ${appName}.wasm -> portal.js, portal.wasm`);
copyFileSync(join(appDir, `${appName}.wasm`), join(out, 'portal.wasm'));
writeFileSync(join(out, 'portal.js'), minifyScript(readFileSync(join(appDir, `${appName}.js`), 'utf8')));

step(`data: ${relative(process.cwd(), dataFile) || dataFile}`);
// Without the file's indentation: the same data, fewer bytes.
writeFileSync(join(out, 'membership.json'), JSON.stringify(JSON.parse(readFileSync(dataFile, 'utf8'))));

step('icons from assets/icon.svg');
const svg = join(source, 'assets', 'icon.svg');
for (const size of [192, 512]) {
  execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', join(out, 'icons', `icon-${size}.png`), svg]);
}
copyFileSync(join(out, 'icons', 'icon-512.png'), join(out, 'icons', 'maskable-512.png'));

step('link preview: og-image.png from assets/og-image.svg');
renderLinkPreviewImage();

step('static fallback from the data (iiifc-portal fallback-html)');
const fallback = execFileSync(process.execPath, ['--no-experimental-fetch', cli, 'fallback-html', '--data', dataFile], { encoding: 'utf8' });
if (!fallback.includes('<h1')) { console.error('build_site: the fallback is empty'); process.exit(1); }

// The first paint of a page opened on the join view (web/app.css shows it when web/app.js has
// read the link): a copy of the fallback's "How to join", right under its heading. A copy, not the
// section itself moved up: an element that appears shifts nothing, one that moves would.
function withJoinFirstPaint(html) {
  const section = /<section id="fallback-join">[\s\S]*?<\/section>\n?/.exec(html);
  const heading = html.indexOf('</h1>\n');
  if (!section || heading < 0) { console.error('build_site: the fallback has no heading or no "How to join" section'); process.exit(1); }
  const copy = section[0].replace('<section id="fallback-join">', '<section id="first-paint-join" aria-hidden="true">');
  const end = html.lastIndexOf('</section>');
  return html.slice(0, heading + 6) + copy + '<div id="first-paint-rest">\n' + html.slice(heading + 6, end) + '</div>\n' + html.slice(end);
}

// The page's colours are src/core/palette.h's, where web/app.css and web/index.html say so.
const palette = readPalette(join(source, 'src', 'core', 'palette.h'));
const PALETTE_MARK = '/* palette.h */';
function withPalette(css) {
  if (!css.includes(PALETTE_MARK)) { console.error(`build_site: web/${PAGE_STYLES} has no ${PALETTE_MARK}`); process.exit(1); }
  return css.replace(PALETTE_MARK, () => paletteCss(palette));
}
// "palette.h <name>" in the page's head and the manifest: that colour's light value.
function withPaletteColours(text) {
  return text.replace(/"palette\.h ([a-z_]+)"/g, (_, name) => {
    if (!palette[name]) { console.error(`build_site: palette.h has no colour ${name}`); process.exit(1); }
    return `"${palette[name].light}"`;
  });
}

step('web/: page, styles, loader');
const webDir = join(source, 'web');
// The scripts that speak to the app get page_protocol.h's values where they say `{} /* page_protocol.h */`.
const PROTOCOL_MARK = '{} /* page_protocol.h */';
const protocol = protocolScript(readProtocol(join(source, 'src', 'ui', 'page_protocol.h')));
for (const f of readdirSync(webDir)) {
  if (f === 'index.html' || f === 'sw.js' || f === PAGE_STYLES) continue;
  const text = f.endsWith('.js') ? readFileSync(join(webDir, f), 'utf8') : null;
  if (text) writeFileSync(join(out, f), minifyScript(text.replace(PROTOCOL_MARK, () => protocol)));
  else if (f.endsWith('.css')) writeFileSync(join(out, f), compactStyles(readFileSync(join(webDir, f), 'utf8')));
  else if (f.endsWith('.webmanifest')) writeFileSync(join(out, f), withPaletteColours(readFileSync(join(webDir, f), 'utf8')));
  else copyFileSync(join(webDir, f), join(out, f));
}

// The page's styles go inside the page. As a file of their own they held up its first paint: the
// browser paints nothing before it has them, so a phone waited one more round trip, and on a
// desktop the page's first layout came late, just as the app's files arrived, and held them up
// (the app's first frame 12-35 ms later).
function withInlineStyles(html) {
  const css = withPalette(readFileSync(join(webDir, PAGE_STYLES), 'utf8'));
  const link = `<link rel="stylesheet" href="${PAGE_STYLES}">`;
  if (!html.includes(link)) { console.error(`build_site: web/index.html has no ${link}`); process.exit(1); }
  return html.replace(link, () => `<style>\n${compactStyles(css)}</style>`);
}

// The page's Content-Security-Policy (its <meta>) allows its inline style and script by their
// SHA-256, no 'unsafe-inline'; scripts/serve.mjs does the same for its header.
function withInlinePolicy(html) {
  const meta = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)/;
  if (!meta.test(html)) { console.error('build_site: web/index.html has no Content-Security-Policy <meta>'); process.exit(1); }
  return html.replace(meta, (_, open, policy, close) => open + withInlineHashes(policy, html) + close);
}

// Every file but the page and the worker is precached; the hash covers all of them.
function listFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}
const assets = listFiles(out).map((p) => relative(out, p)).filter((p) => p !== 'sw.js' && p !== LINK_PREVIEW_IMAGE).sort();
const hash = createHash('sha256');
let totalBytes = 0;
for (const f of assets) {
  const data = readFileSync(join(out, f));
  hash.update(f).update(data);
  if (['portal.js', 'portal.wasm', 'membership.json'].includes(f)) totalBytes += data.length;
}
let page = withPaletteColours(readFileSync(join(webDir, 'index.html'), 'utf8'));
page = page.replace('<!-- FALLBACK -->', withJoinFirstPaint(fallback.trim()));
page = withInlinePolicy(withInlineStyles(page));
page = addLinkPreviewTags(page);
hash.update(page);
const version = hash.digest('hex').slice(0, 16);
page = page.replace('data-app-state="loading"', `data-app-state="loading" data-version="${version}" data-total-bytes="${totalBytes}"`);
for (const script of ['download.js', 'app.js']) {
  const tag = `<script src="${script}" defer></script>`;
  if (!page.includes(tag)) { console.error(`build_site: web/index.html has no ${tag}`); process.exit(1); }
  page = page.replace(tag, `<script src="${script}?v=${version}" defer></script>`);
}
// A desktop-sized window with a mouse asks for the app's files while the page is parsed, and
// web/app.js starts the app at once (it reads the media query from these links): there the app
// comes first, as a bare Dear ImGui page's would. A phone-sized screen does not match: the
// files would share its connection with the page's own styles and delay the static content's
// first paint (Lighthouse mobile: LCP 0.98 s -> 2.4 s); its loader asks for them once that
// content is painted.
const DESKTOP_MEDIA = '(min-width: 900px) and (pointer: fine)';
const preloads = [
  `<link rel="preload" href="portal.wasm?v=${version}" as="fetch" crossorigin media="${DESKTOP_MEDIA}">`,
  `<link rel="preload" href="membership.json?v=${version}" as="fetch" crossorigin media="${DESKTOP_MEDIA}">`,
  `<link rel="preload" href="portal.js?v=${version}" as="script" media="${DESKTOP_MEDIA}">`,
];
// After the loader's own script, which is asked for first: it starts everything else.
page = page.replace(`<script src="app.js?v=${version}" defer></script>`, `$&\n${preloads.join('\n')}`);
if (!page.includes(preloads[0])) { console.error('build_site: the loader\'s script tag in web/index.html was not found'); process.exit(1); }
writeFileSync(join(out, 'index.html'), page);
// The service worker carries this version and the list of files it precaches.
const precache = ['index.html', ...assets];
const worker = readFileSync(join(webDir, 'sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(precache));
if (worker.includes('__VERSION__') || worker.includes('__FILES__')) { console.error('build_site: sw.js placeholders not replaced'); process.exit(1); }
writeFileSync(join(out, 'sw.js'), minifyScript(worker));
writeFileSync(join(out, 'build-info.json'), JSON.stringify({ version, files: precache }, null, 1) + '\n');
step(`version ${version}, ${assets.length + 1} files, app + data ${totalBytes} bytes -> ${relative(process.cwd(), out) || out}`);

// [SECTION] Link preview: what a chat or social site shows when the portal's address is shared.
// The Open Graph title and description are the page's own <title> and description (one source);
// the image is only for those sites, so the service worker does not precache it.
function renderLinkPreviewImage() {
  execFileSync('rsvg-convert', ['-w', '1200', '-h', '630', '-o', join(out, LINK_PREVIEW_IMAGE), join(source, 'assets', 'og-image.svg')]);
}

function addLinkPreviewTags(html) {
  const title = html.match(/<title>([^<]*)<\/title>/)?.[1];
  const description = html.match(/<meta name="description" content="([^"]*)">/)?.[1];
  if (!title || !description) { console.error('build_site: web/index.html needs a <title> and a <meta name="description" content="...">'); process.exit(1); }
  const base = siteUrl && !siteUrl.endsWith('/') ? siteUrl + '/' : siteUrl;
  const tags = [
    ['og:type', 'website'], ['og:title', title], ['og:description', description],
    ['og:image', base + LINK_PREVIEW_IMAGE], ['og:image:width', '1200'], ['og:image:height', '630'],
    ['og:image:alt', 'The IIIF logo and the words: Join the IIIF Consortium. Membership tiers, costs and governance.'],
    ...(base ? [['og:url', base]] : []),
  ].map(([property, content]) => `<meta property="${property}" content="${content}">`);
  tags.push('<meta name="twitter:card" content="summary_large_image">');
  return html.replace(/(<meta name="description" content="[^"]*">)/, `$1\n${tags.join('\n')}`);
}

// For static hosts that serve a file's compressed twin (nginx gzip_static / brotli_static, and
// the like): name.br and name.gz beside each text and WebAssembly file, at the highest levels.
// Written after the precache list: the service worker asks for the files themselves.
function writePrecompressed(dir) {
  const compressible = /\.(html|js|css|json|wasm|webmanifest|svg|txt)$/;
  let raw = 0, br = 0, gz = 0;
  for (const f of listFiles(dir).filter((p) => compressible.test(p))) {
    const data = readFileSync(f);
    const brotli = brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } });
    const gzip = gzipSync(data, { level: 9 });
    writeFileSync(f + '.br', brotli);
    writeFileSync(f + '.gz', gzip);
    raw += data.length; br += brotli.length; gz += gzip.length;
  }
  step(`pre-compressed .br and .gz beside each file: ${raw} bytes -> brotli ${br}, gzip ${gz}`);
}
writePrecompressed(out);
