// The page's loader and its wiring to the app: checks WebAssembly and WebGL, downloads the data
// and the .wasm with a progress bar, starts the app, and forwards browser events it needs
// (back/forward, paste, files, colour scheme). The CSP allows scripts from this origin only, and
// the page's one inline line by its hash.
//
// Measured, and why the code is as it is (this machine, Chromium, phone-sized Lighthouse loads):
// 2026-12  The manifest linked in the HTML: Chromium drew frames 0.45 s longer after the first
//          paint (commits to 0.9 s, not 0.4 s); linked as the app showed, its install button
//          animated for 0.7 s (470 ms of compositor CPU of 2 cores) during the app's last tasks.
// 2026-12  Timers for the start's tasks: clamped to 4 ms from the fifth, about 20 ms lost on a
//          desktop; hence nextTask on a MessageChannel.
// 2026-12  The first 'storage' listener waits on the browser: 3-9 ms inside the draft's phase.
// 2026-12  Requests before the largest contentful paint: LCP 0.96 s or 1.4 s by which came first.
'use strict';
(function () {
  // What the page and the app exchange (src/ui/page_protocol.h), written in by scripts/build_site.mjs.
  var PROTOCOL = {} /* page_protocol.h */;
  var DRAWER = PROTOCOL.drawer;
  var root = document.documentElement;
  var statusText = document.getElementById('status-text');
  var progress = document.getElementById('progress');
  // Every file is asked for with this page's version, so the service worker of another version
  // never hands it that version's files.
  var VERSION = root.dataset.version || 'dev';
  var DATA_FILE = 'membership.json';
  var DATA_URL = DATA_FILE + '?v=' + VERSION;
  var APP_JS = 'portal.js?v=' + VERSION;
  var APP_WASM = 'portal.wasm?v=' + VERSION;

  function fail(message) {
    root.dataset.appState = 'failed';
    linkManifest();
    statusText.textContent = '';
    var strong = document.createElement('span');
    strong.className = 'error';
    strong.textContent = message;
    statusText.appendChild(strong);
    statusText.appendChild(document.createTextNode(' The tiers, fees and how to join are below.'));
  }

  // The manifest (what installing reads) is linked once the app works offline, or has failed: linked
  // earlier, Chromium's window spends the start's cores on frames of its own (note above).
  function linkManifest() {
    if (document.querySelector('link[rel="manifest"]')) return;
    var link = document.createElement('link');
    link.rel = 'manifest';
    link.href = 'manifest.webmanifest';
    document.head.appendChild(link);
  }

  // The drawer (web/draw.js) runs in a worker where it can, so that no WebGL call (with software GL,
  // tens of ms to show a frame) blocks the page; else on the page. Started beside the downloads.
  var DRAW_JS = 'draw.js?v=' + VERSION;
  var CONTEXT_ATTRS = { alpha: false, antialias: false /* ImGui antialiases its own shapes */, depth: false, stencil: false,
                        premultipliedAlpha: false, preserveDrawingBuffer: false, powerPreference: 'low-power' };
  // The canvas fills the window once the app runs (the page's scroll bar goes then).
  function canvasPixels() {
    var ratio = window.devicePixelRatio || 1;
    return { width: Math.max(1, Math.round(window.innerWidth * ratio)), height: Math.max(1, Math.round(window.innerHeight * ratio)), ratio: ratio };
  }
  function sizeCanvas(canvas) {
    var size = canvasPixels();
    canvas.width = size.width;
    canvas.height = size.height;
  }
  // The drawer's state (PROTOCOL.drawer) leaves `waiting` once it answers: whoever waits is called.
  var drawerState = DRAWER.drawn, onAnswer = null, drawingVersion = 0;
  function drawerAnswered(state) {
    drawerState = state;
    if (onAnswer) onAnswer();
  }
  function onDrawerAnswer(msg) { if (msg.type === 'drawn') drawerAnswered(msg.linked ? DRAWER.drawn : DRAWER.shadersFailed); }
  // What the app sends the drawer before it is known (the app does not wait for it: a worker takes
  // a while to start) waits here, then goes in order.
  var drawQueue = [];
  var sendToDrawer = function (msg, transfer) { if (drawQueue) drawQueue.push([msg, transfer]); };
  function useDrawer(send) {
    sendToDrawer = send;
    drawQueue.forEach(function (m) { send(m[0], m[1]); });
    drawQueue = null;
  }
  function drawOnPage(canvas) {
    return loadScript(DRAW_JS).then(function () {
      var drawer = window.createDrawer(canvas, CONTEXT_ATTRS, onDrawerAnswer, false);
      if (!drawer) return 0;
      useDrawer(function (msg) { drawer.handle(msg); });
      root.dataset.drawing = 'page';
      return drawer.version;
    }, function () { return 0; });
  }
  // Resolves with the worker's WebGL version, or -1 where no worker could take the canvas (the
  // canvas is then still the page's).
  function drawInWorker(canvas) {
    return new Promise(function (resolve) {
      var worker, offscreen;
      try {
        worker = new Worker(DRAW_JS);
        offscreen = canvas.transferControlToOffscreen();
      } catch (e) {
        if (worker) worker.terminate();
        resolve(-1);
        return;
      }
      var answered = false;
      worker.onmessage = function (event) {
        var msg = event.data;
        if (msg.type !== 'context') { onDrawerAnswer(msg); return; }
        answered = true;
        if (msg.version) {
          useDrawer(function (m, transfer) { worker.postMessage(m, transfer || []); });
          root.dataset.drawing = 'worker';
        } else {
          worker.terminate();
        }
        resolve(msg.version);
      };
      // A worker that cannot start (its script not loaded): the page draws. A later error is the
      // page's to report.
      worker.onerror = function (e) {
        if (answered) return;
        e.preventDefault();
        worker.terminate();
        resolve(0);
      };
      worker.postMessage({ type: 'init', canvas: offscreen, attrs: CONTEXT_ATTRS }, [offscreen]);
    });
  }
  // Resolves with the drawer's WebGL version (0: none).
  function startDrawing() {
    var canvas = document.getElementById('canvas');
    sizeCanvas(canvas);
    var inWorker = typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof canvas.transferControlToOffscreen === 'function';
    if (!inWorker) return drawOnPage(canvas);
    return drawInWorker(canvas).then(function (version) {
      if (version > 0) return version;
      if (version < 0) return drawOnPage(canvas);
      // The worker could not draw (no WebGL there): the page's canvas was handed over, so a fresh
      // one of the same kind takes its place.
      var fresh = canvas.cloneNode(false);
      canvas.replaceWith(fresh);
      sizeCanvas(fresh);
      if (runtimeReady) Module._portal_on_canvas_replaced();  // its input goes to the app too
      return drawOnPage(fresh);
    });
  }

  // On a phone the downloads and the rehearsal of the start run in a worker (web/download.js):
  // downloads resolves with [data, module] (rejected: the page downloads them); rehearsed() once
  // the rehearsal ended, however (data-rehearsal: done, failed, late). A silent worker is let go.
  // Null where no worker can be made.
  var DOWNLOAD_JS = 'download.js?v=' + VERSION;
  var SILENT_LIMIT_MS = 10000, REHEARSAL_LIMIT_MS = 5000;
  function startInWorker(onBytes) {
    var worker;
    try { worker = new Worker(DOWNLOAD_JS); } catch (e) { return null; }
    var done = null, timer = 0;  // done: resolves rehearsed()'s promise
    var rejectDownloads = function () {};  // if they are not in
    var stop = function (how) {
      if (!worker) return;
      worker.terminate();
      worker = null;
      clearTimeout(timer);
      root.dataset.rehearsal = how;
      rejectDownloads(new Error('its worker was ' + (how === 'late' ? 'silent too long' : 'stopped')));
      if (done) done();
    };
    var watch = function (ms) {
      clearTimeout(timer);
      timer = setTimeout(function () { stop('late'); }, ms);
    };
    watch(SILENT_LIMIT_MS);
    var downloads = new Promise(function (resolve, reject) {
      rejectDownloads = reject;
      worker.onmessage = function (e) {
        var m = e.data;
        if (m.type === 'bytes') {
          onBytes(m.n);
          watch(SILENT_LIMIT_MS);
        } else if (m.type === 'downloaded') {
          watch(REHEARSAL_LIMIT_MS);
          resolve([m.data, m.module]);
        } else if (m.type === 'failed') {
          reject(new Error(m.error));
          stop('failed');
        } else if (m.type === 'rehearsed') {
          if (!m.ok) console.warn('The start was not rehearsed: ' + m.error);
          // The atlas's pixels go to the drawer now, its layout to the app's font phase, which
          // builds its own (replacing them) where the layout does not fit.
          if (m.fonts) {
            sendToDrawer({ type: 'font', width: m.fonts.width, height: m.fonts.height, pixels: m.fonts.pixels.buffer }, [m.fonts.pixels.buffer]);
            rehearsedLayout = m.fonts.layout;
          }
          stop(m.ok ? 'done' : 'failed');
        }
      };
      worker.onerror = function (e) { e.preventDefault(); stop('failed'); };
    });
    var size = canvasPixels();
    worker.postMessage({ type: 'download', data: DATA_URL, wasm: APP_WASM, runtime: APP_JS, fragment: window.location.hash,
                         width: size.width, height: size.height, ratio: size.ratio });
    var rehearsed = function () {
      var begun = performance.now();
      return new Promise(function (resolve) {
        if (worker) done = resolve;
        else resolve();
      }).then(function () {
        try { performance.measure('portal:rehearsal', { start: begun, end: performance.now() }); } catch (e) { /* no figures */ }
      });
    };
    return { downloads: downloads, rehearsed: rehearsed };
  }

  // Runs fn once the browser has shown the page's first contentful paint (a hidden page paints
  // nothing: at once; a browser that does not report paints: after the next frame; at most 2 s).
  function afterContentfulPaint(fn) {
    var done = false;
    var run = function () { if (!done) { done = true; fn(); } };
    var painted = function () { return performance.getEntriesByName('first-contentful-paint').length > 0; };
    if (document.visibilityState === 'hidden' || painted()) { run(); return; }
    setTimeout(run, 2000);
    try {
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); setTimeout(run, 0); }
      }).observe({ type: 'paint', buffered: true });
    } catch (e) {
      requestAnimationFrame(function () { setTimeout(run, 0); });
    }
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(src + ' could not be loaded')); };
      document.head.appendChild(s);
    });
  }

  // Runs fn in a task of its own once what is queued (input, a paint) has run: not setTimeout(fn, 0),
  // whose clamp to 4 ms adds up over the start's chain of tasks (note above).
  var nextTask = (function () {
    if (typeof MessageChannel !== 'function') return function (fn) { setTimeout(fn, 0); };
    var channel = new MessageChannel(), queue = [];
    channel.port1.onmessage = function () { var fn = queue.shift(); if (fn) fn(); };
    return function (fn) { queue.push(fn); channel.port2.postMessage(0); };
  })();

  // Runs fn when the browser has nothing else to do (never, in a browser without idle callbacks:
  // whatever fn prepares is then made when it is needed).
  function whenIdle(fn) {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(function () { fn(); });
  }

  // How the app reaches the page (library_browser.js): PROTOCOL.bridge.page's members only,
  // documented in src/ui/page_protocol.h. What they share lives in this closure.
  var startData = null, rehearsedLayout = null, runtimeReady = false, registration = null, onStorage = null;
  window.portalBridge = Object.freeze({
    nextTask: nextTask,
    takeStartData: function () { var data = startData; startData = null; return data; },
    takeRehearsedFonts: function () { var layout = rehearsedLayout; rehearsedLayout = null; return layout; },
    draw: function (msg, transfer) { sendToDrawer(msg, transfer); },
    confirm: function () {
      if (drawerState === DRAWER.noWebgl) return;
      drawerState = DRAWER.waiting;
      sendToDrawer({ type: 'confirm' });
    },
    drawerState: function () { return drawerState; },
    // Where it has answered already: in a task of its own; else where the answer arrives.
    whenDrawerAnswers: function (fn, limitMs) {
      var timer = 0;
      var run = function () {
        clearTimeout(timer);
        onAnswer = null;
        fn();
      };
      if (drawerState !== DRAWER.waiting) { nextTask(run); return; }
      onAnswer = run;
      timer = setTimeout(run, Math.max(0, limitMs));
    },
    measure: function (name, start, end) {
      try { performance.measure(name, { start: start, end: end }); } catch (e) { /* an older browser: no figures */ }
    },
    // The first frame is sent to the drawer, the canvas still hidden: the moment the benchmark
    // compares with the bare Dear ImGui baseline's first frame.
    firstFrame: function () {
      performance.mark('portal-first-frame');
      root.dataset.firstFrameMs = performance.now().toFixed(1);
    },
    // The canvas is shown, with the first frame the GPU has drawn, and the app takes over from
    // the static content (web/app.css).
    show: function () { if (root.dataset.appState === 'loading') root.dataset.appState = 'starting'; },
    ready: function (info) {
      performance.mark('portal-shown');
      root.dataset.shownMs = performance.now().toFixed(1);
      root.dataset.appState = 'ready';
      root.dataset.webgl = String(drawingVersion);
      window.portalReady = true;
      window.dispatchEvent(new CustomEvent('portal-ready', { detail: info }));
      // The worker's precaching downloads every file again: not before the first frame is up.
      setTimeout(registerServiceWorker, 0);
      requestPersistentStorage();
    },
    fail: function (message) { fail('The portal could not start: ' + message); },
    // "Reload" on the update banner: the waiting worker takes over, then the page reloads once.
    reload: function () {
      if (registration && registration.waiting) {
        navigator.serviceWorker.addEventListener('controllerchange', function () { window.location.reload(); }, { once: true });
        registration.waiting.postMessage({ type: 'skip-waiting' });
      } else {
        window.location.reload();
      }
    },
    storageFailed: function (why) { root.dataset.storage = 'failed:' + why; },
    watchStorage: function (fn) { onStorage = fn; },
  });

  function wireEvents() {
    var call = function (name, types, args) { Module.ccall(name, null, types, args); };
    window.addEventListener('popstate', function () { call('portal_on_fragment', ['string'], [window.location.hash]); });
    window.addEventListener('hashchange', function () { call('portal_on_fragment', ['string'], [window.location.hash]); });
    document.addEventListener('paste', function (e) {
      // A text field of the semantics tree (library_semantics.js) takes its paste itself.
      if (e.target && e.target.closest && e.target.closest('#semantics')) return;
      var text = (e.clipboardData || window.clipboardData).getData('text');
      if (!text) return;
      e.preventDefault();
      call('portal_on_text', ['string'], [text.slice(0, 1048576)]);
    });
    var file = document.getElementById('file-input');
    file.addEventListener('change', function () {
      var f = file.files && file.files[0];
      if (!f) return;
      if (f.size > 1048576) { call('portal_on_file', ['string', 'string'], [f.name, '']); return; }
      f.text().then(function (text) { call('portal_on_file', ['string', 'string'], [f.name, text]); });
    });
    // Closing, reloading or hiding the tab saves the draft at once.
    window.addEventListener('pagehide', function () { Module._portal_on_hide(); });
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') Module._portal_on_hide(); });
    ['pointerdown', 'keydown', 'wheel', 'touchstart'].forEach(function (type) {
      window.addEventListener(type, function () { Module._portal_on_input(); }, { passive: true, capture: true });
    });
    if (window.matchMedia) {
      window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function (e) {
        call('portal_on_color_scheme', ['number'], [e.matches ? 1 : 0]);
      });
    }
  }

  // Offline and updates: the worker precaches this version; a newer one waits for the page's consent.
  // The manifest is linked once a worker is active (linkManifest), or where none can be.
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) {
      linkManifest();
      return;
    }
    var announced = false;
    var announce = function () {
      if (announced || !window.Module || !Module._portal_on_update_available) return;
      announced = true;
      root.dataset.update = 'available';
      Module._portal_on_update_available();
    };
    navigator.serviceWorker.ready.then(linkManifest);
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      registration = reg;
      var watch = function (worker) {
        worker.addEventListener('statechange', function () {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
          if (worker.state === 'redundant' && !reg.active) linkManifest();  // it could not cache the files
        });
      };
      if (reg.waiting && navigator.serviceWorker.controller) announce();
      if (reg.installing) watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
      root.dataset.serviceWorker = 'registered';
    }).catch(function (e) {
      root.dataset.serviceWorker = 'failed:' + e.message;
      linkManifest();
    });
  }

  // Ask the browser to keep our storage (the draft) under storage pressure. The first draft is
  // written when the visitor has typed something, well after this.
  function requestPersistentStorage() {
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().then(function (ok) { root.dataset.storagePersisted = String(ok); }, function () {});
    }
  }

  // taskBudgetMs: how long one task of the app's start may run its phases back to back
  // (src/platform/web/startup.cpp); 0: each phase a task of its own.
  function start(taskBudgetMs) {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      fail('This browser cannot run WebAssembly, which the interactive portal needs.');
      return;
    }
    // The page's own script for the downloads (a deferred script before this one); a deploy
    // without it would otherwise say nothing but "Loading".
    if (typeof window.portalDownload !== 'function') {
      fail('The portal could not be downloaded (' + DOWNLOAD_JS + ' could not be loaded).');
      return;
    }
    // The page's static content is there to read from the first paint; on a slow connection
    // the status says so.
    setTimeout(function () {
      if (root.dataset.appState !== 'loading') return;
      root.dataset.slow = 'true';
      statusText.textContent = 'Still loading the interactive portal\u2026 Meanwhile, the tiers, fees and how to join are on this page.';
    }, 4000);
    var expected = Number(root.dataset.totalBytes || 0) || 400000, received = 0;
    var onBytes = function (n) {
      received += n;
      progress.value = Math.min(99, Math.round(100 * received / expected));
    };
    // Everything the start downloads is asked for at once: the data and the WebAssembly
    // (web/download.js), here or in its worker (startInWorker), and the runtime script.
    var worker = taskBudgetMs > 0 ? null : startInWorker(onBytes);
    var downloads = !worker ? window.portalDownload(DATA_URL, APP_WASM, onBytes) : worker.downloads.catch(function (e) {
      console.warn('The downloads failed in a worker (' + e.message + '): again on the page.');
      return window.portalDownload(DATA_URL, APP_WASM, onBytes);
    });
    var downloaded = downloads.then(function (results) {
      performance.mark('portal-downloaded-and-compiled');
      return worker ? worker.rehearsed().then(function () { return results; }) : results;
    });
    downloaded.catch(function (e) { fail('The portal could not be downloaded (' + e.message + ').'); });
    // The drawer starts beside the downloads; the app does not wait for it. No WebGL: the page says so.
    var drawing = function () {
      startDrawing().then(function (version) {
        performance.mark('portal-drawer-ready');
        drawingVersion = version;
        if (version) return;
        drawerAnswered(DRAWER.noWebgl);
        drawQueue = null;
        fail('This browser has WebGL turned off or unavailable, which the interactive portal needs.');
      });
    };
    // With the downloads' worker, in a task of its own: making each worker takes several ms.
    if (worker) nextTask(drawing); else drawing();
    // localStorage and its 'storage' events are opened while the page waits, not in the draft's phase:
    // their first use waits on the browser (note above). The app takes the events once it watches.
    var storageOpened = false;
    var openStorage = function () {
      if (storageOpened) return;
      storageOpened = true;
      try { void window.localStorage.length; } catch (e) { /* storage blocked: the app works without it */ }
      window.addEventListener('storage', function (e) { if (onStorage) onStorage(e); });
    };
    // In an idle moment (on a slow phone it takes tens of milliseconds). Not in the next task: on
    // a fast connection the downloads' responses are queued by then, and would wait for it.
    whenIdle(openStorage);
    // The runtime's start and the app's in tasks of their own on a phone; on a desktop each runs
    // in the task that made it due (a step between tasks costs a few ms there).
    var step = taskBudgetMs > 0 ? function (fn) { fn(); } : nextTask;
    window.Module = {
      // Emscripten only instantiates the module compiled above, with its imports.
      instantiateWasm: function (imports, done) {
        downloaded.then(function (results) {
          if (drawerState === DRAWER.noWebgl) return;  // the page says so (startDrawing), nothing to start
          startData = results[0];  // taken by the app (browser_copy_start_data)
          statusText.textContent = 'Starting\u2026';
          // The runtime's start: its constructors, then onRuntimeInitialized.
          return WebAssembly.instantiate(results[1], imports).then(function (instance) {
            step(function () { done(instance, results[1]); });
          });
        }, function () { /* reported above */ }).catch(function (e) { fail('The portal could not start (' + e.message + ').'); });
        return {};
      },
      print: function (t) { console.log(t); },
      printErr: function (t) { console.warn(t); },
      onAbort: function (what) { fail('The portal stopped unexpectedly (' + what + ').'); },
      onRuntimeInitialized: function () {
        performance.mark('portal-instantiated');
        runtimeReady = true;
        wireEvents();
        // The app shows its canvas once the GPU has drawn its first frame (the bridge's show, ready).
        step(function () {
          openStorage();
          Module._portal_start(startData.length, taskBudgetMs);
        });
      },
    };
    loadScript(APP_JS).catch(function (e) { fail('The portal could not be downloaded (' + e.message + ').'); });
  }

  // A desktop-sized window with a mouse asked for the app's files already (the preload links' media
  // query): the start runs at once, in tasks of up to the long-task threshold (50 ms). Elsewhere the
  // downloads wait for the static content's paint, so as not to share a phone's bandwidth with it
  // (note above), and each phase is a task of its own (tens of ms each on a phone).
  var preload = document.querySelector('link[rel="preload"][media]');
  if (preload && window.matchMedia && window.matchMedia(preload.media).matches) start(50);
  else afterContentfulPaint(function () { start(0); });
})();
