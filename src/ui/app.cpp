// [SECTION] App: construction, platform events
// [SECTION] Frame: header, navigation, banners, the current view
// [SECTION] Shared behaviour: choosing, deep links, draft saving, start over, kiosk idle
#include "app.h"

#include "html_render.h"
#include "theme.h"
#include "widget_registry.h"
#include "widgets.h"

#include <imgui.h>

#include <algorithm>

namespace iiifc {

//-----------------------------------------------------------------------------
// [SECTION] App: construction, platform events
//-----------------------------------------------------------------------------

App::App(MembershipData data, PlatformServices& platform, AppOptions options)
    : data_(std::move(data)), platform_(platform), options_(options), draft_(new_draft(data_)), keeper_(platform, options.kiosk) {
    last_input_ = platform_.now_seconds();
}

void App::restore_draft(const std::string& stored_json) {
    restored_ = true;
    DraftRestore r;
    if (!stored_json.empty() && !options_.kiosk) {  // a kiosk starts empty whatever was stored
        r = draft_from_json(stored_json, data_);
        draft_ = r.draft;
        notice_ = r.notice;
    }
    // Nothing is written until the user changes something; a corrupt draft is removed.
    keeper_.start(stored_json, draft_to_json(draft_), r.ok);
}

void App::on_draft_saved_elsewhere(const std::string& stored) {
    sync_profile_from_request();
    const std::string merged = keeper_.merge_from_elsewhere(draft_to_json(draft_), stored);
    if (merged.empty()) return;
    const DraftRestore r = draft_from_json(merged, data_);
    if (r.ok) draft_ = r.draft;
}

void App::on_data_updated(MembershipData data) {
    // The draft is read again against the new data, as at a start (a tier that went is reset, with a notice).
    const std::string json = draft_to_json(draft_);
    data_ = std::move(data);
    const DraftRestore r = draft_from_json(json, data_);
    if (r.ok) draft_ = r.draft;
    if (!r.notice.empty()) notice_ = r.notice;
    money_edits_.clear();
}

void App::open_fragment(const std::string& fragment) {
    const Route r = parse_route(fragment);
    route_.view = r.view;
    const std::string tier = r.get("tier"), type = r.get("type");
    if (!tier.empty() && data_.find_tier(tier)) choose_tier(tier);
    if (!type.empty() && data_.find_organisation_type(type)) set_organisation_type(type);
    if (r.view == "members") {
        member_query_ = r.get("q");
        const std::string level = r.get("level");
        member_tier_filter_ = data_.find_tier(level) ? level : "";
    }
    last_fragment_ = fragment;  // the browser is already there: do not push it again
}

void App::on_file_loaded(const std::string& name, const std::string& content) {
    const JoinImport imp = join_request_from_json(content, name);
    if (!imp.ok) {
        notice_ = "That file could not be loaded: " + imp.error + ". Your form is unchanged.";
        platform_.announce(notice_);
        return;
    }
    draft_.request = imp.request;
    if (!data_.find_tier(draft_.request.tier)) draft_.request.tier = draft_.profile.tier;
    sync_profile_from_request();
    touched_.clear();
    for (const JoinField& f : data_.join.fields) touched_.insert(f.id);  // show what the loaded draft still lacks
    notice_.clear();
    go_to("join");
    show_toast("Loaded " + name);
}

void App::on_clipboard_result(bool ok) { show_toast(ok ? "Copied to the clipboard" : "Copying was refused by the browser; use Download instead"); }

void App::on_update_available() { update_available_ = true; }

void App::set_dark(bool dark) {
    options_.dark = dark;
    apply_theme(dark, options_.kiosk ? 1.25f : 1.0f);
}

void App::note_user_input() { last_input_ = platform_.now_seconds(); }

const char* App::view_title(const std::string& view) {
    if (view == "costs") return "Costs";
    if (view == "governance") return "Governance";
    if (view == "members") return "Members";
    if (view == "join") return "Join";
    return "Tiers";
}

//-----------------------------------------------------------------------------
// [SECTION] Frame: header, navigation, banners, the current view
//-----------------------------------------------------------------------------

bool App::narrow() const { return ImGui::GetIO().DisplaySize.x < 720.0f; }

void App::frame() {
    if (options_.kiosk && platform_.now_seconds() - last_input_ > options_.idle_timeout) {
        start_over();  // the next visitor starts clean
        last_input_ = platform_.now_seconds();
    }
    sync_profile_from_request();
    keeper_.begin_frame();

    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    // Phones get the screen's width for content: tighter padding around windows and cells.
    const bool compact = narrow();
    if (compact) {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 10));
        ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(5, 6));
    }
    // The app window has keyboard focus from the start, so Tab and the arrows work before any click.
    if (ImGui::GetFrameCount() <= 1) ImGui::SetNextWindowFocus();
    ImGui::Begin("IIIF Consortium membership", nullptr, flags);
    draw_header();
    draw_navigation();
    draw_banners();
    ImGui::Separator();

    // The view scrolls; header and navigation stay. On wide screens the view is a centred column
    // (tables and wrapped text take its width, not the screen's).
    // NavFlattened: keyboard navigation and Tab move through the view as part of the app window.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float column = ImGui::GetFontSize() * 72.0f + style.ScrollbarSize + style.ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > column) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - column) * 0.5f);
    // At the first frame ImGui does not know the view's height yet: it gets the scroll bar that
    // nearly every view needs, so the first frame shown is the settled layout, with no shift.
    const ImGuiWindowFlags first_frame = ImGui::GetFrameCount() <= 1 ? ImGuiWindowFlags_AlwaysVerticalScrollbar : 0;
    ImGui::BeginChild("view", ImVec2(avail > column ? column : 0.0f, 0.0f), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened | first_frame);
    if (scroll_to_top_) {
        ImGui::SetScrollY(0);
        scroll_to_top_ = false;
    }
    ImGui::PushItemWidth(-1.0f);
    if (route_.view == "costs") draw_costs();
    else if (route_.view == "governance") draw_governance();
    else if (route_.view == "members") draw_members();
    else if (route_.view == "join") draw_join();
    else draw_tiers();
    ImGui::PopItemWidth();
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 2));
    ImGui::EndChild();

    draw_start_over_popup();
    draw_toast();
    ImGui::End();
    if (compact) ImGui::PopStyleVar(2);
    sync_route();
}

