// Where the characters of a text the canvas drew are: its semantics node (rectangle, text) laid
// out again as ImGui laid it out (greedy word wrap at the node's width, the font of its role),
// for what marks or picks characters on the canvas: find in page, selecting text.
#pragma once

#include "semantics.h"
#include "view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstddef>
#include <vector>

namespace iiifc {

bool is_selectable_text(const SemanticNode& n);  // a paragraph, list item, heading or message with words
// The rectangles (one a line) of the text's bytes from..to.
std::vector<ImRect> text_range_rects(const SemanticNode& n, const Fonts& fonts, std::size_t from, std::size_t to);
std::size_t text_offset_at(const SemanticNode& n, const Fonts& fonts, ImVec2 point);  // the byte nearest to it
// The word around a byte (a run of non-blanks, without its closing punctuation), as [first, last).
void word_at(const std::string& text, std::size_t at, std::size_t& first, std::size_t& last);

}  // namespace iiifc
