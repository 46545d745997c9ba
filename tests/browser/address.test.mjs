// The address the person goes to wins over the one the app writes after it shows (its canonical
// form, written in an idle moment): a link followed in between is not undone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch, openApp, startServer } from './harness.mjs';

test('a hash changed before the app writes its own address in an idle moment: the person\'s address and view stand', async () => {
  const server = await startServer();
  const b = await launch({ serviceWorkers: 'block' });
  try {
    // Idle callbacks are held, so the app's address write comes exactly between the change and its hashchange.
    await b.context.addInitScript(() => {
      window.__idle = [];
      window.requestIdleCallback = (fn) => window.__idle.push(fn);
    });
    await openApp(b.page, server.url, '#/tiers');
    await b.page.evaluate(() => {
      location.hash = '#/join';
      for (const fn of window.__idle.splice(0)) fn({ didTimeout: false, timeRemaining: () => 50 });
    });
    await b.page.getByRole('heading', { name: 'Ask to join' }).waitFor({ state: 'attached', timeout: 10000 });
    assert.match(await b.page.evaluate(() => location.hash), /^#\/join/);
  } finally {
    await b.close();
    await server.stop();
  }
});
