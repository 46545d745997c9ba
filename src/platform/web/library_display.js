// The person's display settings, read from the page's media queries for the canvas, which the
// browser's own settings do not reach: forced colours (Windows high contrast) and the system
// colours it asks for, more contrast, reduced motion. Linked with a --js-library of its own.
mergeInto(LibraryManager.library, {
  $PortalDisplay: {
    QUERIES: ['(forced-colors: active)', '(prefers-contrast: more)', '(prefers-reduced-motion: reduce)'],
    // The system colours the palette takes under forced colours (src/ui/theme.h, SystemColours), in its order.
    SYSTEM_COLOURS: ['Canvas', 'CanvasText', 'ButtonFace', 'ButtonText', 'Highlight', 'HighlightText'],
    matches: function (query) { return window.matchMedia && window.matchMedia(query).matches ? 1 : 0; },
    // 0xRRGGBB of a CSS colour as the page resolves it (a system colour is resolved to the device's).
    resolve: function (probe, colour) {
      probe.style.color = colour;
      var m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
      return m ? (Number(m[1]) << 16) | (Number(m[2]) << 8) | Number(m[3]) : -1;
    },
  },

  // Fills 9 ints at `out`: forced colours, more contrast, reduced motion (1 or 0), then the system
  // colours (-1 where unread). The colours are read only under forced colours: a style resolved
  // for nothing otherwise.
  browser_display_settings__deps: ['$PortalDisplay'],
  browser_display_settings: function (out) {
    var D = PortalDisplay, values = D.QUERIES.map(D.matches);
    var probe = null;
    if (values[0]) {
      probe = document.createElement('span');
      probe.setAttribute('aria-hidden', 'true');
      probe.className = 'offscreen';
      document.body.appendChild(probe);
    }
    D.SYSTEM_COLOURS.forEach(function (name) { values.push(probe ? D.resolve(probe, name) : -1); });
    if (probe) probe.remove();
    HEAP32.set(values, out >> 2);
  },

  // Calls portal_on_display_settings when any of them changes (the colour scheme too: the system
  // colours follow it).
  browser_watch_display_settings__deps: ['$PortalDisplay'],
  browser_watch_display_settings: function () {
    if (!window.matchMedia) return;
    PortalDisplay.QUERIES.concat(['(prefers-color-scheme: dark)']).forEach(function (query) {
      window.matchMedia(query).addEventListener('change', function () {
        if (Module['_portal_on_display_settings']) Module['_portal_on_display_settings']();
      });
    });
  },
});
