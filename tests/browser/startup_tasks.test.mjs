// How the app's start is cut into tasks (src/platform/web/startup.cpp, web/app.js). On a phone
// every phase is a task of its own: under Lighthouse's 4x slowdown each takes tens of ms, and one
// task for several would block the page (Total Blocking Time). On a desktop with a mouse the phases
// take a few ms each and share tasks: every step between tasks delays the first frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readProtocol } from '../../scripts/page_protocol.mjs';
import { PHONE, SOURCE_DIR, addWorkerInitScript, appState, launch, openApp, settle, startServer } from './harness.mjs';

// The phases that run in the page's tasks: all but the wait for the GPU, which runs nothing.
const PHASES = readProtocol(join(SOURCE_DIR, 'src', 'ui', 'page_protocol.h')).phases.filter((p) => p !== 'gpu-wait');
const DESKTOP = { viewport: { width: 1280, height: 800 } };  // with a mouse

// Which task each start-up phase ended in, recorded in the page: the app reports each phase as a
// performance measure ("portal:<phase>"). A microtask queued at a task's first measure runs once
// that task's script has returned, so measures made before it ran belong to the same task.
async function phaseTasks(options) {
  const server = await startServer();
  const b = await launch(options);
  try {
    await b.context.addInitScript(() => {
      const seen = (window.__phaseTasks = []);
      let task = 0, open = false;
      const measure = performance.measure.bind(performance);
      performance.measure = function (name, ...rest) {
        if (typeof name === 'string' && name.startsWith('portal:')) {
          if (!open) {
            open = true;
            task += 1;
            queueMicrotask(() => { open = false; });
          }
          seen.push([name.slice('portal:'.length), task]);
        }
        return measure(name, ...rest);
      };
    });
    await openApp(b.page, server.url);
    const list = await b.page.evaluate(() => window.__phaseTasks);
    const tasks = Object.fromEntries(list);  // a phase measured more than once: its last task
    const ms = await b.page.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure')
      .filter((e) => e.name.startsWith('portal:')).map((e) => [e.name.slice('portal:'.length), e.duration])));
    return { list, tasks, ms };
  } finally {
    await b.close();
    await server.stop();
  }
}

test('on a phone, each phase of the start is a task of its own, and each build of the first frame', async () => {
  const { list, tasks } = await phaseTasks(PHONE);
  assert.deepEqual(Object.keys(tasks).filter((p) => PHASES.includes(p)), PHASES, 'every phase reported, in order');
  const phases = list.filter(([p]) => PHASES.includes(p));
  // Built until settled (kBuildsBeforeFirstShown, src/ui/app.h): more than once, each measured.
  assert.ok(phases.filter(([p]) => p === 'first-frame').length >= 2, `the first frame's builds: ${JSON.stringify(list)}`);
  assert.equal(new Set(phases.map(([, task]) => task)).size, phases.length, `one task per phase: ${JSON.stringify(list)}`);
});

test('on a desktop with a mouse, the phases share tasks', async () => {
  const { tasks, ms } = await phaseTasks(DESKTOP);
  assert.deepEqual(Object.keys(tasks).filter((p) => PHASES.includes(p)), PHASES, 'every phase reported, in order');
  // The GL phase takes a few ms: the data is parsed in the same task (unless a busy moment of the
  // machine made it take half the task's budget of 50 ms, which leaves no room for another phase).
  if (ms.gl < 20) assert.equal(tasks.data, tasks.gl, `the data in the GL phase's task: ${JSON.stringify({ tasks, ms })}`);
  assert.ok(new Set(PHASES.map((p) => tasks[p])).size < PHASES.length, `fewer tasks than phases: ${JSON.stringify(tasks)}`);
});

// The frame drawn at start is the settled layout (built twice, startup.cpp), and the app builds
// nothing more once it shows until something changes: frames built after it drew the same (two
// more tasks of the page's on a phone), and a second canvas frame would cost the GPU again and,
// with software GL, a read-back of the canvas.
for (const [device, options] of [['a phone', PHONE], ['a desktop', DESKTOP]]) {
  for (const path of ['', '#/join']) {
    test(`on ${device}, the start sends one frame to the canvas (${path || 'Tiers'})`, async () => {
      const server = await startServer();
      const b = await launch(options);
      try {
        await openApp(b.page, server.url, path);
        await settle(b.page);
        const s = await appState(b.page);
        assert.equal(s.frames, 2, `frames built: the first, twice (${s.frames})`);
        assert.equal(s.frames_sent, 1, `frames sent to the canvas: ${s.frames_sent} of ${s.frames} built`);
      } finally {
        await b.close();
        await server.stop();
      }
    });
  }
}

// While the GPU draws the first frame the page waits for the drawer's word (bridge.onAnswer):
// nothing of the page's runs meanwhile. Asked every 4 ms instead, the wait was 67-84 tasks of the
// page's on a phone-sized Lighthouse load, each one a chance to be held up behind another thread
// (Total Blocking Time). Here the drawer takes a second to answer, and the browser's trace counts
// the page's tasks in that second.
test('while the GPU draws the first frame the page runs nothing: the drawer says when it is drawn', async () => {
  const server = await startServer();
  const b = await launch({ ...PHONE, serviceWorkers: 'block' });
  try {
    await addWorkerInitScript(b.context, 'draw.js', (ms) => {
      const post = self.postMessage.bind(self);
      self.postMessage = (m, transfer) => {
        if (m && m.type === 'drawn') setTimeout(() => post(m, transfer), ms);
        else post(m, transfer);
      };
    }, 1000);
    const cdp = await b.context.newCDPSession(b.page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] } });
    await openApp(b.page, server.url);
    await cdp.send('Tracing.end');
    await traced;
    const mark = (name) => events.find((e) => e.name === name);
    const drawn = mark('portal-first-frame'), shown = mark('portal-shown');
    assert.ok(drawn && shown, 'the start is on the trace');
    const waited = (shown.ts - drawn.ts) / 1000;
    assert.ok(waited >= 1000, `shown once the drawer answered: ${waited.toFixed(0)} ms after the first frame`);
    const tasks = events.filter((e) => e.name === 'RunTask' && e.pid === drawn.pid && e.tid === drawn.tid && e.ts > drawn.ts && e.ts < shown.ts);
    assert.ok(tasks.length > 0, 'the page\'s tasks are on the trace');
    // The frames the page still draws meanwhile (the semantics tree's chunks, a busy machine's) are
    // a few dozen; polling every 4 ms made 250 more in the second (343 measured).
    assert.ok(tasks.length <= 100, `the page's tasks while the GPU drew: ${tasks.length} in ${waited.toFixed(0)} ms`);
  } finally {
    await b.close();
    await server.stop();
  }
});
