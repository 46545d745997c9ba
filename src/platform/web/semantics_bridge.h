// What the keyboard layer asks the semantics tree (library_semantics.js): where the page's focus
// is, so a key meant for a real DOM control is left to the browser.
#pragma once

extern "C" {
// 0: the focus is not in #semantics (the canvas, the page); 1: on a control whose arrow keys
// drive the app's navigation (button, tab, checkbox, radio, heading); 2: on a text field, select,
// range or number input, which uses every key itself.
int browser_semantics_key_target();
}
