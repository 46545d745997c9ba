// The page's selection over the app's text (library_find.js): the browser's find in page reaches
// the app, and a long press on a touch screen selects a word (runner.h, runner_long_press).
#pragma once

namespace iiifc {

void watch_find_in_page();  // portal_find_match: the page's selection in the tree, or the find bar's match

}  // namespace iiifc
