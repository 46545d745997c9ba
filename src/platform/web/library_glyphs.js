// Characters the embedded fonts lack, drawn by the browser with the device's fonts (its font
// fallback: any script the device has a font for, emoji included), one at a time on a 2D canvas,
// read back as coverage for the font atlas (src/ui/extra_glyphs.h), and the messages that put
// them in the drawer's texture (web/draw.js: 'font-rows', 'font-region'). Linked with a
// --js-library of its own.
mergeInto(LibraryManager.library, {
  $PortalGlyphs: {
    // The page's own font stack (web/app.css): the browser's choice for the device.
    FAMILY: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    ctx: null,
    context: function (width, height) {
      var G = PortalGlyphs, c = G.ctx && G.ctx.canvas;
      if (!c || c.width < width || c.height < height) {
        var w = Math.max(64, width, c ? c.width : 0), h = Math.max(64, height, c ? c.height : 0);
        c = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(w, h) : document.createElement('canvas');
        c.width = w;
        c.height = h;
        G.ctx = c.getContext('2d', { willReadFrequently: true });
      }
      return G.ctx;
    },
    // Where the browser puts a caret before each UTF-16 unit of `text` and after it, in px from
    // the left of its advance: a collapsed Range's rectangle in an element laid out as the canvas
    // draws the text (its bidi, its shaping), taken out again at once. Without a document (a
    // worker), the widths of the text's beginnings, mirrored for right-to-left.
    carets: function (text, font, rtl, out) {
      var n = text.length, k;
      if (typeof document === 'undefined' || !document.body) {
        var ctx = PortalGlyphs.context(1, 1), total = ctx.measureText(text).width;
        for (k = 0; k <= n; k++) {
          var w = ctx.measureText(text.slice(0, k)).width;
          out[k] = rtl ? total - w : w;
        }
        return;
      }
      var span = document.createElement('span');
      span.dir = rtl ? 'rtl' : 'ltr';
      span.style.cssText = 'position:fixed;left:0;top:0;visibility:hidden;white-space:pre;letter-spacing:normal;line-height:normal';
      span.style.font = font;
      span.textContent = text;
      document.body.appendChild(span);
      var left = span.getBoundingClientRect().left, range = document.createRange(), node = span.firstChild;
      for (k = 0; k <= n; k++) {
        var code = k > 0 && k < n ? text.charCodeAt(k) : 0;
        if (code >= 0xDC00 && code <= 0xDFFF) {  // inside a surrogate pair: where its character starts
          out[k] = out[k - 1];
          continue;
        }
        range.setStart(node, k);
        range.setEnd(node, k);
        var rects = range.getClientRects();
        out[k] = rects.length ? rects[0].left - left : k > 0 ? out[k - 1] : 0;
      }
      span.remove();
    },
  },

  // Draws code point `codepoint` at `size` px and `weight`; writes its metrics as 5 floats at
  // `metrics` (width, height, left, top, advance: extra_glyphs.h, GlyphImage) and its coverage,
  // width x height bytes, at `pixels` if it fits in `capacity`. 1: drawn; 0: too big or no 2D canvas.
  browser_rasterise_glyph__deps: ['$PortalGlyphs'],
  browser_rasterise_glyph: function (codepoint, size, weight, metrics, pixels, capacity) {
    var G = PortalGlyphs, text = String.fromCodePoint(codepoint), font = weight + ' ' + size + 'px ' + G.FAMILY;
    var ctx = G.context(1, 1);
    if (!ctx) return 0;
    ctx.font = font;
    ctx.direction = 'ltr';
    ctx.textAlign = 'left';
    var m = ctx.measureText(text);
    var left = Math.max(0, Math.ceil(m.actualBoundingBoxLeft || 0)), right = Math.ceil(m.actualBoundingBoxRight || 0);
    var ascent = Math.ceil(m.actualBoundingBoxAscent || 0), descent = Math.ceil(m.actualBoundingBoxDescent || 0);
    var width = Math.max(0, left + right), height = Math.max(0, ascent + descent);
    if (width === 0 || height === 0) width = height = 0;  // a space: an advance, no ink
    HEAPF32.set([width, height, -left, ascent, m.width], metrics >> 2);
    if (width * height > capacity) return 0;
    if (width > 0) {
      ctx = G.context(width, height);
      ctx.clearRect(0, 0, width, height);
      ctx.font = font;  // (a new canvas starts with its own state)
      ctx.direction = 'ltr';
      ctx.textAlign = 'left';
      ctx.fillStyle = '#fff';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(text, left, ascent);
      var rgba = ctx.getImageData(0, 0, width, height).data;
      for (var i = 0, n = width * height; i < n; i++) HEAPU8[pixels + i] = rgba[i * 4 + 3];
    }
    return 1;
  },

  // Draws a run of UTF-8 text (`length` bytes at `text`) whole, as the browser shapes and orders
  // it (base direction right-to-left if `rtl`), at `size` px and `weight`: metrics and coverage as
  // browser_rasterise_glyph, and `caret_count` floats at `carets` (PortalGlyphs.carets).
  browser_rasterise_run__deps: ['$PortalGlyphs'],
  browser_rasterise_run: function (text, length, size, weight, rtl, metrics, pixels, capacity, carets, caret_count) {
    var G = PortalGlyphs, font = weight + ' ' + size + 'px ' + G.FAMILY;
    text = UTF8ToString(text, length);
    var setUp = function (ctx) {
      ctx.font = font;
      ctx.direction = rtl ? 'rtl' : 'ltr';
      ctx.textAlign = 'left';  // x is the left of the advance, whichever the direction
      ctx.textBaseline = 'alphabetic';
      return ctx;
    };
    var ctx = G.context(1, 1);
    if (!ctx || text.length + 1 !== caret_count) return 0;
    var m = setUp(ctx).measureText(text);
    // The ink's left and right are found in the pixels: engines measure a right-to-left run's
    // bounding box from different ends (Firefox's is not where Chromium's is), its height alike.
    var pad = Math.ceil(size), ascent = Math.ceil(m.actualBoundingBoxAscent || 0), descent = Math.ceil(m.actualBoundingBoxDescent || 0);
    var full = Math.ceil(m.width) + 2 * pad, height = Math.max(0, ascent + descent), width = 0, x0 = 0;
    if (full * height > 4 * capacity) return 0;
    if (height > 0) {
      ctx = setUp(G.context(full, height));  // (a new canvas starts with its own state)
      ctx.clearRect(0, 0, full, height);
      ctx.fillStyle = '#fff';
      ctx.fillText(text, pad, ascent);
      var rgba = ctx.getImageData(0, 0, full, height).data, x1 = -1, x, y;
      x0 = full;
      for (y = 0; y < height; y++)
        for (x = 0; x < full; x++)
          if (rgba[(y * full + x) * 4 + 3]) x0 = Math.min(x0, x), x1 = Math.max(x1, x);
      width = Math.max(0, x1 - x0 + 1);
      if (width * height > capacity) return 0;
      for (y = 0; y < height; y++)
        for (x = 0; x < width; x++) HEAPU8[pixels + y * width + x] = rgba[(y * full + x0 + x) * 4 + 3];
    }
    if (width === 0) height = 0;  // blanks: an advance, no ink
    HEAPF32.set([width, height, x0 - pad, ascent, m.width], metrics >> 2);
    var out = new Float32Array(caret_count);
    G.carets(text, font, rtl, out);
    HEAPF32.set(out, carets >> 2);
    return 1;
  },

  // The advance of a run as browser_rasterise_run draws it (measureText's width), for breaking lines.
  browser_measure_run__deps: ['$PortalGlyphs'],
  browser_measure_run: function (text, length, size, weight, rtl) {
    var ctx = PortalGlyphs.context(1, 1);
    if (!ctx) return -1;
    ctx.font = weight + ' ' + size + 'px ' + PortalGlyphs.FAMILY;
    ctx.direction = rtl ? 'rtl' : 'ltr';
    return ctx.measureText(UTF8ToString(text, length)).width;
  },

  // The drawer's font texture grows to `height` rows, keeping its own; then `width` x `height`
  // texels of coverage at (x, y).
  browser_gl_font_rows__deps: ['$pageBridge'],
  browser_gl_font_rows: function (height) {
    pageBridge().draw({ type: 'font-rows', height: height });
  },
  browser_gl_font_region__deps: ['$pageBridge'],
  browser_gl_font_region: function (x, y, width, height, pixels) {
    var copy = HEAPU8.slice(pixels, pixels + width * height);
    pageBridge().draw({ type: 'font-region', x: x, y: y, width: width, height: height, pixels: copy.buffer }, [copy.buffer]);
  },
});
