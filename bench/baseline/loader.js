// Emscripten's Module for the baseline, and its ready signal for the benchmark.
window.Module = { canvas: document.getElementById('canvas') };
window.baselineReady = function () {
  performance.mark('portal-first-frame');
  document.documentElement.dataset.firstFrameMs = performance.now().toFixed(1);
  document.documentElement.dataset.appState = 'ready';
};
