// What V8 compiles while the app starts: each WebAssembly function at its first call (Liftoff),
// and, on another core, a function whose loops have used up its tier-up budget again with its
// optimising compiler (TurboFan). What it recompiles during the start must be small: why, and the
// link option that sees to it, are in src/platform/web/CMakeLists.txt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./compilations.mjs', import.meta.url));
const LARGEST_OPTIMISED_BODY = 4000;  // bytes of WebAssembly; the start's largest is about 1.9 KB

// Every compilation V8 reported while the app started on `device`: {tier, index, body}.
function compilations(device) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROBE, device], { env: { ...process.env, DEBUG: 'pw:browser' }, stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) { reject(new Error(`compilations.mjs ${device} exited with ${code}: ${err.slice(-2000)}`)); return; }
      const found = [];
      for (const m of err.matchAll(/Compiled function \S*#(\d+) using (\w+), took .*? bodysize (\d+)/g)) {
        found.push({ index: Number(m[1]), tier: m[2], body: Number(m[3]) });
      }
      resolve(found);
    });
  });
}

for (const device of ['desktop', 'phone']) {
  test(`on a ${device}, the start has no large function recompiled by V8's optimising compiler`, async () => {
    const all = await compilations(device);
    // The reports arrive: the start compiles a thousand functions and more at their first call.
    assert.ok(all.filter((c) => c.tier === 'Liftoff').length > 500, `V8's reports were read: ${all.length} compilations`);
    const optimised = all.filter((c) => c.tier === 'TurboFan');
    const large = optimised.filter((c) => c.body > LARGEST_OPTIMISED_BODY);
    assert.deepEqual(large, [], `recompiled with TurboFan (function index, bytes): ${optimised.map((c) => `#${c.index} ${c.body}`).join(', ')}`);
  });
}
