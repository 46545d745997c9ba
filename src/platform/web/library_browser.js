// The browser side of browser_bridge.h, linked with --js-library. Each function is small and
// does one thing; the page's own wiring (listeners, loader) lives in web/app.js.
mergeInto(LibraryManager.library, {
  $portalString__deps: ['malloc'],
  $portalString: function (s) {
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },

  browser_copy_text: function (ptr) {
    var text = UTF8ToString(ptr);
    var done = function (ok) { Module['_portal_on_clipboard'](ok ? 1 : 0); };
    var fallback = function () {
      // Older browsers, or a denied permission: a selected, off-screen textarea and execCommand.
      var ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.className = 'offscreen';
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      done(ok);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  },

  browser_download: function (name, mime, content) {
    var blob = new Blob([UTF8ToString(content)], { type: UTF8ToString(mime) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    a.className = 'offscreen';
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  },

  browser_open_url: function (ptr) {
    var url = UTF8ToString(ptr);
    if (url.indexOf('mailto:') !== 0) return;
    var a = document.createElement('a');
    a.href = url;
    a.className = 'offscreen';
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
  },

  browser_request_file: function (accept) {
    var input = document.getElementById('file-input');
    input.accept = UTF8ToString(accept);
    input.value = '';
    input.click();
  },

  browser_storage_get__deps: ['$portalString'],
  browser_storage_get: function (key) {
    var value = '';
    try { value = window.localStorage.getItem(UTF8ToString(key)) || ''; } catch (e) { value = ''; }
    return portalString(value);
  },

  browser_storage_set: function (key, value) {
    try {
      var k = UTF8ToString(key), v = UTF8ToString(value);
      if (v) window.localStorage.setItem(k, v); else window.localStorage.removeItem(k);
    } catch (e) {
      // Storage full or blocked (private mode): the draft lives on in memory.
      if (window.portalBridge) window.portalBridge.storageFailed(String(e && e.name || e));
    }
  },

  browser_location_fragment__deps: ['$portalString'],
  browser_location_fragment: function () { return portalString(window.location.hash || ''); },

  browser_location_query__deps: ['$portalString'],
  browser_location_query: function (key) {
    var v = new URLSearchParams(window.location.search).get(UTF8ToString(key));
    return portalString(v === null ? '' : v);
  },

  browser_set_fragment: function (fragment, push) {
    var f = UTF8ToString(fragment);
    if (window.location.hash === f) return;
    if (push) history.pushState(null, '', f); else history.replaceState(null, '', f);
  },

  browser_announce: function (ptr) {
    var region = document.getElementById('live');
    if (!region) return;
    region.textContent = '';
    // A fresh text node after a tick, so the same message twice is announced twice.
    var text = UTF8ToString(ptr);
    setTimeout(function () { region.textContent = text; }, 50);
  },

  browser_publish_mirror: function (ptr) {
    var mirror = document.getElementById('mirror');
    var allowed = { div: 1, section: 1, h1: 1, h2: 1, h3: 1, p: 1, ul: 1, ol: 1, li: 1, table: 1, caption: 1, thead: 1,
                    tbody: 1, tr: 1, th: 1, td: 1, dl: 1, dt: 1, dd: 1, strong: 1, pre: 1 };
    // [tag, text, children]: elements from a fixed list, text only through textContent.
    var build = function (node) {
      var tag = allowed[node[0]] ? node[0] : 'div';
      var el = document.createElement(tag);
      if (tag === 'th') el.scope = 'row';  // header cells of the head row become 'col' below
      if (node[1]) el.textContent = node[1];
      (node[2] || []).forEach(function (child) { el.appendChild(build(child)); });
      return el;
    };
    var tree;
    try { tree = JSON.parse(UTF8ToString(ptr)); } catch (e) { return; }
    var content = build(tree);
    content.querySelectorAll('thead th').forEach(function (th) { th.scope = 'col'; });
    // Before the first frame is signalled the mirror does not exist yet: the page inserts it then.
    if (mirror) mirror.replaceChildren(content); else if (window.portalBridge) window.portalBridge.pendingMirror = content;
  },

  browser_set_cursor: function (ptr) { Module['canvas'].style.cursor = UTF8ToString(ptr); },

  browser_set_text_input: function (open) {
    var input = document.getElementById('text-input');
    if (!input) return;
    if (open) { input.value = ''; input.focus({ preventScroll: true }); }
    else if (document.activeElement === input) { input.blur(); Module['canvas'].focus({ preventScroll: true }); }
  },

  browser_focus_canvas: function () {
    var input = document.getElementById('text-input');
    if (document.activeElement !== input) Module['canvas'].focus({ preventScroll: true });
  },

  browser_reload: function () { if (window.portalBridge) window.portalBridge.reload(); else window.location.reload(); },

  browser_signal_ready: function (info) {
    if (window.portalBridge) window.portalBridge.ready(JSON.parse(UTF8ToString(info)));
  },

  browser_prefers_dark: function () { return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0; },
  browser_prefers_reduced_motion: function () { return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0; },

  browser_fail: function (ptr) { if (window.portalFail) window.portalFail(UTF8ToString(ptr)); },
  browser_heap_bytes: function () { return HEAP8.length; },

  browser_schedule_timeout: function (ms) {
    if (Module.portalTimer) clearTimeout(Module.portalTimer);
    Module.portalTimer = setTimeout(function () { Module.portalTimer = 0; Module['_portal_on_timeout'](); }, Math.max(0, ms));
  },

  browser_show_app: function () { document.documentElement.dataset.appState = 'starting'; },

  // The start-up's phases on the page's timeline (performance.getEntriesByType('measure')).
  browser_measure: function (name, start, end) {
    try { performance.measure(UTF8ToString(name), { start: start, end: end }); } catch (e) { /* an older browser: no figures */ }
  },
});
