// The page's selection over the app's text, in the semantics tree (library_semantics.js), which
// holds every text of the view, not only what the canvas shows. Find in page (Ctrl+F,
// window.find) selects a match there: the app is told which node's text, and where in it, so that
// it scrolls the canvas to it and marks it (App::on_find_match). Text selected on the canvas
// (src/ui/text_selection.h) becomes the page's selection there: the browser's Copy copies it.
// Chromium's find bar selects nothing until it closes; while it is open (from Ctrl+F or F3 to the
// bar's closing selection, or the page's focus, a click or a key coming back) the tree is a scroll
// container whose text starts a screen below and to the right: the browser centres each match in
// it, and the text then at the centre is the match's node.
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
    var tell = function (m) {
      var f = Module['_portal_find_match'];
      if (typeof f !== 'function' || (!m && !told)) return;
      told = m ? m[0] : 0;
      f(m ? m[0] : 0, m ? m[1] : 0, m ? m[2] : 0);
    };
    var finding = false, c = S.root();
    var find = function (on) {
      if (finding === on) return;
      finding = on;
      c.classList.toggle('finding', on);
      // The tree stays as the browser found in it (the canvas scrolling to a match would move it
      // under the bar's next search); the app's latest tree is made once the bar is done.
      S.held = on;
      if (!on) S.publishChunk(true);
    };
    document.addEventListener('selectionchange', function () {
      var m = match();
      if (m) find(false);  // the bar, closing, selects its match: the tree lies over the canvas again
      tell(m);
    });

    // The text nearest the tree's centre once the find bar scrolled it: the match, marked whole
    // (the bar's words are not the page's to read), or the part of it the selection holds.
    var centred = function (c) {
      var box = c.getBoundingClientRect(), x = box.left + c.clientWidth / 2, y = box.top + c.clientHeight / 2;
      var best = null, nearest = Infinity, range = document.createRange();
      S.records.forEach(function (rec) {
        var t = P.textOf(rec);
        if (!t || !t.data.trim()) return;
        range.selectNodeContents(t);
        var rects = range.getClientRects();
        for (var i = 0; i < rects.length; i++) {
          var r = rects[i], dx = Math.max(r.left - x, 0, x - r.right), dy = Math.max(r.top - y, 0, y - r.bottom);
          if (dx * dx + dy * dy < nearest) { nearest = dx * dx + dy * dy; best = [rec.id, 0, t.length]; }
        }
      });
      var m = match();
      return m && best && m[0] === best[0] ? m : best;
    };
    window.addEventListener('keydown', function (e) {
      var k = e.key && e.key.toLowerCase();
      find(k === 'f3' || ((e.ctrlKey || e.metaKey) && (k === 'f' || k === 'g')));
    }, true);
    ['focus', 'pointerdown', 'wheel', 'touchstart'].forEach(function (type) {
      window.addEventListener(type, function () { find(false); }, { capture: true, passive: true });
    });
    c.addEventListener('scroll', function () {
      if (!finding || (!c.scrollTop && !c.scrollLeft)) return;
      var m = centred(c);
      c.scrollTop = c.scrollLeft = 0;
      if (m) tell(m);
    });
  },
});