void App::commit() {
    sync_storage();
    announce_form_errors();
    publish_accessible_view();
}

void App::draw_header() {
    if (fonts_.heading) ImGui::PushFont(fonts_.heading);
    ImGui::TextUnformatted("IIIF Consortium membership");
    if (fonts_.heading) ImGui::PopFont();
    if (!narrow()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text_muted("Fees effective from " + data_.schedule.effective_from);
    }
    const char* summary = "Summary for your budget holder";
    const char* reset = "Start over";
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w_reset = ImGui::CalcTextSize(reset).x + st.FramePadding.x * 2;
    const float w_summary = options_.kiosk ? 0 : ImGui::CalcTextSize(summary).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
    if (!narrow()) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w_reset - w_summary);
    if (!options_.kiosk) {
        if (secondary_button(summary)) download_summary();
        ImGui::SameLine();
    }
    if (secondary_button(reset)) {
        confirm_start_over_ = true;
        ImGui::OpenPopup("Start over?");
    }
}

void App::draw_navigation() {
    const Palette& p = palette();
    // One row of five on wide screens; rows of three on a phone, so every label fits a finger.
    const int per_row = narrow() ? 3 : kViewCount;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    for (int i = 0; i < kViewCount; ++i) {
        const std::string view = kViews[i];
        const bool current = route_.view == view;
        if (i % per_row != 0) ImGui::SameLine();
        if (current) {
            ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent_hover);
            ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
        }
        const std::string label = std::string(view_title(view)) + "##nav";
        if (ImGui::Button(label.c_str(), ImVec2(width, ImGui::GetFrameHeight() * 1.2f))) go_to(view);
        if (current) ImGui::PopStyleColor(3);
    }
}

void App::draw_banners() {
    const Palette& p = palette();
    if (update_available_) {
        text_colored(p.text, "A new version is available.");
        ImGui::SameLine();
        if (primary_button("Reload")) platform_.reload();
    }
    if (!notice_.empty()) {
        text_colored(p.error, notice_);
        if (secondary_button("Dismiss##notice")) notice_.clear();
    }
}

