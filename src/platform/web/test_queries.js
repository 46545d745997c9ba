// Appended to the test build's portal.js (--post-js): the browser tests' and the benchmark's
// read-only queries, window.portalTest. The release page has neither this nor the queries.
Module['portalMeasure'] = true;  // the semantics tree's DOM updates are timed (performance.measure)
// Not in a worker: web/download.js runs this build's runtime there too (startup.cpp).
if (typeof window === 'object') window.portalTest = {
  widget: function (label) {
    var s = Module.ccall('portal_query_widget', 'string', ['string'], [label]);
    return s ? JSON.parse(s) : null;
  },
  state: function () { return JSON.parse(Module.ccall('portal_query_state', 'string', [], [])); },
  // The last frame packet: what the app says it holds, and its bytes (tests/browser/protocol.test.mjs).
  packet: function () {
    var s = Module.ccall('portal_query_packet', 'string', [], []);
    if (!s) return null;
    var expected = JSON.parse(s);
    return { expected: expected, bytes: Array.from(HEAPU8.subarray(expected.address, expected.address + expected.size)) };
  },
  setSemantics: function (on) { Module.ccall('portal_set_semantics', null, ['number'], [on ? 1 : 0]); },
};
