// The app's downloads: its data and its WebAssembly, compiled as it arrives, with their bytes
// reported for the progress bar. The same code on the page (web/app.js, where it starts the app at
// once: a desktop) and in the worker that downloads and rehearses the start (web/warm.js: a
// phone). No DOM here.
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
