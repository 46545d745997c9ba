// Loaded first by the engines' test host (core_set.mjs), before the app's own scripts: records
// the page's errors, console errors and CSP violations, and the mailto: links the app opens (not
// followed), where the test can read them in any engine (window.__recorded).
(function () {
  var recorded = window.__recorded = { pageErrors: [], consoleErrors: [], cspViolations: [], mailto: [] };
  window.addEventListener('error', function (e) { recorded.pageErrors.push(String(e.message || e.error)); });
  window.addEventListener('unhandledrejection', function (e) {
    recorded.pageErrors.push('unhandled rejection: ' + String(e.reason && e.reason.stack || e.reason));
  });
  var consoleError = console.error;
  console.error = function () {
    recorded.consoleErrors.push(Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
  document.addEventListener('securitypolicyviolation', function (e) {
    recorded.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest && e.target.closest('a[href^="mailto:"]');
    if (a) { recorded.mailto.push(a.href); e.preventDefault(); }
  }, true);
})();
