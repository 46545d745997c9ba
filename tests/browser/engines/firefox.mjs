// The core browser tests (core_set.mjs) in Debian's Firefox ESR, over WebDriver BiDi.
import { coreSet } from './core_set.mjs';
import { launchFirefox } from './firefox_page.mjs';

// Display settings: prefs at launch (Firefox 153 matches forced-colors: active under
// browser.display.document_color_use=2, prefers-contrast: more under ui.useAccessibilityTheme=1).
coreSet('Firefox', launchFirefox, { displays: {
  'forced-colors: active': (env) => launchFirefox(env, { prefs: { 'browser.display.document_color_use': 2 } }),
  'prefers-contrast: more': (env) => launchFirefox(env, { prefs: { 'ui.useAccessibilityTheme': 1 } }),
} });
