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
      ctx.fillStyle = '#fff';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(text, left, ascent);
      var rgba = ctx.getImageData(0, 0, width, height).data;
      for (var i = 0, n = width * height; i < n; i++) HEAPU8[pixels + i] = rgba[i * 4 + 3];
    }
    return 1;
  },

  // The drawer's font texture grows to `height` rows, keeping its own; then `width` x `height`
  // texels of coverage at (x, y).
  browser_gl_font_rows: function (height) {
    window.portalBridge.draw({ type: 'font-rows', height: height });
  },
  browser_gl_font_region: function (x, y, width, height, pixels) {
    var copy = HEAPU8.slice(pixels, pixels + width * height);
    window.portalBridge.draw({ type: 'font-region', x: x, y: y, width: width, height: height, pixels: copy.buffer }, [copy.buffer]);
  },
});
