// The browser side of browser_bridge.h, linked with --js-library. Each function is small and
// does one thing; the page's own wiring (listeners, loader, the drawer) lives in web/app.js, which
// this reaches through window.portalBridge only (its members: src/ui/page_protocol.h).
//
// Measured (phone-sized page, CPU slowed 4x):
// 2026-12  Setting the title during the start took 0.4-23 ms of the draft's phase, replacing the
//          address 8-42 ms of the task that shows the app: both now wait for idle moments after it.
mergeInto(LibraryManager.library, {
  // The page's bridge (web/app.js), or the rehearsal's (web/download.js, in its worker). Not named
  // portalBridge: portal.js's top-level functions are globals too.
  $pageBridge: function () { return globalThis.portalBridge; },

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

  // What the last read or write of storage met: 0 it worked, 1 storage refused (blocked, disabled),
  // 2 the quota is full. The app says so in the Join view (src/core/storage_status.h).
  $portalStorage: { state: 0 },
  $portalStorageFailed__deps: ['$portalStorage', '$pageBridge'],
  $portalStorageFailed: function (e) {
    var name = String(e && e.name || e);
    // QuotaExceededError; code 22 in older browsers, 1014 in older Firefox.
    portalStorage.state = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e && (e.code === 22 || e.code === 1014)) ? 2 : 1;
    pageBridge().storageFailed(name);
  },

  browser_storage_get__deps: ['$portalString', '$portalStorage', '$portalStorageFailed'],
  browser_storage_get: function (key) {
    var value = '';
    try {
      value = window.localStorage.getItem(UTF8ToString(key)) || '';
      if (portalStorage.state === 1) portalStorage.state = 0;
    } catch (e) {
      value = '';
      portalStorageFailed(e);
    }
    return portalString(value);
  },

  browser_storage_set__deps: ['$portalStorage', '$portalStorageFailed'],
  browser_storage_set: function (key, value) {
    try {
      var k = UTF8ToString(key), v = UTF8ToString(value);
      if (v) window.localStorage.setItem(k, v); else window.localStorage.removeItem(k);
      portalStorage.state = 0;
      delete document.documentElement.dataset.storage;  // set by the bridge's storageFailed
    } catch (e) {
      // Storage full or blocked (private mode): the draft lives on in memory, and the app says so.
      portalStorageFailed(e);
    }
  },

  browser_storage_state__deps: ['$portalStorage'],
  browser_storage_state: function () { return portalStorage.state; },

  // Another tab's save, from the page's early listener (web/app.js): the app merges it. A draft may
  // be megabytes: copied to the heap, not to ccall's stack.
  browser_watch_storage__deps: ['$portalString', 'free', '$pageBridge'],
  browser_watch_storage: function (key) {
    var k = UTF8ToString(key);
    var merge = function (e) {
      if (e.key !== k || !e.newValue) return;
      var p = portalString(e.newValue);
      Module['_portal_on_draft_elsewhere'](p);
      _free(p);
    };
    pageBridge().watchStorage(merge);
  },

  // The service worker found newer data after the start (lie-fi): the page fetches it and hands
  // it to the app, which applies it quietly.
  browser_watch_data_updates__deps: ['$portalString', 'free'],
  browser_watch_data_updates: function () {
    if (!('serviceWorker' in navigator)) return;
    var url = 'membership.json?v=' + (document.documentElement.dataset.version || 'dev');
    navigator.serviceWorker.addEventListener('message', function (e) {
      if (!e.data || e.data.type !== 'data-updated') return;
      fetch(url).then(function (r) { return r.ok ? r.text() : ''; }).then(function (text) {
        if (!text) return;
        var p = portalString(text);
        Module['_portal_on_data_updated'](p);
        _free(p);
      }, function () { /* still offline: the next start has it */ });
    });
    navigator.serviceWorker.startMessages();
  },

  browser_location_fragment__deps: ['$portalString'],
  browser_location_fragment: function () { return portalString(window.location.hash || ''); },

  browser_location_query__deps: ['$portalString'],
  browser_location_query: function (key) {
    var v = new URLSearchParams(window.location.search).get(UTF8ToString(key));
    return portalString(v === null ? '' : v);
  },

  // The page's address and title follow the app, but not during its start (nothing on screen shows
  // them, and they cost the start: note above): the last of each is written in idle moments after.
  $portalAddress: { shown: false, title: null, address: null,
    write: function () {
      var title = portalAddress.title, address = portalAddress.address;
      portalAddress.title = portalAddress.address = null;
      if (title) title();
      if (address) address();
    },
    // Each in an idle moment of its own: together they were a long task on a slow phone.
    writeWhenIdle: function () {
      var kind = portalAddress.title ? 'title' : portalAddress.address ? 'address' : null;
      if (!kind) return;
      var run = function () {
        var apply = portalAddress[kind];
        portalAddress[kind] = null;
        if (apply) apply();
        portalAddress.writeWhenIdle();
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
      else setTimeout(run, 0);
    },
    set: function (kind, apply) {
      if (!portalAddress.shown) { portalAddress[kind] = apply; return; }
      portalAddress.write();
      apply();
    },
  },
  browser_set_fragment__deps: ['$portalAddress'],
  browser_set_fragment: function (fragment, push) {
    var f = UTF8ToString(fragment), from = window.location.hash;
    portalAddress.set('address', function () {
      // The person moved to another address meanwhile: theirs stands (its hashchange follows).
      if (window.location.hash === f || window.location.hash !== from) return;
      if (push) history.pushState(null, '', f); else history.replaceState(null, '', f);
    });
  },

  browser_set_title__deps: ['$portalAddress'],
  browser_set_title: function (title) {
    var t = UTF8ToString(title);
    portalAddress.set('title', function () { document.title = t; });
  },

  browser_announce: function (ptr) {
    var region = document.getElementById('live');
    if (!region) return;
    region.textContent = '';
    // A fresh text node after a tick, so the same message twice is announced twice.
    var text = UTF8ToString(ptr);
    setTimeout(function () { region.textContent = text; }, 50);
  },

  browser_set_cursor: function (ptr) { document.getElementById('canvas').style.cursor = UTF8ToString(ptr); },

  browser_focus_canvas: function () { document.getElementById('canvas').focus({ preventScroll: true }); },

  browser_reload__deps: ['$pageBridge'],
  browser_reload: function () { pageBridge().reload(); },

  browser_signal_first_frame__deps: ['$pageBridge'],
  browser_signal_first_frame: function () { pageBridge().firstFrame(); },

  browser_signal_ready__deps: ['$pageBridge'],
  browser_signal_ready: function (info) { pageBridge().ready(JSON.parse(UTF8ToString(info))); },

  browser_prefers_dark: function () { return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0; },
  browser_prefers_reduced_motion: function () { return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0; },

  // The loader's bytes of the data (web/app.js), copied once; the page lets go of them.
  browser_copy_start_data__deps: ['$pageBridge'],
  browser_copy_start_data: function (into) { HEAPU8.set(pageBridge().takeStartData(), into); },
  browser_keep_rehearsed_fonts__deps: ['$pageBridge'],
  browser_keep_rehearsed_fonts: function (layout, size, pixels, width, height) {
    pageBridge().keepRehearsedFonts(HEAPU8.slice(layout, layout + size), HEAPU8.slice(pixels, pixels + width * height), width, height);
  },
  browser_take_rehearsed_fonts__deps: ['$pageBridge', 'malloc'],
  browser_take_rehearsed_fonts: function (size) {
    var layout = pageBridge().takeRehearsedFonts();
    HEAP32[size >> 2] = layout ? layout.length : 0;
    if (!layout) return 0;
    var into = _malloc(layout.length);
    HEAPU8.set(layout, into);
    return into;
  },
  browser_fail__deps: ['$pageBridge'],
  browser_fail: function (ptr) { pageBridge().fail(UTF8ToString(ptr)); },
  browser_heap_bytes: function () { return HEAP8.length; },

  // The page's nextTask (web/app.js): a task of its own without the timers' 4 ms clamp.
  browser_next_task__deps: ['$callUserCallback', '$pageBridge'],
  browser_next_task: function (cb, userData) {
    pageBridge().nextTask(function () { callUserCallback(function () { {{{ makeDynCall('vi', 'cb') }}}(userData); }); });
  },

  browser_schedule_timeout: function (ms) {
    if (Module.portalTimer) clearTimeout(Module.portalTimer);
    Module.portalTimer = setTimeout(function () { Module.portalTimer = 0; Module['_portal_on_timeout'](); }, Math.max(0, ms));
  },

  // The semantics tree made a chunk a frame while hidden is made whole first: what the canvas shows,
  // the DOM says, from the moment it shows.
  browser_show_app__deps: ['$PortalSemantics', '$portalAddress', '$pageBridge'],
  browser_show_app: function () {
    PortalSemantics.publishChunk(true);
    pageBridge().show();
    portalAddress.shown = true;
    portalAddress.writeWhenIdle();
  },

  // The app's drawer (web/draw.js, started by web/app.js): the messages it takes, and its state.
  // Each message carries a copy of the bytes, handed over (not copied again) to a worker.
  browser_gl_font__deps: ['$pageBridge'],
  browser_gl_font: function (pixels, width, height) {
    var copy = HEAPU8.slice(pixels, pixels + width * height);
    pageBridge().draw({ type: 'font', width: width, height: height, pixels: copy.buffer }, [copy.buffer]);
  },
  browser_gl_frame__deps: ['$pageBridge'],
  browser_gl_frame: function (packet, bytes) {
    var copy = HEAPU8.slice(packet, packet + bytes);
    pageBridge().draw({ type: 'frame', packet: copy.buffer }, [copy.buffer]);
  },
  browser_gl_confirm__deps: ['$pageBridge'],
  browser_gl_confirm: function () { pageBridge().confirm(); },
  browser_gl_state__deps: ['$pageBridge'],
  browser_gl_state: function () { return pageBridge().drawerState(); },
  browser_when_drawer_answers__deps: ['$callUserCallback', '$pageBridge'],
  browser_when_drawer_answers: function (cb, userData, limitMs) {
    pageBridge().whenDrawerAnswers(function () { callUserCallback(function () { {{{ makeDynCall('vi', 'cb') }}}(userData); }); }, limitMs);
  },

  // The start-up's phases on the page's timeline (performance.getEntriesByType('measure')).
  browser_measure__deps: ['$pageBridge'],
  browser_measure: function (name, start, end) { pageBridge().measure(UTF8ToString(name), start, end); },
});
