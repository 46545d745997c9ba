// A desktop of the tests' own for browsers that need one (a real window: Firefox and WebKitGTK have
// no WebGL headless here, and a screen reader reads only real windows): an X server (Xvfb) on a
// free display, and for the screen reader a session D-Bus with the AT-SPI accessibility bus on it.
// Each program runs in a process group of its own and is ended with it (a daemon it started too)
// by stop(), also when the test fails; nothing is left running and nothing outside is touched.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The process groups started here and not yet stopped: ended when this process exits, however it
// exits (a test timed out, an interrupt), so that no X server or bus outlives the tests.
const running = new Set();
process.once('exit', () => { for (const pid of running) try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } });
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));

// Starts `cmd` in a process group of its own; resolves { child, found } once `ready(out)` returns
// something (asked as its standard output comes, and every 100 ms), rejects after `timeout` ms or
// if it exits first.
export function startDaemon(cmd, args, { env, ready, timeout = 15000, stdio = ['ignore', 'pipe', 'pipe'] }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawnGroup(cmd, args, { env, stdio });
    let out = '', err = '';
    const done = () => { clearTimeout(timer); clearInterval(poll); };
    const fail = (why) => { done(); stopGroup(child); reject(new Error(`${cmd}: ${why}\n${err}`)); };
    const timer = setTimeout(() => fail(`not ready after ${timeout} ms`), timeout);
    const look = () => { const found = ready(out); if (found) { done(); resolvePromise({ child, found }); } };
    const poll = setInterval(look, 100);
    for (const s of child.stdio.slice(1)) s?.on('data', (d) => { if (s === child.stdio[2]) err += d; else { out += d; look(); } });
    child.once('error', (e) => fail(e.message));
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
  }).then(({ child, found }) => { child.removeAllListeners('exit'); return { child, found }; });
}

// Spawns `cmd` as the leader of a new process group, ended by stopGroup or when this process exits.
export function spawnGroup(cmd, args, options) {
  const child = spawn(cmd, args, { ...options, detached: true });
  if (child.pid !== undefined) running.add(child.pid);
  return child;
}

// Ends a process group: TERM, then KILL after a second for what is still there.
export async function stopGroup(child) {
  if (!child || child.pid === undefined) return;
  running.delete(child.pid);
  const signal = (s) => { try { process.kill(-child.pid, s); return true; } catch { return false; } };
  if (!signal('SIGTERM')) return;
  for (let i = 0; i < 20 && signal(0); i++) await new Promise((r) => setTimeout(r, 50));
  signal('SIGKILL');
}

// Xvfb on the first free display it finds (-displayfd writes the number it took). Resolves
// { display: ':N', env, stop }: env is process.env with DISPLAY set.
export async function startXvfb({ width = 1280, height = 800 } = {}) {
  const { child, found } = await startDaemon('Xvfb', ['-displayfd', '1', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'],
    { env: process.env, ready: (out) => out.match(/^(\d+)\n/)?.[1] });
  const display = `:${found}`;
  return { display, env: { ...process.env, DISPLAY: display }, stop: () => stopGroup(child) };
}

// A session D-Bus and on it the accessibility bus (at-spi-bus-launcher, which starts the AT-SPI
// registry), in a runtime folder of their own. Resolves { env, stop }: env adds the bus's address.
export async function startAccessibilityBus(baseEnv) {
  const runtime = mkdtempSync(join(tmpdir(), 'iiifc-at-spi-'));
  const env = { ...baseEnv, XDG_RUNTIME_DIR: runtime, NO_AT_BRIDGE: '0', GTK_A11Y: 'atspi' };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const bus = await startDaemon('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'],
    { env, ready: (out) => out.match(/^(unix:\S+)\n/)?.[1] });
  env.DBUS_SESSION_BUS_ADDRESS = bus.found;
  let launcher;
  try {
    launcher = spawnGroup('/usr/libexec/at-spi-bus-launcher', ['--launch-immediately'], { env, stdio: 'ignore' });
    // Ready once the accessibility bus answers on the session bus (org.a11y.Bus GetAddress).
    const deadline = Date.now() + 15000;
    for (;;) {
      const address = await new Promise((r) => {
        const q = spawn('dbus-send', ['--session', '--print-reply=literal', '--dest=org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus.GetAddress'],
          { env, stdio: ['ignore', 'pipe', 'ignore'] });
        let o = '';
        q.stdout.on('data', (d) => { o += d; });
        q.once('exit', (code) => r(code === 0 ? o.trim() : ''));
      });
      if (address) break;
      if (Date.now() > deadline) throw new Error('the AT-SPI bus did not start within 15 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    await stopGroup(launcher);
    await stopGroup(bus.child);
    rmSync(runtime, { recursive: true, force: true });
    throw e;
  }
  const stop = async () => {
    await stopGroup(launcher);
    await stopGroup(bus.child);
    rmSync(runtime, { recursive: true, force: true });
  };
  return { env, stop };
}
