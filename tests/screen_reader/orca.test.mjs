// A real screen reader on the app: GNOME's Orca reads Chromium (a real window on a desktop of the
// test's own: Xvfb, a session D-Bus, the AT-SPI bus) through the accessibility tree Chromium gives
// AT-SPI, as it does for a person. Orca speaks through orca_transcript_speech.py, which writes
// each utterance to a file; keys are real X key presses (xdotool), which Orca hears too. What
// Orca says after each key is checked line by line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { startAccessibilityBus, startDaemon, startXvfb, stopGroup } from '../browser/desktop.mjs';
import { ARTIFACTS, appState, launch, settle, startServer, waitForApp } from '../browser/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'iiifc-orca-'));
const transcript = join(work, 'transcript.txt');
let server, xvfb, bus, orca;

// Orca's preferences: speech through the transcript module; no key echo, sounds or braille, whose
// output would be mixed in with what is read.
function writeOrcaSettings(dir) {
  const speech = 'orca_transcript_speech';
  writeFileSync(join(dir, 'user-settings.conf'), JSON.stringify({
    general: {}, pronunciations: {}, keybindings: {},
    profiles: { default: {
      profile: ['Default', 'default'], speechServerFactory: speech, speechFactoryModules: [speech],
      enableKeyEcho: false, enableEchoByCharacter: false, enableEchoByWord: false, enableTutorialMessages: false,
      enableSound: false, enableBraille: false, enableBrailleMonitor: false,
    } },
  }));
}

const lines = () => (existsSync(transcript) ? readFileSync(transcript, 'utf8').split('\n').filter(Boolean) : []);

// What Orca says after `act`: the lines it writes from then until it has been quiet for a second
// (nothing at all if it has said nothing within `firstWithin` ms; at most 30 s).
async function heard(act, firstWithin = 15000) {
  const from = lines().length;
  await act();
  const start = Date.now();
  let count = from, quietSince = start;
  while (Date.now() - start < 30000) {
    await new Promise((r) => setTimeout(r, 100));
    const n = lines().length;
    if (n !== count) { count = n; quietSince = Date.now(); }
    else if (n > from ? Date.now() - quietSince >= 1000 : Date.now() - start >= firstWithin) break;
  }
  return lines().slice(from);
}

// Real key presses and typing on the desktop (xdotool), which Orca hears as a person's.
const xdo = (...args) => new Promise((resolvePromise, reject) => {
  const x = spawn('xdotool', args, { env: xvfb.env, stdio: 'ignore' });
  x.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`xdotool ${args.join(' ')}: ${code}`))));
});

before(async () => {
  server = await startServer();
  xvfb = await startXvfb();
  bus = await startAccessibilityBus(xvfb.env);
  const prefs = join(work, 'prefs');
  mkdirSync(prefs);
  writeOrcaSettings(prefs);
  const env = { ...bus.env, HOME: work, PYTHONPATH: here, IIIFC_ORCA_TRANSCRIPT: transcript };
  orca = (await startDaemon('orca', ['--replace', '-u', prefs], {
    env, stdio: ['ignore', 'ignore', 'pipe'], ready: () => lines().includes('Screen reader on.'), timeout: 30000,
  })).child;
}, { timeout: 90000 });

after(async () => {
  await stopGroup(orca);
  await bus?.stop();
  await xvfb?.stop();
  await server?.stop();
  if (existsSync(transcript)) writeFileSync(join(ARTIFACTS, 'orca-transcript.txt'), readFileSync(transcript));
  rmSync(work, { recursive: true, force: true });
});

// What Orca says, key by key, on the Join view opened from its address: [keys, lines, and for a
// change of view the heading the page then has (its tree is published once the app is idle)].
// A line LIVE matches is the app's polite live region, which Orca reads when it changes, between
// or after the words of the control the key moved to: those lines are compared apart, in their
// own order. The form's status paragraph (role status) is read when its count changes in some
// runs and not in others (timing): it is left out. So is a line marked '?', heard in some runs
// only, in its step or the next: what Orca says of the page as the focus first enters it (the
// landmark, the mode: it depends on where Orca was reading when the page finished loading), and
// the live region's message while the person types.
const LIVE = /^Form has \d+ errors?\.$/;
const SOMETIMES = /^The request can be sent once the form is complete: \d+ fields? needs? attention\.$/;
const JOIN_BY_KEYBOARD = [
  // Backwards from the page's end, each control with its role and state, to the form's check.
  ['shift+Tab', ['?main content IIIF Consortium membership portal', 'Preview read only entry.', '?Focus mode']],
  ['shift+Tab', ['Load .json push button.', 'Browse mode']],
  ['shift+Tab', ['Download .json push button.']],
  ['shift+Tab', ['Download .txt push button.']],
  ['shift+Tab', ['Copy request push button.']],
  ['shift+Tab', ['Open in my email program push button grayed.']],
  ['shift+Tab', ['Show what is missing push button.']],
  // Every required field empty is now invalid (a state that then holds while Orca reads them).
  ['Return', ['Form has 5 errors.']],
  ['shift+Tab', ['Message entry.', 'Focus mode']],
  ['shift+Tab', ['Purchase order needed check box not checked.', 'Browse mode']],
  ['shift+Tab', ['Preferred start date entry YYYY-MM-DD.', 'Focus mode']],
  // The add-ons: a group of check boxes, named by the field's label as Orca enters it.
  ['shift+Tab', ['Add-ons panel.', 'Strategic Initiatives Fund (US$2,000 a year) check box not checked.', 'Browse mode']],
  ['shift+Tab', ['Community Development Fund (US$2,000 a year) check box not checked.']],
  ['shift+Tab', ['Allmaps (US$2,000 a year) check box not checked.']],
  // The select's value, on start (the link's tier), after a change with the keyboard (the next
  // tier in every fee schedule of the data), and again.
  ['shift+Tab', ['leaving panel.', 'Membership tier combo box.', 'Full membership.', 'Required.', 'opens menu', 'Focus mode']],
  ['Down', ['Associate membership.']],
  // Typing (Orca echoes no keys: its settings): the field's message as it becomes invalid.
  ['shift+Tab', ['Billing email entry name@example.org.']],
  ['type kari@', ['Billing email is not a valid email address (expected name@example.org).', '?Form has 6 errors.']],
  ['Tab', ['Membership tier combo box.', 'Associate membership.', 'Required.', 'opens menu']],
  // Back on the invalid field, and on to the top of the form: each one's state and message.
  ['shift+Tab', ['Billing email entry kari@ selected.', 'invalid entry.', 'Billing email is not a valid email address (expected name@example.org).']],
  ['shift+Tab', ['Billing contact entry.']],
  ['shift+Tab', ['Role entry.']],
  ['shift+Tab', ['Contact email entry name@example.org required.', 'invalid entry.', 'Contact email is required.']],
  ['shift+Tab', ['Contact name entry required.', 'invalid entry.', 'Contact name is required.']],
  ['shift+Tab', ['Website entry https://example.org.']],
  ['shift+Tab', ['Country combo box.', 'Required. Country is required.', 'opens menu']],
  ['shift+Tab', ['Organisation type combo box.', 'Required. Organisation type is required.', 'opens menu']],
  ['shift+Tab', ['Institution entry e.g. Example University Library required.', 'invalid entry.', 'Institution is required.']],
  ['shift+Tab', ['Join page tab.']],
  // Another view through its tab (the arrow keys move among the tabs, Enter opens one), and its heading,
  // found as a screen reader user finds it: browse mode (Orca+A), then the next heading (H).
  ['Left', ['Members page tab.']],
  ['Return', ['Members page tab.'], 'Who else is involved'],
  ['Insert+a', ['Browse mode']],
  ['h', ['Who else is involved heading level 2.']],
];

