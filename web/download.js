// The app's downloads: its data and its WebAssembly, compiled as it arrives, with their bytes
// reported for the progress bar. On a desktop they run on the page (web/app.js loads this file
// and starts the app at once). On a phone web/app.js runs this same file as a worker, which
// downloads them and then rehearses the app's start on an instance of its own: V8 compiles each
// WebAssembly function at its first call, on the thread that calls it, and the code belongs to
// the module, so the start's functions are compiled there, off the page's main thread
// (src/platform/web/startup.cpp's table says what the rehearsal runs). No DOM here.
'use strict';

// Resolves with [the data's bytes (Uint8Array), the compiled WebAssembly.Module]; onBytes(n) as
// each piece of either arrives.
self.portalDownload = (function () {
  // Reads a response's body, reporting bytes as they arrive; resolves with its chunks.
  function readChunks(response, onBytes) {
    if (!response.body || !response.body.getReader) {
      return response.arrayBuffer().then(function (buf) { onBytes(buf.byteLength); return [new Uint8Array(buf)]; });
    }
    var reader = response.body.getReader(), chunks = [];
    function pump() {
      return reader.read().then(function (step) {
        if (step.done) return chunks;
        chunks.push(step.value);
        onBytes(step.value.length);
        return pump();
      });
    }
    return pump();
  }

  function joinChunks(chunks) {
    var out = new Uint8Array(chunks.reduce(function (n, c) { return n + c.length; }, 0)), offset = 0;
    chunks.forEach(function (c) { out.set(c, offset); offset += c.length; });
    return out;
  }

  // The ?v= of the page's version keeps them fresh.
  function fetchOk(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      return response;
    });
  }

  // Compiles the WebAssembly as it downloads. The compiler reads the response itself, off the
  // thread that asked, so whatever that thread does meanwhile does not hold it up; a copy of the
  // body is read for the progress bar, and compiled instead if the server sent the wrong
  // Content-Type for streaming compilation.
  function compileWithProgress(url, onBytes) {
    return fetchOk(url).then(function (response) {
      if (!WebAssembly.compileStreaming) return readChunks(response, onBytes).then(function (c) { return WebAssembly.compile(joinChunks(c)); });
      var copy = readChunks(response.clone(), onBytes);  // joined only if it is needed
      return WebAssembly.compileStreaming(response).catch(function () {
        return copy.then(function (chunks) { return WebAssembly.compile(joinChunks(chunks)); });
      });
    });
  }

  // Both at once. The data's bytes go to the app as they are (it reads UTF-8).
  return function download(dataUrl, wasmUrl, onBytes) {
    var data = fetchOk(dataUrl).then(function (r) { return readChunks(r, onBytes); }).then(joinChunks);
    return Promise.all([data, compileWithProgress(wasmUrl, onBytes)]);
  };
})();

// The worker: one message in ('download'); answers 'bytes' as the downloads arrive, then
// 'downloaded' or 'failed' (the page then downloads them itself), then 'rehearsed' (the fields:
// src/ui/page_protocol.h). A failed rehearsal only means the page's start compiles as it runs.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.onmessage = function (event) {
    var msg = event.data, answered = false, fonts = null;
    if (!msg || msg.type !== 'download') return;
    // The rehearsal's bridge (src/ui/page_protocol.h: its members), as the page's is the app's.
    self.portalBridge = Object.freeze({
      takeStartData: function () { return downloaded[0]; },
      keepRehearsedFonts: function (layout, pixels, width, height) {
        fonts = { layout: layout, pixels: pixels, width: width, height: height };
      },
    });
    // After 'downloaded' (a rehearsal that fails early still hands over the downloads).
    var answer = function (ok, error) {
      if (answered) return;
      answered = true;
      var kept = ok ? fonts : null;
      downloads.then(function () {
        self.postMessage({ type: 'rehearsed', ok: ok, error: error || '', fonts: kept }, kept ? [kept.layout.buffer, kept.pixels.buffer] : []);
      }, function () {});
    };
    var downloaded = null;  // [data, module]
    var downloads = self.portalDownload(msg.data, msg.wasm, function (n) { self.postMessage({ type: 'bytes', n: n }); });
    downloads.then(function (results) {
      downloaded = results;
      self.postMessage({ type: 'downloaded', data: results[0], module: results[1] });
    }, function (e) {
      answered = true;  // nothing to rehearse
      self.postMessage({ type: 'failed', error: e && e.message ? e.message : String(e) });
    });
    // The runtime loads while the downloads run; it instantiates the module once it is in.
    self.Module = {
      instantiateWasm: function (imports, done) {
        downloads.then(function (results) {
          return WebAssembly.instantiate(results[1], imports).then(function (instance) { done(instance, results[1]); });
        }).catch(function (e) { answer(false, String(e)); });
        return {};
      },
      print: function () {},
      printErr: function (text) { console.warn('rehearsal: ' + text); },
      onAbort: function (what) { answer(false, 'stopped: ' + what); },
      onRuntimeInitialized: function () {
        try {
          var ok = self.Module.ccall('portal_rehearse', 'boolean', ['number', 'string', 'number', 'number', 'number'],
                                     [downloaded[0].length, msg.fragment, msg.width, msg.height, msg.ratio]);
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
  };
}
