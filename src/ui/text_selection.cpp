#include "text_selection.h"

#include "semantics.h"
#include "text_layout.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace iiifc {

namespace {

// The text under the point, or none.
const SemanticNode* text_at(const std::vector<SemanticNode>& nodes, ImVec2 p) {
    for (const SemanticNode& n : nodes)
        if (is_selectable_text(n) && p.x >= n.x && p.x < n.x + n.w && p.y >= n.y && p.y < n.y + n.h) return &n;
    return nullptr;
}

// The index of a node in reading order (the tree's order); -1: not drawn.
int index_of(const std::vector<SemanticNode>& nodes, unsigned id) {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

}  // namespace

bool TextSelection::select_word_at(const Fonts& fonts, ImVec2 point) {
    const SemanticNode* n = text_at(semantics::shown_nodes(), point);
    if (!n) return false;
    anchor_ = focus_ = Point{n->id, text_offset_at(*n, fonts, point)};
    word_at(n->name, anchor_.at, anchor_.at, focus_.at);
    dragging_ = false;
    return true;
}

void TextSelection::frame(const Fonts& fonts, PlatformServices& platform) {
    const std::vector<SemanticNode>& nodes = semantics::recorded_nodes();
    const ImVec2 mouse = ImGui::GetMousePos();
    // Where no control is under the mouse in this frame (IsAnyItemHovered also counts the last
    // frame's: a click right after the mouse left a button would be lost).
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool free = ImGui::IsWindowHovered() && g.HoveredId == 0 && g.ActiveId == 0;
    if (ImGui::IsMouseClicked(0) && free) {
        clear();
        if (const SemanticNode* n = text_at(nodes, mouse)) {
            const std::size_t at = text_offset_at(*n, fonts, mouse);
            anchor_ = focus_ = Point{n->id, at};
            const int clicks = ImGui::GetMouseClickedCount(0);
            if (clicks == 2) word_at(n->name, at, anchor_.at, focus_.at);
            if (clicks >= 3) anchor_.at = 0, focus_.at = n->name.size();
            dragging_ = clicks == 1;
        }
    } else if (dragging_ && ImGui::IsMouseDown(0)) {
        if (const SemanticNode* n = text_at(nodes, mouse)) focus_ = Point{n->id, text_offset_at(*n, fonts, mouse)};
    } else {
        dragging_ = false;
    }
    int a = index_of(nodes, anchor_.id), b = index_of(nodes, focus_.id);
    if (a < 0 || b < 0) {  // its text is gone (another view)
        clear();
        a = b = -1;
    }
    // In reading order, and drawn over each text between.
    Point from = anchor_, to = focus_;
    if (a > b || (a == b && from.at > to.at)) std::swap(from, to), std::swap(a, b);
    if (!empty()) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImU32 colour = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
        for (int i = a; i <= b; ++i) {
            const SemanticNode& n = nodes[static_cast<std::size_t>(i)];
            if (!is_selectable_text(n)) continue;
            const std::size_t first = i == a ? from.at : 0, last = i == b ? to.at : n.name.size();
            for (const ImRect& r : text_range_rects(n, fonts, first, last)) dl->AddRectFilled(r.Min, r.Max, colour);
        }
    }
    if (from.id != sent_anchor_.id || from.at != sent_anchor_.at || to.id != sent_focus_.id || to.at != sent_focus_.at) {
        sent_anchor_ = from;
        sent_focus_ = to;
        platform.select_text(from.id, from.at, to.id, to.at);
    }
}

}  // namespace iiifc