const apart = (said) => ({ said: said.filter((l) => !LIVE.test(l) && !SOMETIMES.test(l)), live: said.filter((l) => LIVE.test(l)) });
const optional = (expected) => expected.filter((l) => l.startsWith('?')).map((l) => l.slice(1));

// One reading of the Join view in a new Chromium (a fresh profile: an empty form): resolves null,
// or where Orca said something else ({ step, keys, said (less optional lines), expected, focus }).
async function readJoinByKeyboard() {
  const browser = await launch({ env: bus.env, viewport: null, args: ['--force-renderer-accessibility', '--window-size=1280,800', '--test-type'] });
  const { page } = browser;
  try {
    // As a person does: the address typed into the browser's address bar (the focus then goes to the page).
    await heard(async () => {
      await xdo('type', '--delay', '20', `${server.url}#/join?tier=full`);  // a tier of every fee schedule
      await xdo('key', 'Return');
      await waitForApp(page);
    });
    let mayHear = [];  // [optional line not heard yet, the last step it may come in]
    for (const [i, [keys, listed, heading]] of JOIN_BY_KEYBOARD.entries()) {
      const expected = listed.filter((l) => !l.startsWith('?'));
      mayHear = [...mayHear.filter(([, last]) => last >= i), ...optional(listed).map((l) => [l, i + 1])];
      const said = await heard(async () => {
        if (keys.startsWith('type ')) await xdo('type', '--delay', '30', keys.slice('type '.length));
        else await xdo('key', '--delay', '50', ...keys.split(' '));
        await settle(page);
        // A message the app announces is in its live region before Orca's quiet second starts.
        const announced = listed.map((l) => l.replace(/^\?/, '')).filter((l) => LIVE.test(l)).at(-1);
        if (announced) await page.waitForFunction((t) => document.getElementById('live').textContent === t, announced, { timeout: 10000 });
        if (heading) await page.waitForFunction((h) => document.querySelector('#semantics h2')?.textContent === h, heading, { timeout: 10000 });
      });
      const counted = said.filter((l) => { const k = mayHear.findIndex(([o]) => o === l); if (k < 0) return true; mayHear.splice(k, 1); return false; });
      if (JSON.stringify(apart(counted)) !== JSON.stringify(apart(expected))) {
        const focus = await page.evaluate(() => { const a = document.activeElement; return a && (a.labels?.[0] || a).textContent; });
        return { step: i + 1, keys, said: counted, expected, focus };
      }
    }
    const state = await appState(page);
    assert.deepEqual([state.view, state.draft.request.tier, state.draft.request.billing_email], ['members', 'associate', 'kari@']);
    return null;
  } finally {
    await browser.close();
  }
}

test('Orca reads the Join view: each control\'s label, role and state, the tier\'s value before and after a change, an error, a view\'s heading', { timeout: 240000 }, async () => {
  let wrong = await readJoinByKeyboard();
  // On a loaded machine Orca now and then drops an event and says nothing at all for a key (the
  // page's focus has moved): that reading is done again, once. Anything said wrong fails at once.
  if (wrong && wrong.said.length === 0) {
    console.log(`# Orca said nothing at step ${wrong.step} (${wrong.keys}; the page's focus: ${JSON.stringify(wrong.focus)}): reading again`);
    wrong = await readJoinByKeyboard();
  }
  if (wrong) {
    assert.deepEqual(apart(wrong.said), apart(wrong.expected),
      `step ${wrong.step}, ${wrong.keys}: Orca said ${JSON.stringify(wrong.said)}; the page's focus: ${JSON.stringify(wrong.focus)}`);
  }
});
