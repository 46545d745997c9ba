// The first frame the app shows (its kBuildsBeforeFirstShown-th build: src/platform/web/startup.cpp) is its
// settled layout: the frame after it draws exactly the same. A frame that differs from the one on
// the canvas is sent again (gl_renderer_differs): a second canvas frame at start, and with
// software GL a second read-back of the canvas on the page's main thread.
#include "drawn_parts.h"
#include "ui_harness.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

using iiifc_test::Ui;

namespace {

// What a frame draws (drawn_parts.h), as bytes per draw list, each after the list's name.
std::vector<std::string> drawn() {
    std::vector<std::string> lists;
    const ImDrawData* d = ImGui::GetDrawData();
    for (int n = 0; d && n < d->CmdListsCount; ++n) {
        const ImDrawList* list = d->CmdLists[n];
        std::string bytes = list->_OwnerName ? list->_OwnerName : "";
        iiifc::for_each_drawn_part(*list,
                                   [&bytes](const void* data, std::size_t size) { bytes.append(static_cast<const char*>(data), size); });
        lists.push_back(std::move(bytes));
    }
    return lists;
}

// The names of the draw lists that differ between two frames (or that only one frame has).
std::string differences(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::string out;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (i < a.size() && i < b.size() && a[i] == b[i]) continue;
        const std::string& any = i < a.size() ? a[i] : b[i];
        out += "[" + std::to_string(i) + "] " + std::string(any.c_str()) + "; ";
    }
    return out;
}

}  // namespace

TEST_CASE("the frame each view shows first is settled: the next draws the same, on a desktop and on a phone") {
    struct Size {
        float w, h;
    };
    for (const Size size : {Size{1280, 800}, Size{412, 823}}) {
        for (const auto& view : iiifc::default_views()) {
            Ui ui({}, size.w, size.h);
            ui.app->open_fragment(std::string("#/") + view->id());
            ui.frame(iiifc::kBuildsBeforeFirstShown);  // as at start: the last build is shown
            const std::vector<std::string> shown = drawn();
            ui.frame();
            const std::vector<std::string> next = drawn();
            const std::string id = view->id();
            CAPTURE(id);
            CAPTURE(size.w);
            CHECK_MESSAGE(shown == next, "differs: " << differences(shown, next));
        }
    }
}