void App::draw_start_over_popup() {
    if (confirm_start_over_ && !ImGui::IsPopupOpen("Start over?")) ImGui::OpenPopup("Start over?");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Start over?", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
        ImGui::TextUnformatted("This clears the form, the calculator and your choices.");
        if (primary_button("Clear everything")) {
            start_over();
            confirm_start_over_ = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (secondary_button("Keep my work") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            confirm_start_over_ = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    } else {
        confirm_start_over_ = false;
    }
}

void App::draw_toast() {
    if (toast_.empty()) return;
    if (platform_.now_seconds() > toast_until_) {
        toast_.clear();
        return;
    }
    const ImVec2 size = ImGui::CalcTextSize(toast_.c_str());
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImVec2 min((display.x - size.x) * 0.5f - pad.x * 2, display.y - size.y - pad.y * 6);
    const ImVec2 max(min.x + size.x + pad.x * 4, min.y + size.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const Palette& p = palette();
    dl->AddRectFilled(min, max, ImGui::GetColorU32(p.text), 8.0f);
    dl->AddText(ImVec2(min.x + pad.x * 2, min.y + pad.y), ImGui::GetColorU32(p.background), toast_.c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Shared behaviour: choosing, deep links, draft saving, start over, kiosk idle
//-----------------------------------------------------------------------------

void App::go_to(const std::string& view) {
    if (!is_view(view)) return;
    if (route_.view != view) scroll_to_top_ = true;  // applied inside the next frame's view
    route_.view = view;
}

void App::choose_tier(const std::string& tier_id) {
    if (!data_.find_tier(tier_id)) return;
    draft_.request.tier = tier_id;
    draft_.profile.tier = tier_id;
}

void App::set_organisation_type(const std::string& type_id) {
    draft_.request.organisation_type = type_id;
    draft_.profile.organisation_type = type_id;
}

void App::sync_profile_from_request() {
    // The join form is the single place these are kept; the calculator reads them from there.
    if (!data_.find_tier(draft_.request.tier)) draft_.request.tier = draft_.profile.tier;
    draft_.profile.tier = draft_.request.tier;
    draft_.profile.organisation_type = draft_.request.organisation_type;
    draft_.profile.institution = draft_.request.institution;
}

void App::sync_route() {
    Route r;
    r.view = route_.view;
    r.set("tier", draft_.profile.tier);
    r.set("type", draft_.profile.organisation_type);
    if (route_.view == "members") {
        r.set("q", member_query_);
        r.set("level", member_tier_filter_);
    }
    const std::string fragment = format_route(r);
    if (fragment != last_fragment_) {
        // A new view is a new history entry (back returns to the last view); a changed choice is not.
        const bool new_entry = parse_route(last_fragment_).view != r.view;
        platform_.set_location_fragment(fragment, new_entry);
        last_fragment_ = fragment;
    }
}

void App::sync_storage() {
    sync_profile_from_request();
    if (restored_) keeper_.save(draft_to_json(draft_));
}

void App::start_over() {
    draft_ = new_draft(data_);
    touched_.clear();
    send_attempted_ = false;
    member_query_.clear();
    member_tier_filter_.clear();
    notice_.clear();
    route_.view = "tiers";
    keeper_.start_over(draft_to_json(draft_));
    platform_.announce("Everything was cleared.");
}

void App::announce_form_errors() {
    const std::size_t n = visible_errors().size();
    if (n == announced_errors_) return;
    announced_errors_ = n;
    platform_.announce(n == 0 ? "The form has no errors." : "Form has " + std::to_string(n) + (n == 1 ? " error." : " errors."));
}

void App::show_toast(const std::string& text) {
    toast_ = text;
    toast_until_ = platform_.now_seconds() + 2.5;
    platform_.announce(text);
}

double App::seconds_until_wakeup() const {
    const double now = platform_.now_seconds();
    double wake = -1;
    if (!toast_.empty()) wake = std::max(0.0, toast_until_ - now) + 0.05;
    if (options_.kiosk) {
        const double idle = std::max(0.0, last_input_ + options_.idle_timeout - now) + 0.05;
        wake = wake < 0 ? idle : std::min(wake, idle);
    }
    const double keeper = keeper_.seconds_until_wakeup();  // storage refused: try again quietly
    if (keeper >= 0) wake = wake < 0 ? keeper : std::min(wake, keeper);
    return wake;
}

void App::download_summary() {
    const std::string html = render_summary_html(data_, draft_.assumptions, draft_.profile, draft_.request);
    platform_.download("iiif-consortium-membership-summary.html", "text/html;charset=utf-8", html);
    show_toast("Summary downloaded");
}

// A combo over data items that have an id and a name (tiers, organisation types), registered
// with the widget registry under its label (ImGui 1.86 does not report combos to the hooks).
template <typename Item>
static bool id_combo(const char* label, const std::vector<Item>& items, std::string& id, const char* placeholder) {
    const Item* current = nullptr;
    for (const Item& item : items)
        if (item.id == id) current = &item;
    bool changed = false;
    const ImGuiID widget_id = ImGui::GetID(label);
    const bool open = ImGui::BeginCombo(label, current ? current->name.c_str() : placeholder);
    widget_registry_note(label, widget_id);
    if (open) {
        for (const Item& item : items) {
            const bool selected = item.id == id;
            if (ImGui::Selectable(item.name.c_str(), selected)) {
                id = item.id;
                changed = true;
            }
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    return changed;
}

bool App::tier_selector(const char* label, std::string& tier_id) {
    return id_combo(label, data_.schedule.tiers, tier_id, "Choose a tier");
}

bool App::organisation_type_selector(const char* label, std::string& type_id) {
    return id_combo(label, data_.organisation_types, type_id, "Choose a type");
}

}  // namespace iiifc
