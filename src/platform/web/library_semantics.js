// The semantics tree (its other half: src/ui/semantics.h, the nodes and actions): real DOM controls over
// the canvas, built from the nodes the widgets record in the frame that draws them, so screen
// readers, voice control, keyboard users and autofill act on the same widgets the canvas shows.
// Linked with a second --js-library. Elements come from a fixed list, attributes from a fixed
// list, text through textContent only (the CSP allows no inline code and none is needed).
// Updates diff against the last tree by node id: an element is made once and only what changed is
// written, so the focused control, its text and its selection survive every update.
mergeInto(LibraryManager.library, {
  $PortalSemantics__deps: ['malloc', 'free', '$portalProtocol'],
  $PortalSemantics: {
    container: null,
    records: null,       // node id -> record { id, role, shape, node, outer, box, offset, control, nameEl, ... }
    byElement: null,     // control element -> record (events)
    quiet: 0,            // > 0 while the app publishes: changes it makes are not sent back
    appFocus: false,     // true while the app moves the focus (browser_semantics_focus)
    pendingFocus: -1,    // an id the app focused before its element existed
    pending: null,       // a tree not yet wholly made (publishChunk)
    held: false,         // while the find bar is open (library_find.js): trees wait in `pending`
    made: 0,             // records made by the publish running ...
    limit: Infinity,     // ... how many it may make ...
    until: Infinity,     // ... and until when (performance.now())
    skipped: false,      // whether it left records for the next chunk
    deferred: false,     // whether it left selects for the whole tree made when the app shows
    done: null,          // ids made or updated from the tree being made in chunks (doneFor)
    doneFor: null,
    chunkAsked: false,   // an animation frame asked for the next chunk
    // While the app is still hidden (its start), the tree is made this many records a frame: the
    // browser styles and lays out each chunk in a frame of its own, none of them a long task on a
    // phone (the Tiers view, made at once: 136 elements, a 30 ms task in Lighthouse's trace; 40
    // records: 4-10 ms a chunk here, unthrottled). A chunk also ends once it has taken CHUNK_MS:
    // on a busy phone, where another thread can hold the core, its task stays short all the same.
    CHUNK: 25,
    CHUNK_MS: 3,

    // The roles whose element is a wrapper holding a <label> and the control.
    FIELDS: { checkbox: 1, radio: 1, combobox: 1, slider: 1, spinbutton: 1, textbox: 1 },

    root: function () {
      var semantics = PortalSemantics;
      if (semantics.container) return semantics.container;
      var c = document.getElementById('semantics');
      if (!c) {  // a page without the container in its HTML still gets one, after the canvas
        c = document.createElement('div');
        c.id = 'semantics';
        c.setAttribute('role', 'main');
        c.setAttribute('aria-label', document.title);
        var canvas = document.getElementById('canvas'), app = canvas && canvas.parentNode;
        if (app && app.parentNode) app.parentNode.insertBefore(c, app.nextSibling); else document.body.appendChild(c);
      }
      semantics.container = c;
      semantics.records = new Map();
      semantics.byElement = new WeakMap();
      semantics.listen(c);
      return c;
    },

    // Calls portal_semantic_action(id, action, value) if the app exports it; the value is copied
    // to the heap (a pasted text can be a megabyte: too big for the stack).
    send: function (id, action, value) {
      var f = Module['_portal_semantic_action'];
      if (typeof f !== 'function') return;
      var s = value === undefined || value === null ? '' : String(value);
      var n = lengthBytesUTF8(s) + 1;
      var p = _malloc(n);
      stringToUTF8(s, p, n);
      try { f(id, action, p); } finally { _free(p); }
    },

    sendCaret: function (rec, el) {
      var f = Module['_portal_semantic_caret'];
      var start = el.selectionStart, end = el.selectionEnd;
      if (typeof f !== 'function' || start === null || start === undefined) return;
      if (rec.caretSent && rec.caretSent[0] === start && rec.caretSent[1] === end) return;
      rec.caretSent = [start, end];
      rec.caretsSent.push(start + ',' + end);
      if (rec.caretsSent.length > 32) rec.caretsSent.shift();
      f(rec.id, start, end);
    },

    recordOf: function (target) {
      var semantics = PortalSemantics;
      for (var n = target; n && n !== semantics.container; n = n.parentNode) {
        var rec = semantics.byElement.get(n);
        if (rec) return rec;
      }
      return null;
    },

    listen: function (c) {
      var semantics = PortalSemantics;
      // A value typed, composed, pasted, autofilled or stepped: sent once (input and change both come).
      var textValue = function (e) {
        var rec = semantics.recordOf(e.target);
        if (!rec || semantics.quiet) return;
        if (rec.role !== 'textbox' && rec.role !== 'slider' && rec.role !== 'spinbutton') return;
        // At most 1 MB of text, as a paste on the canvas (web/app.js): the field shows what the app keeps.
        var v = rec.control.value;
        if (v.length > 1048576) rec.control.value = v = v.slice(0, 1048576);
        if (e.type !== 'input' && v === rec.valueSent) return;
        rec.valueSent = v;
        if (rec.role === 'textbox') {
          rec.sent.push(v);
          if (rec.sent.length > 64) rec.sent.shift();
        }
        semantics.send(rec.id, portalProtocol.action.setValue, v);
      };
      c.addEventListener('click', function (e) {
        var rec = semantics.recordOf(e.target);
        if (!rec || semantics.quiet) return;
        if (rec.role === 'link') e.preventDefault();
        if ((rec.role === 'button' || rec.role === 'tab' || rec.role === 'link') && !rec.node.disabled) semantics.send(rec.id, portalProtocol.action.activate, '');
      });
      c.addEventListener('change', function (e) {
        var rec = semantics.recordOf(e.target);
        if (!rec || semantics.quiet) return;
        var el = rec.control;
        var setValue = portalProtocol.action.setValue;
        if (rec.role === 'checkbox') semantics.send(rec.id, setValue, el.checked ? 'true' : 'false');
        else if (rec.role === 'radio') { if (el.checked) semantics.send(rec.id, setValue, 'true'); }
        else if (rec.role === 'combobox') { if (el.value) semantics.send(rec.id, setValue, el.value); }
        else textValue(e);  // text fields: autofill and spell-check replacements also end here
      });
      c.addEventListener('input', function (e) { if (e.target.tagName !== 'SELECT') textValue(e); });
      c.addEventListener('compositionend', textValue);
      // A focus the app caused itself (browser_semantics_focus: a click or arrow keys on the
      // canvas) is not sent back, but for a text field: the app learns from it that the page's
      // input is now that field's editor.
      c.addEventListener('focusin', function (e) {
        var rec = semantics.recordOf(e.target);
        if (!rec || e.target !== rec.control) return;
        if (semantics.appFocus && rec.role !== 'textbox') return;
        semantics.send(rec.id, portalProtocol.action.focus, '');
      });
      c.addEventListener('focusout', function (e) {
        var rec = semantics.recordOf(e.target);
        if (!rec || e.target !== rec.control) return;
        semantics.send(rec.id, portalProtocol.action.blur, '');
      });
      // Where the caret is, so the canvas draws it there: selectionchange where the browser fires
      // it (the document, or the field), and select/keyup where it does not.
      var caret = function () {
        var a = document.activeElement;
        var rec = a && semantics.byElement.get(a);
        if (rec && rec.role === 'textbox' && !semantics.quiet) semantics.sendCaret(rec, a);
      };
      document.addEventListener('selectionchange', caret, true);
      c.addEventListener('select', caret);
      c.addEventListener('keyup', caret);
    },

    // What decides the element: a node whose shape changes gets a new element.
    shape: function (node) {
      var role = String(node.role || '');
      if (role === 'heading') return 'h' + Math.min(4, Math.max(1, node.level | 0 || 2));
      if (role === 'textbox') return node.multiline ? 'textarea' : 'input';
      // A header cell with no words heads nothing (the corner of a table): a plain cell.
      var empty = !node.name && !(node.children && node.children.length);
      if ((role === 'columnheader' || role === 'rowheader') && empty) return 'cell';
      return role;
    },

    make: function (node, id, shape) {
      var semantics = PortalSemantics;
      var el = function (tag) { return document.createElement(tag); };
      var rec = { id: id, role: String(node.role || ''), shape: shape, node: {}, outer: null, box: null, offset: 0,
                  control: null, nameEl: null, ariaName: false, positioned: true, sent: [], valueSent: null, caretsSent: [], caretSent: null, error: null };
      var role = rec.role = shape === 'cell' ? 'cell' : rec.role;
      if (semantics.FIELDS[role]) {
        // A wrapper at the widget's rectangle holding the label and the control, both filling it.
        var w = el('div');
        w.className = 'field';
        var label = el('label');
        var control;
        if (role === 'combobox') control = el('select');
        else if (role === 'textbox' && shape === 'textarea') control = el('textarea');
        else {
          control = el('input');
          control.type = role === 'checkbox' ? 'checkbox' : role === 'radio' ? 'radio' : role === 'slider' ? 'range'
                       : role === 'spinbutton' ? 'number' : 'text';
        }
        control.id = 'sem-' + id;
        label.htmlFor = control.id;
        w.appendChild(label);
        w.appendChild(control);
        rec.outer = w;
        rec.control = control;
        rec.nameEl = label;
        if (role === 'combobox') rec.box = control;
      } else if (shape.charAt(0) === 'h' && role === 'heading') {
        rec.outer = rec.nameEl = el(shape);
      } else if (role === 'button' || role === 'tab') {
        var b = el('button');
        b.type = 'button';
        if (role === 'tab') b.setAttribute('role', 'tab');
        rec.outer = rec.control = rec.nameEl = b;
      } else if (role === 'link') {
        var a = el('a');
        a.setAttribute('href', '#');
        rec.outer = rec.control = rec.nameEl = a;
      } else if (role === 'option') {
        var o = el('option');
        o.value = String(id);
        rec.outer = rec.nameEl = o;
        rec.positioned = false;
      } else if (role === 'text' || role === 'status') {
        rec.outer = rec.nameEl = el('p');
        if (role === 'status') rec.outer.setAttribute('role', 'status');
      } else if (role === 'table') {
        rec.outer = rec.box = el('table');
        rec.nameEl = el('caption');
        rec.outer.appendChild(rec.nameEl);
        rec.offset = 1;
      } else if (role === 'row') {
        rec.outer = rec.box = el('tr');
      } else if (role === 'columnheader' || role === 'rowheader' || role === 'cell' || role === 'listitem') {
        rec.outer = rec.box = el(role === 'cell' ? 'td' : role === 'listitem' ? 'li' : 'th');
        if (role !== 'cell' && role !== 'listitem') rec.outer.setAttribute('scope', role === 'columnheader' ? 'col' : 'row');
        // The cell's own text, a text node (an element of its own was a second style to resolve
        // per cell); the widgets inside it, elements, follow.
        rec.nameEl = document.createTextNode('');
        rec.outer.appendChild(rec.nameEl);
      } else if (role === 'list') {
        rec.outer = rec.box = el('ul');
      } else if (role === 'group') {
        rec.outer = rec.box = el('section');
        rec.ariaName = true;
      } else if (role === 'fieldset') {  // a labelled set of checkboxes: the browser's own group
        rec.outer = rec.box = el('fieldset');
        rec.ariaName = true;
      } else if (role === 'tablist' || role === 'radiogroup' || role === 'dialog' || role === 'image') {
        rec.outer = rec.box = el('div');
        rec.outer.setAttribute('role', role === 'image' ? 'img' : role);
        if (role === 'dialog') rec.outer.setAttribute('aria-modal', 'true');
        rec.ariaName = true;
      } else {  // a role this page does not know: its text is still read
        rec.outer = rec.box = el('div');
        rec.nameEl = document.createTextNode('');
        rec.outer.appendChild(rec.nameEl);
      }
      if (rec.control) semantics.byElement.set(rec.control, rec);
      if (rec.outer !== rec.control) semantics.byElement.set(rec.outer, rec);
      return rec;
    },

    attr: function (el, name, value) {
      if (value === null || value === undefined || value === false) {
        if (el.hasAttribute(name)) el.removeAttribute(name);
      } else {
        var v = String(value);
        if (el.getAttribute(name) !== v) el.setAttribute(name, v);
      }
    },

    text: function (el, value) {
      var v = value === undefined || value === null ? '' : String(value);
      if (el.textContent !== v) el.textContent = v;
    },

    place: function (rec, node, origin) {
      var style = rec.outer.style, r = node.rect;
      var px = function (v) { return (Math.round(Number(v) * 100) / 100 || 0) + 'px'; };
      var ok = Array.isArray(r) && r.length === 4;
      var left = px(ok ? r[0] - origin[0] : 0), top = px(ok ? r[1] - origin[1] : 0);
      var width = px(ok ? Math.max(0, r[2]) : 0), height = px(ok ? Math.max(0, r[3]) : 0);
      if (style.left !== left) style.left = left;
      if (style.top !== top) style.top = top;
      if (style.width !== width) style.width = width;
      if (style.height !== height) style.height = height;
    },

    // Writes what the node says into its elements: only what differs from the DOM.
    update: function (rec, node, origin, parent, index) {
      var semantics = PortalSemantics, el = rec.control, role = rec.role, attr = semantics.attr;
      var name = node.name === undefined || node.name === null ? '' : String(node.name);
      if (rec.positioned) semantics.place(rec, node, origin);
      if (rec.nameEl) semantics.text(rec.nameEl, name);
      if (rec.ariaName) attr(rec.outer, 'aria-label', name || null);
      if (role === 'button' || role === 'tab' || role === 'link') {
        attr(el, 'aria-disabled', node.disabled ? 'true' : null);
        // A collapsible section's header comes first in its group: collapsed unless expanded.
        var header = parent && parent.role === 'group' && index === 0 && role === 'button';
        attr(el, 'aria-expanded', node.expanded ? 'true' : header || node.expanded === false ? 'false' : null);
        if (role === 'tab') {
          attr(el, 'aria-selected', node.current || node.selected ? 'true' : 'false');
          attr(el, 'aria-current', node.current ? 'page' : null);
        }
      } else if (role === 'option') {
        if (rec.outer.selected !== !!node.selected) rec.outer.selected = !!node.selected;
        attr(rec.outer, 'disabled', node.disabled ? '' : null);
      } else if (semantics.FIELDS[role]) {
        attr(el, 'aria-disabled', node.disabled ? 'true' : null);
        attr(el, 'aria-required', node.required ? 'true' : null);
        if (role === 'checkbox' || role === 'radio') {
          if (el.checked !== !!node.checked) el.checked = !!node.checked;
          if (role === 'radio') attr(el, 'name', parent && parent.role === 'radiogroup' ? 'sem-group-' + parent.id : null);
        } else if (role === 'slider' || role === 'spinbutton') {
          ['min', 'max', 'step'].forEach(function (k) { attr(el, k, typeof node[k] === 'number' && isFinite(node[k]) ? node[k] : null); });
          var v = node.value === undefined || node.value === null ? '' : String(node.value);
          if (el.value !== v && !(document.activeElement === el && rec.lastValue === v)) el.value = v;
          rec.lastValue = v;
        } else if (role === 'textbox') {
          attr(el, 'maxlength', '1048576');  // a paste is cut to 1 MB, as web/app.js cuts one on the canvas
          semantics.updateText(rec, node);
        }
        // A select fills from the browser's autofill too (the country: autocomplete="country-name").
        if (role === 'combobox') attr(el, 'autocomplete', typeof node.autocomplete === 'string' && /^[a-z0-9 -]{1,64}$/i.test(node.autocomplete) ? node.autocomplete : null);
        if (role === 'textbox' || role === 'combobox') {
          attr(el, 'aria-invalid', node.invalid ? 'true' : 'false');
          semantics.updateError(rec, node);
        }
      }
      rec.node = node;
    },

    updateText: function (rec, node) {
      var semantics = PortalSemantics, el = rec.control, attr = semantics.attr;
      var kind = String(node.kind || 'text');
      // type=text for every kind: browsers give no caret position (selectionStart) in type=email;
      // inputmode brings the phone keyboard for the kind, autocomplete the browser's autofill.
      if (rec.shape === 'input') {
        attr(el, 'inputmode', kind === 'email' ? 'email' : kind === 'url' ? 'url' : null);
        attr(el, 'spellcheck', kind === 'email' || kind === 'url' ? 'false' : null);
        attr(el, 'autocapitalize', kind === 'email' || kind === 'url' ? 'off' : null);
      }
      var token = typeof node.autocomplete === 'string' && /^[a-z0-9 -]{1,64}$/i.test(node.autocomplete) ? node.autocomplete : null;
      attr(el, 'autocomplete', token);
      attr(el, 'placeholder', node.placeholder ? String(node.placeholder) : null);
      if (el.readOnly !== !!node.readonly) el.readOnly = !!node.readonly;
      var v = node.value === undefined || node.value === null ? '' : String(node.value);
      var focused = document.activeElement === el;
      // While the person types, the app's tree can lag a keystroke behind: a value this field
      // sent is an echo, not a change. Any other value is the app's (a loaded file, a reset).
      var echo = focused ? rec.sent.lastIndexOf(v) : -1;
      var wrote = false;
      if (echo >= 0) rec.sent.splice(0, echo + 1);
      else if (el.value !== v) { el.value = v; rec.sent = []; wrote = true; }
      var caret = Array.isArray(node.caret) && node.caret.length === 2 ? node.caret : null;
      if (focused && caret && el.value === v) {
        var key = caret[0] + ',' + caret[1];
        var moved = !rec.node.caret || rec.node.caret[0] !== caret[0] || rec.node.caret[1] !== caret[1];
        var own = rec.caretsSent.lastIndexOf(key);
        if (own >= 0) rec.caretsSent.splice(0, own + 1);
        else if ((wrote || moved) && (el.selectionStart !== caret[0] || el.selectionEnd !== caret[1])) {
          var n = el.value.length;
          try { el.setSelectionRange(Math.min(n, Math.max(0, caret[0] | 0)), Math.min(n, Math.max(0, caret[1] | 0))); } catch (e) { /* not a text field */ }
          rec.caretSent = [el.selectionStart, el.selectionEnd];
        }
      }
    },

    // Validation: aria-invalid, and aria-describedby pointing at the message in the field's wrapper.
    updateError: function (rec, node) {
      var semantics = PortalSemantics, el = rec.control;
      var message = node.invalid && node.error ? String(node.error) : '';
      if (message && !rec.error) {
        rec.error = document.createElement('span');
        rec.error.id = 'sem-' + rec.id + '-error';
        rec.error.className = 'error';
        rec.outer.appendChild(rec.error);
      }
      if (rec.error) semantics.text(rec.error, message);
      // Chromium gives a <select> no required state whatever its attributes (required,
      // aria-required): a required one says so in its description, before any message.
      var described = message ? [rec.error.id] : [];
      if (rec.role === 'combobox' && node.required) {
        if (!rec.requiredNote) {
          rec.requiredNote = document.createElement('span');
          rec.requiredNote.id = 'sem-' + rec.id + '-required';
          rec.requiredNote.textContent = 'Required.';
          rec.outer.appendChild(rec.requiredNote);
        }
        described.unshift(rec.requiredNote.id);
      } else if (rec.requiredNote) {
        rec.requiredNote.remove();
        rec.requiredNote = null;
      }
      semantics.attr(el, 'aria-describedby', described.length ? described.join(' ') : null);
    },

    // A combobox shows the selected option; with no options in the tree, the text it shows.
    finishCombobox: function (rec, node) {
      var select = rec.control, shown = select.querySelector('option.shown');
      var options = (node.children || []).filter(function (c) { return c && c.role === 'option'; });
      if (!options.length && node.value) {
        if (!shown) {
          shown = document.createElement('option');
          shown.className = 'shown';
          shown.value = '';
          select.appendChild(shown);
        }
        PortalSemantics.text(shown, node.value);
        if (!shown.selected) shown.selected = true;
      } else {
        if (shown) shown.remove();
        var any = options.some(function (o) { return o.selected; });
        if (!any && select.selectedIndex !== -1) select.selectedIndex = -1;
      }
    },

    // Builds or updates the elements of `nodes` inside `box`, in order, after its first `offset` children.
    build: function (box, nodes, origin, offset, seen, parent) {
      var semantics = PortalSemantics, els = [];
      if (!Array.isArray(nodes)) return;
      for (var i = 0; i < nodes.length; i++) {
        var node = nodes[i];
        if (!node || typeof node !== 'object' || typeof node.id !== 'number') continue;
        var id = node.id >>> 0;
        if (seen.has(id)) continue;  // an id twice: the first one wins
        var rec = semantics.records.get(id), shape = semantics.shape(node);
        if (!rec || rec.shape !== shape) {
          // A <select> laid out while the tree is hidden keeps, in Chromium, a popup level that
          // stays out of the accessibility tree once shown: Orca then reads no value. A chunk (made
          // while hidden: a finite limit) leaves selects to the whole tree made in the task that
          // shows the app, before any layout.
          if (shape === 'combobox' && semantics.limit !== Infinity) {
            semantics.deferred = true;
            continue;
          }
          if (semantics.made >= semantics.limit || (semantics.made > 0 && performance.now() > semantics.until)) {  // made with the next chunk, and so are its children
            semantics.skipped = true;
            continue;
          }
          if (rec) rec.outer.remove();  // e.g. a text field that became multi-line
          rec = semantics.make(node, id, shape);
          semantics.made++;
        }
        seen.set(id, rec);
        // A record a chunk before made or updated from this same tree is as the tree says.
        if (!semantics.done || !semantics.done.has(id)) {
          semantics.update(rec, node, origin, parent, els.length);
          if (semantics.done) semantics.done.add(id);
        }
        els.push(rec.outer);
        if (rec.box) {
          // Children are placed relative to this element, which sits at its rectangle (or at the origin).
          var r = node.rect, inner = rec.positioned && Array.isArray(r) && r.length === 4 ? [r[0], r[1]] : origin;
          semantics.build(rec.box, node.children, inner, rec.offset, seen, rec);
        }
        if (rec.role === 'combobox') semantics.finishCombobox(rec, node);
      }
      semantics.order(box, els, offset);
    },

    // Puts els in order after box's first `offset` children, never moving the focused element
    // (moving it would blur it): the others move around it.
    order: function (box, els, offset) {
      var active = document.activeElement;
      for (var i = 0; i < els.length; i++) {
        var want = els[i];
        for (var guard = 0; box.children[offset + i] !== want && guard < 100000; guard++) {
          var cur = box.children[offset + i] || null;
          if (cur && want.parentNode === box && active && want.contains(active)) box.appendChild(cur);
          else box.insertBefore(want, cur);
        }
      }
    },

    // Publishes the pending tree: all of it, or while the app is hidden a chunk, the rest in the
    // next animation frame (or at once when the app shows: browser_show_app).
    publishChunk: function (whole) {
      var semantics = PortalSemantics, tree = semantics.pending;
      if (!tree) return;
      var chunked = !whole && document.documentElement.dataset.appState === 'loading';
      semantics.made = 0;
      semantics.limit = chunked ? semantics.CHUNK : Infinity;
      semantics.until = chunked ? performance.now() + semantics.CHUNK_MS : Infinity;
      semantics.skipped = semantics.deferred = false;
      // Only a tree made in chunks keeps track (a whole one, once the app shows, is made at once).
      if (semantics.doneFor !== tree) {
        semantics.doneFor = chunked ? tree : null;
        semantics.done = chunked ? new Set() : null;
      }
      semantics.quiet++;
      try { semantics.publish(tree); } finally { semantics.quiet--; semantics.limit = semantics.until = Infinity; }
      if (!semantics.skipped) {  // nothing was left out but selects, which wait for browser_show_app
        if (!semantics.deferred) semantics.pending = semantics.doneFor = semantics.done = null;
        return;
      }
      if (semantics.chunkAsked) return;
      semantics.chunkAsked = true;
      // After the next frame's rendering, which styles this chunk (made in the frame's own
      // callbacks, two chunks would be styled together).
      requestAnimationFrame(function () {
        setTimeout(function () { semantics.chunkAsked = false; semantics.publishChunk(false); }, 0);
      });
    },

    publish: function (tree) {
      var semantics = PortalSemantics, c = semantics.root();
      var active = document.activeElement;
      var seen = new Map();
      semantics.build(c, tree, [0, 0], 0, seen, null);
      var lost = false;
      semantics.records.forEach(function (rec, id) {
        if (seen.has(id)) return;
        if (active && rec.outer.contains(active)) lost = true;
        rec.outer.remove();
      });
      semantics.records = seen;
      if (semantics.pendingFocus >= 0 && seen.has(semantics.pendingFocus)) {
        var id = semantics.pendingFocus;
        semantics.pendingFocus = -1;
        semantics.appFocus = true;
        try { semantics.focus(seen.get(id)); } finally { semantics.appFocus = false; }
      } else if (lost && (!document.activeElement || document.activeElement === document.body)) {
        // The focused control went (a view change): focus goes to the view's heading.
        var heading = c.querySelector('h1, h2, h3, h4');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: true });
        }
      }
    },

    focus: function (rec) {
      var target = rec.control || rec.outer;
      if (rec.role === 'heading') PortalSemantics.attr(target, 'tabindex', '-1');
      if (document.activeElement === target) return;
      target.focus({ preventScroll: true });
    },
  },

  browser_publish_semantics__deps: ['$PortalSemantics'],
  browser_publish_semantics: function (ptr) {
    var tree;
    try { tree = JSON.parse(UTF8ToString(ptr)); } catch (e) { return; }
    if (!Array.isArray(tree)) return;
    var start = performance.now();
    PortalSemantics.pending = tree;  // replaces a tree still being made
    if (PortalSemantics.held) return;
    PortalSemantics.publishChunk(false);
    // The DOM update's cost, on the page's timeline, for the benchmark (test build only).
    if (Module['portalMeasure']) {
      try { performance.measure('semantics-dom', { start: start, end: performance.now() }); } catch (e) { /* older browsers */ }
    }
  },

  // ImGui moved its focus (arrow keys, a click on the canvas): the DOM follows, unless the
  // person has put the page's focus elsewhere. (The app does not echo a focus the page sent it.)
  browser_semantics_focus__deps: ['$PortalSemantics'],
  browser_semantics_focus: function (id) {
    var semantics = PortalSemantics, c = semantics.root();
    id = id >>> 0;
    var a = document.activeElement;
    if (!a || (a !== document.getElementById('canvas') && !c.contains(a))) return;  // not at start-up, nor away from the app
    var rec = semantics.records.get(id);
    if (!rec) { semantics.pendingFocus = id; return; }
    semantics.pendingFocus = -1;
    semantics.appFocus = true;
    try { semantics.focus(rec); } finally { semantics.appFocus = false; }
  },

  // For the keyboard layer: 0 when the focus is not in the semantics tree, 1 on a control whose
  // keys the app may take (arrows drive its navigation), 2 on a text field, select, range or number.
  browser_semantics_key_target__deps: ['$PortalSemantics'],
  browser_semantics_key_target: function () {
    var a = document.activeElement, c = PortalSemantics.root();
    if (!a || !c.contains(a)) return 0;
    if (a.tagName === 'TEXTAREA' || a.tagName === 'SELECT') return 2;
    if (a.tagName === 'INPUT') return a.type === 'checkbox' || a.type === 'radio' ? 1 : 2;
    return 1;
  },
});
