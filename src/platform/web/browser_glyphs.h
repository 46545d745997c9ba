// The browser as the app's source of the glyphs its fonts lack (src/ui/extra_glyphs.h): each
// drawn by a 2D canvas with the device's fonts (library_glyphs.js) and sent to the drawer's texture.
#pragma once

namespace iiifc {

void use_browser_glyphs();  // from now on (the page's app; not the worker's rehearsal)

}  // namespace iiifc
