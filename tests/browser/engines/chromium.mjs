// The core browser tests (core_set.mjs) in Debian's Chromium, as the other engines run them: a
// real window on a desktop of the test's own, driven through Playwright's page; its accessibility
// tree read through the DevTools protocol (Accessibility.queryAXTree).
import { execFileSync } from 'node:child_process';
import { launch } from '../harness.mjs';
import { coreSet } from './core_set.mjs';

coreSet('Chromium', async (env) => {
  const b = await launch({ env, viewport: null, args: ['--window-size=1280,800'] });
  const cdp = await b.context.newCDPSession(b.page);
  const findAccessible = async (selector, queries, keyOf) => {
    const { result: root } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
    return Promise.all(queries.map(async ([role, accessibleName]) => {
      const { nodes } = await cdp.send('Accessibility.queryAXTree', { objectId: root.objectId, role, accessibleName });
      const hit = nodes.find((n) => !n.ignored && n.backendDOMNodeId);
      if (!hit) return null;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: hit.backendDOMNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: String(keyOf),
        arguments: [{ objectId: object.objectId }], returnByValue: true });
      return result.value;
    }));
  };
  return { page: b.page, version: execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim(), findAccessible, close: b.close };
}, { prints: false });  // Chromium prints to PDF headless only: print.test.mjs
