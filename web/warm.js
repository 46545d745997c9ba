// On a phone, the app's start off the page's main thread, before the page runs it (web/app.js):
// the downloads (web/download.js), compiled here as they arrive, then a rehearsal of the start.
// V8 compiles each WebAssembly function at its first call, on the thread that calls it, and the
// code belongs to the module: rehearsed here, on an instance of its own, the start's functions
// are compiled off the page (src/platform/web/warm_up.cpp says what the rehearsal runs).
//
// Messages in, in this order:
//   {type: 'download', script (download.js's URL), data, wasm (their URLs)}: answers
//     {type: 'bytes', n} as they arrive, then {type: 'downloaded', data, module} or
//     {type: 'failed', error} (the page then downloads them itself);
//   {type: 'rehearse', runtime (portal.js's URL), fragment, width, height (the canvas in device
//     pixels), ratio}: answers {type: 'warm', ok, error, fonts (the font atlas it built, as bytes:
//     src/ui/font_atlas_copy.h; null if none)}. The page then lets the worker go; a failed
//     rehearsal only means the page's start compiles (and builds the atlas) as it runs.
'use strict';

var downloaded = null;  // [data, module], once the downloads are in

function download(msg) {
  try {
    importScripts(msg.script);
  } catch (e) {
    self.postMessage({ type: 'failed', error: String(e) });
    return;
  }
  self.portalDownload(msg.data, msg.wasm, function (n) { self.postMessage({ type: 'bytes', n: n }); }).then(function (results) {
    downloaded = results;
    self.postMessage({ type: 'downloaded', data: results[0], module: results[1] });
  }, function (e) {
    self.postMessage({ type: 'failed', error: e && e.message ? e.message : String(e) });
  });
}

function rehearse(msg) {
  var answered = false;
  var answer = function (ok, error) {
    if (answered) return;
    answered = true;
    var fonts = ok && self.Module.portalRehearsedFonts || null;  // kept by the rehearsal (library_browser.js)
    self.postMessage({ type: 'warm', ok: ok, error: error || '', fonts: fonts }, fonts ? [fonts.buffer] : []);
  };
  var data = downloaded[0], module = downloaded[1];
  self.Module = {
    // The module downloaded above, instantiated with this runtime's imports.
    instantiateWasm: function (imports, done) {
      WebAssembly.instantiate(module, imports).then(function (instance) { done(instance, module); },
                                                    function (e) { answer(false, String(e)); });
      return {};
    },
    print: function () {},
    printErr: function (text) { console.warn('rehearsal: ' + text); },
    onAbort: function (what) { answer(false, 'stopped: ' + what); },
    onRuntimeInitialized: function () {
      try {
        var ok = self.Module.ccall('portal_warm_up', 'boolean', ['array', 'number', 'string', 'number', 'number', 'number'],
                                   [data, data.length, msg.fragment, msg.width, msg.height, msg.ratio]);
        answer(ok, ok ? '' : 'the data did not load');
      } catch (e) {
        answer(false, String(e));
      }
    },
  };
  try {
    importScripts(msg.runtime);
  } catch (e) {
    answer(false, String(e));
  }
}

self.onmessage = function (event) {
  var msg = event.data;
  if (msg.type === 'download') download(msg);
  else if (msg.type === 'rehearse' && downloaded) rehearse(msg);
};
