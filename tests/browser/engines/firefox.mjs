// The core browser tests (core_set.mjs) in Debian's Firefox ESR, over WebDriver BiDi.
import { coreSet } from './core_set.mjs';
import { launchFirefox } from './firefox_page.mjs';

coreSet('Firefox', launchFirefox);
