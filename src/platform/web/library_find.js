// The page's selection over the app's text, in the semantics tree (library_semantics.js), which
// holds every text of the view, not only what the canvas shows. Find in page (Ctrl+F,
// window.find) selects a match there: the app is told which node's text, and where in it, so that
// it scrolls the canvas to it and marks it (App::on_find_match). Text selected on the canvas
// (src/ui/text_selection.h) becomes the page's selection there: the browser's Copy copies it.
// Linked with a --js-library of its own.
mergeInto(LibraryManager.library, {
  $PortalSelection: {
    set: null,  // the range the app last selected: not a find's match
    // The text node of a record's own text.
    textOf: function (rec) {
      var t = rec && rec.nameEl;
      if (t && t.nodeType !== 3) t = t.firstChild;
      return t && t.nodeType === 3 ? t : null;
    },
    // UTF-16 units of the first `bytes` bytes of UTF-8 text.
    units: function (text, bytes) {
      var i = 0;
      for (var b = 0; i < text.length && b < bytes; i++) {
        var c = text.charCodeAt(i);
        if (c >= 0xD800 && c < 0xDC00) { b += 4; i++; } else b += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
      return i;
    },
  },

  browser_select_text__deps: ['$PortalSemantics', '$PortalSelection'],
  browser_select_text: function (fromId, from, toId, to) {
    var S = PortalSemantics, P = PortalSelection, sel = document.getSelection();
    if (!sel || !S.records) return;
    var a = P.textOf(S.records.get(fromId >>> 0)), b = P.textOf(S.records.get(toId >>> 0));
    if (!a || !b) {
      if (P.set) sel.removeAllRanges();
      P.set = null;
      return;
    }
    var range = document.createRange();
    range.setStart(a, P.units(a.data, from));
    range.setEnd(b, P.units(b.data, to));
    P.set = range;
    sel.removeAllRanges();
    sel.addRange(range);
  },

  browser_watch_find__deps: ['$PortalSemantics', '$PortalSelection'],
  browser_watch_find: function () {
    var S = PortalSemantics, P = PortalSelection, told = 0;
    // The node whose text holds the selection's start, and where: [id, start, end] in UTF-16 units.
    var match = function () {
      var sel = document.getSelection();
      if (!sel || !sel.rangeCount || sel.isCollapsed || !S.container) return null;
      var range = sel.getRangeAt(0), text = range.startContainer, own = P.set;
      if (own && own.startContainer === text && own.startOffset === range.startOffset && own.endContainer === range.endContainer &&
          own.endOffset === range.endOffset) return null;  // the app's own selection
      if (text.nodeType !== 3 || !S.container.contains(text)) return null;
      var rec = S.recordOf(text.parentNode);
      if (!rec || (rec.nameEl !== text && rec.nameEl !== text.parentNode)) return null;
      return [rec.id, range.startOffset, range.endContainer === text ? range.endOffset : text.length];
    };
    document.addEventListener('selectionchange', function () {
      var f = Module['_portal_find_match'];
      if (typeof f !== 'function') return;
      var m = match();
      if (!m && !told) return;
      told = m ? m[0] : 0;
      f(m ? m[0] : 0, m ? m[1] : 0, m ? m[2] : 0);
    });
  },
});
