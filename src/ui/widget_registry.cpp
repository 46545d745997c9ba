#include "widget_registry.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdarg>
#include <unordered_map>

namespace iiifc {

namespace {
// Two buffers: the frame being built and the last complete frame, which queries read.
std::vector<WidgetRect> g_building, g_last;
// Every item's box this frame by id, for widget_registry_note.
struct ItemBox {
    ImGuiID id;
    ImRect rect;
    bool visible;
};
std::vector<ItemBox> g_items;
}  // namespace

void widget_registry_begin_frame() {
    g_last.swap(g_building);
    g_building.clear();
    g_items.clear();
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = true;
}

const WidgetRect* widget_registry_find(const std::string& label) {
    for (const WidgetRect& r : g_last)
        if (r.label == label) return &r;
    return nullptr;
}

void widget_registry_note(const char* label, unsigned int id) {
    for (auto it = g_items.rbegin(); it != g_items.rend(); ++it) {
        if (it->id != id) continue;
        g_building.push_back({label, it->rect.Min.x, it->rect.Min.y, it->rect.GetWidth(), it->rect.GetHeight(), it->visible, id});
        return;
    }
}

std::string widget_registry_focused_label() {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    const ImGuiID focus = ctx ? (ctx->ActiveId ? ctx->ActiveId : ctx->NavId) : 0;
    // The last name given wins: a form field is noted by its visible label after ImGui's own "##id".
    for (auto it = g_last.rbegin(); it != g_last.rend(); ++it)
        if (focus != 0 && it->id == focus) return it->label;
    return "";
}

}  // namespace iiifc

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    if (id == 0) return;
    const bool visible = ctx->CurrentWindow && ctx->CurrentWindow->ClipRect.Overlaps(bb);
    iiifc::g_items.push_back({id, bb, visible});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (!label || ctx->LastItemData.ID != id) return;
    const ImRect r = ctx->LastItemData.Rect;
    const ImRect clip = ctx->CurrentWindow ? ctx->CurrentWindow->ClipRect : r;
    iiifc::WidgetRect w;
    w.label = label;
    w.x = r.Min.x;
    w.y = r.Min.y;
    w.w = r.GetWidth();
    w.h = r.GetHeight();
    w.visible = clip.Overlaps(r);
    w.id = id;
    iiifc::g_building.push_back(w);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
