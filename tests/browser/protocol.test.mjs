// What crosses between the app and the page (src/ui/page_protocol.h) as each side reads it: a frame
// packet the app wrote, read by the site's web/draw.js; the page's bridge; library_browser.js's
// uses of it. Each fails when one side writes or reads something the definition does not say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { readProtocol } from '../../scripts/page_protocol.mjs';
import { SITE_DIR, SOURCE_DIR, withApp } from './harness.mjs';

const PROTOCOL = readProtocol(join(SOURCE_DIR, 'src', 'ui', 'page_protocol.h'));

// The site's draw.js (its protocol written in), run outside a browser: its readPacket.
function siteReadPacket() {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(join(SITE_DIR, 'draw.js'), 'utf8'), context);
  return context.readPacket;
}

test('a frame packet the app sent reads, with web/draw.js, as the frame ImGui built', () => withApp({}, '', async ({ page }) => {
  const { expected, bytes } = await page.evaluate(() => window.portalTest.packet());
  const frame = siteReadPacket()(new Uint8Array(bytes).buffer);
  assert.deepEqual([frame.width, frame.height], [expected.width, expected.height], 'framebuffer size');
  assert.deepEqual([...frame.clear], expected.clear.map(Math.fround), 'clear colour');
  assert.equal(frame.indexBytes, expected.index_bytes);
  // The transform takes the display's top left corner to clip space's (-1, 1), its bottom right to (1, -1).
  const [x, y, w, h] = expected.display, [sx, sy, ox, oy] = frame.transform;
  assert.deepEqual([x * sx + ox, (x + w) * sx + ox, y * sy + oy, (y + h) * sy + oy].map((v) => Math.round(v * 1e4) / 1e4), [-1, 1, 1, -1],
    `transform ${frame.transform.join(' ')}`);
  assert.ok(expected.lists.length >= 1, 'the frame draws something');
  assert.deepEqual(Array.from(frame.lists, (l) => [l.vertices.length, l.indices.length]),
    expected.lists.map((l) => [l.vertex_bytes, l.index_bytes]), 'each draw list\'s vertex and index bytes');
  // Each list's first vertex, read at the definition's offsets.
  const vertex = PROTOCOL.packet.vertex.fields;
  Array.from(frame.lists).forEach((list, n) => {
    const view = new DataView(list.vertices.buffer, list.vertices.byteOffset, PROTOCOL.packet.vertex.bytes);
    const read = [view.getFloat32(vertex.pos.offset, true), view.getFloat32(vertex.pos.offset + 4, true),
      view.getFloat32(vertex.uv.offset, true), view.getFloat32(vertex.uv.offset + 4, true), view.getUint32(vertex.col.offset, true)];
    assert.deepEqual(read, expected.lists[n].first_vertex.map((v, i) => (i < 4 ? Math.fround(v) : v)), `list ${n}'s first vertex`);
  });
  // Every command's indices lie inside its list's, and its scissor inside the framebuffer.
  const words = PROTOCOL.packet.command.bytes / 4, at = (field) => PROTOCOL.packet.command.fields[field].offset / 4;
  for (const list of frame.lists) {
    for (let c = 0; c < list.commands.length; c += words) {
      const cmd = list.commands.subarray(c, c + words);
      assert.ok(cmd[at('count')] > 0 && cmd[at('firstIndexByte')] + cmd[at('count')] * frame.indexBytes <= list.indices.length, 'indices in range');
      assert.ok(cmd[at('scissorX')] >= 0 && cmd[at('scissorX')] + cmd[at('scissorW')] <= frame.width, 'scissor in the framebuffer');
      assert.equal(cmd[at('texture')], 1, 'the font atlas');
    }
  }
}));

test('the page\'s bridge is a frozen object of the members page_protocol.h lists, and the --js-library files use no other', async () => {
  const bridge = await withApp({}, '', ({ page }) => page.evaluate(() => ({ keys: Object.keys(window.portalBridge),
    frozen: Object.isFrozen(window.portalBridge), types: Object.values(window.portalBridge).map((v) => typeof v) })));
  assert.deepEqual(bridge.keys, PROTOCOL.bridge.page);
  assert.ok(bridge.frozen);
  assert.ok(bridge.types.every((t) => t === 'function'), 'members are functions: the page\'s state stays in web/app.js');
  const libraries = readdirSync(join(SOURCE_DIR, 'src', 'platform', 'web')).filter((f) => /^library_.*\.js$/.test(f))
    .map((f) => readFileSync(join(SOURCE_DIR, 'src', 'platform', 'web', f), 'utf8').replace(/^\s*\/\/.*$/gm, '')).join('\n');
  assert.doesNotMatch(libraries, /window\.portalBridge/, 'the libraries reach the bridge through pageBridge()');
  const used = [...new Set([...libraries.matchAll(/pageBridge\(\)\.(\w+)/g)].map((m) => m[1]))];
  const defined = new Set([...PROTOCOL.bridge.page, ...PROTOCOL.bridge.rehearsal]);
  assert.deepEqual(used.filter((name) => !defined.has(name)), [], 'members used but not defined');
  assert.ok(used.length >= 10, `library_browser.js reaches the page through the bridge: ${used.join(', ')}`);
});

test('the test build reports a time for each phase page_protocol.h lists, and the page measured each', async () => {
  const { startup, measured } = await withApp({}, '', ({ page }) => page.evaluate(() => ({ startup: window.portalTest.state().startup,
    measured: [...new Set(performance.getEntriesByType('measure').map((e) => e.name).filter((n) => n.startsWith('portal:')))] })));
  assert.deepEqual(Object.keys(startup).filter((k) => k !== 'fonts_rehearsed').sort(), [...PROTOCOL.phases].sort());
  assert.deepEqual(measured, PROTOCOL.phases.map((p) => `portal:${p}`));
});

// Each message is written `type: '<name>'` where it is sent and read `.type === '<name>'` (or !==)
// where it is received, and the scripts send or read no message page_protocol.h does not list.
test('every message between the page\'s scripts and their workers is one page_protocol.h lists, sent and read where it says', () => {
  const files = Object.fromEntries(['web', 'src/platform/web'].flatMap((dir) => readdirSync(join(SOURCE_DIR, dir))
    .filter((f) => f.endsWith('.js')).map((f) => [f, dir])));
  const text = Object.fromEntries(Object.entries(files).map(([f, dir]) => [f, readFileSync(join(SOURCE_DIR, dir, f), 'utf8')
    .replace(/^\s*\/\/.*$/gm, '')]));  // not the comments that describe them
  // Posted: a call's object argument with a type (not a PerformanceObserver's or clients.matchAll's options).
  const sent = (f) => [...text[f].matchAll(/(\w+)\(\{\s*type: '([a-z-]+)'/g)].filter((m) => !['observe', 'matchAll'].includes(m[1])).map((m) => m[2]);
  // Read: a message's (msg, m or an event's data) type compared (not an input element's).
  const read = (f) => [...text[f].matchAll(/\b(?:msg|m|data)\.type [!=]== '([a-z-]+)'/g)].map((m) => m[1]);
  for (const message of PROTOCOL.messages) {
    for (const f of message.from) assert.ok(sent(f).includes(message.name), `${f} sends '${message.name}'`);
    for (const f of message.to) assert.ok(read(f).includes(message.name), `${f} reads '${message.name}'`);
  }
  const defined = new Set(PROTOCOL.messages.map((m) => m.name));
  for (const f of Object.keys(files)) {
    assert.deepEqual([...sent(f), ...read(f)].filter((name) => !defined.has(name)), [], `${f}: messages page_protocol.h does not list`);
  }
});
