// Selecting the text the canvas shows, as on a web page: a drag selects from where it started
// (across paragraphs, in the order they are read), a double click a word, a triple click the
// paragraph; the selection is drawn on the canvas and given to the page (PlatformServices::
// select_text), which makes it the page's selection over the same text in the semantics tree:
// Ctrl+C and the context menu's Copy copy it as they copy any page's selection.
#pragma once

#include "platform_services.h"
#include "view.h"

#include <imgui.h>

#include <cstddef>

namespace iiifc {

class TextSelection {
public:
    // Inside the view, after it is drawn: takes the mouse where no control is, draws the selection.
    void frame(const Fonts& fonts, PlatformServices& platform);
    // The word at a point of the frame shown (a long press): false where there is no text.
    bool select_word_at(const Fonts& fonts, ImVec2 point);
    void clear() { anchor_ = focus_ = Point{}; }
    bool empty() const { return anchor_.id == 0 || (anchor_.id == focus_.id && anchor_.at == focus_.at); }

private:
    struct Point {
        unsigned id = 0;     // a text's semantics node; 0: none
        std::size_t at = 0;  // a byte of its text
    };
    Point anchor_, focus_, sent_anchor_, sent_focus_;
    bool dragging_ = false;
};

}  // namespace iiifc
