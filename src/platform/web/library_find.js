// Find in page (Ctrl+F, window.find): the browser finds the app's text in the semantics tree
// (library_semantics.js), which holds every text of the view, not only what the canvas shows, and
// selects it. The app is told which node's text, and where in it, so that it scrolls the canvas
// to it and marks it (App::on_find_match). Linked with a --js-library of its own.
mergeInto(LibraryManager.library, {
  browser_watch_find__deps: ['$PortalSemantics'],
  browser_watch_find: function () {
    var S = PortalSemantics, told = 0;
    // The node whose text holds the selection's start, and where: [id, start, end] in UTF-16 units.
    var match = function () {
      var sel = document.getSelection();
      if (!sel || !sel.rangeCount || sel.isCollapsed || !S.container) return null;
      var range = sel.getRangeAt(0), text = range.startContainer;
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
