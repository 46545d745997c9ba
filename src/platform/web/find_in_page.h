// Find in page: the browser's matches in the semantics tree reach the app (library_find.js).
#pragma once

namespace iiifc {

void watch_find_in_page();  // portal_find_match, on every change of the page's selection in the tree

}  // namespace iiifc
