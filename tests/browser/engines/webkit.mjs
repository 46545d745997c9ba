// The core browser tests (core_set.mjs) in WebKitGTK (Safari's engine), over W3C WebDriver.
import { coreSet } from './core_set.mjs';
import { launchWebKit } from './webkit_page.mjs';

// WebKitGTK 2.50 gives a <select> the role "button" (WebKit's pop-up button) where HTML and the
// other engines say "combobox"; the page cannot change it (README). Its WebDriver has no Print
// Page command ("unknown command" for POST /session/{id}/print): printing is not tested here.
// Display settings: WebKitGTK 2.50 parses forced-colors but never matches it active (no setting or
// GTK theme does); GTK's HighContrast theme gives prefers-contrast: more.
coreSet('WebKit', launchWebKit, { roles: { combobox: 'button' }, prints: false, displays: {
  'prefers-contrast: more': (env) => launchWebKit({ ...env, GTK_THEME: 'HighContrast' }),
} });
