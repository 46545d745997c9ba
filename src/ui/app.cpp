// [SECTION] App: construction, platform events
// [SECTION] Frame: header, navigation, banners, the current view, popup, toast
#include "app.h"
#include "data_dates.h"

#include "extra_glyphs.h"
#include "html_render.h"
#include "schedules.h"
#include "shaped_text.h"
#include "text_layout.h"
#include "text_utf8.h"
#include "theme.h"
#include "widgets.h"

#include <imgui.h>

#include <algorithm>

namespace iiifc {

namespace {
constexpr const char* kAppName = "IIIF Consortium membership";

std::string today_of(PlatformServices& platform) { return iso_date_utc(static_cast<std::time_t>(platform.wall_clock_ms() / 1000)); }

MembershipData in_force_on(MembershipData data, const std::string& today) {
    show_schedule_for_date(data, today);
    return data;
}
}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] App: construction, platform events
//-----------------------------------------------------------------------------

App::App(MembershipData data, PlatformServices& platform, AppOptions options, Views views)
    : data_(in_force_on(std::move(data), today_of(platform))),
      platform_(platform),
      options_(options),
      views_(std::move(views)),
      draft_(new_draft(data_)),
      keeper_(platform, options.kiosk) {
    current_ = views_.front().get();
    current_id_ = current_->id();
    last_input_ = platform_.now_seconds();
}

ViewContext App::context() { return ViewContext{shown(), data_, draft_, platform_, options_, fonts_, *this}; }

std::string App::today() const { return today_of(platform_); }

void App::show_schedule(const std::string& schedule_id) { next_schedule_ = schedule_id; }

void App::preview_schedule(const std::string& schedule_id) {
    const std::size_t i = find_schedule(data_, schedule_id);
    if (i >= data_.schedules.size() || i == data_.shown) {
        preview_.reset();
        return;
    }
    if (preview_ && preview_->shown == i) return;
    preview_ = data_;
    iiifc::show_schedule(*preview_, i);
}

View* App::find_view(const std::string& id) const {
    for (const auto& v : views_)
        if (id == v->id()) return v.get();
    return nullptr;
}

void App::on_file_loaded(const std::string& name, const std::string& content) {
    ViewContext ctx = context();
    for (const auto& v : views_)
        if (v->on_file_loaded(name, content, ctx)) return;
}

void App::on_clipboard_result(bool ok) {
    show_toast(ok ? "Copied to the clipboard" : "Copying was refused by the browser; use Download instead");
}

void App::on_update_available() { update_available_ = true; }

void App::set_dark(bool dark) {
    options_.dark = theme_.dark = dark;
    theme_.scale = options_.kiosk ? 1.25f : 1.0f;
    apply_theme(theme_);
}

void App::set_display_settings(bool forced_colours, const SystemColours& system, bool more_contrast, bool reduced_motion) {
    theme_.forced = forced_colours;
    theme_.system = system;
    theme_.more_contrast = more_contrast;
    set_dark(options_.dark);
    // Kept for views that would animate; the caret never blinks (the platform turns it off: a
    // blinking caret would keep an idle app drawing), reduced motion or not.
    options_.reduced_motion = reduced_motion;
}

void App::note_user_input() { last_input_ = platform_.now_seconds(); }

bool App::narrow() const { return ImGui::GetIO().DisplaySize.x < 720.0f; }

void App::go_to(const std::string& view_id) {
    next_view_.clear();  // a later choice (a route, a button, starting over) wins over a tab's
    View* v = find_view(view_id);
    if (!v) return;
    if (v != current_) scroll_to_top_ = true;  // applied inside the next frame's view
    current_ = v;
    current_id_ = v->id();
}

void App::choose_tier(const std::string& tier_id) {
    const Tier* t = data_.find_tier(tier_id);
    if (!t) return;
    set_value_of_kind(draft_.request, data_, FieldKind::tier, tier_id);
    show_toast(t->name + " chosen");
}

void App::show_toast(const std::string& text) {
    toast_ = text;
    toast_until_ = platform_.now_seconds() + 2.5;
    platform_.announce(text);
}

void App::show_notice(const std::string& text) {
    notice_ = text;
    platform_.announce(text);
}

//-----------------------------------------------------------------------------
// [SECTION] Frame: header, navigation, banners, the current view, popup, toast
//-----------------------------------------------------------------------------

void App::frame() {
    semantics::set_current(&semantics_);
    semantics::begin_frame();
    keeper_.begin_frame();
    if (!next_view_.empty()) go_to(std::string(next_view_));  // a copy: go_to clears it
    if (next_schedule_) {                                     // chosen during the last frame, whose views drew from the schedule shown then
        preview_schedule(*next_schedule_);
        next_schedule_.reset();
    }
    if (options_.kiosk && platform_.now_seconds() - last_input_ > options_.idle_timeout) {
        start_over();  // the next visitor starts clean
        last_input_ = platform_.now_seconds();
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    // No background: the frame is cleared to the window's colour already (frame_loop.cpp), and a
    // quad over the whole screen costs every frame's fill rate (with software GL, main thread).
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
    // Phones get the screen's width for content: tighter padding around windows and cells.
    const bool compact = narrow();
    if (compact) {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 10));
        ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(5, 6));
    }
    // The app window has keyboard focus from the start, so Tab and the arrows work before any click.
    if (ImGui::GetFrameCount() <= 1) ImGui::SetNextWindowFocus();
    ImGui::Begin(kAppName, nullptr, flags);
    // The view scrolls; header and navigation stay, except on a short screen (a desktop window of
    // 1280 x 800 at 400 % zoom is 200 CSS px tall, a phone held sideways 360): there they scroll
    // with the view, as a page's top does, instead of filling the screen. On wide screens the view
    // is a centred column (tables and wrapped text take its width, not the screen's).
    // NavFlattened: keyboard navigation and Tab move through the view as part of the app window.
    const bool top_scrolls = ImGui::GetIO().DisplaySize.y < 480.0f;
    if (!top_scrolls) draw_top();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float column = ImGui::GetFontSize() * 72.0f + style.ScrollbarSize + style.ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > column) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - column) * 0.5f);
    // At the first frame ImGui does not know the view's height yet: it gets the scroll bar that
    // nearly every view needs, so that the view is laid out at its settled width. The frame shown
    // first is a later build (kBuildsBeforeFirstShown), whose thumb is sized from that height.
    const ImGuiWindowFlags first_frame = ImGui::GetFrameCount() <= 1 ? ImGuiWindowFlags_AlwaysVerticalScrollbar : 0;
    ImGui::BeginChild("view", ImVec2(avail > column ? column : 0.0f, 0.0f), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened | first_frame);
    if (scroll_to_top_) {
        ImGui::SetScrollY(0);
        scroll_to_top_ = false;
    }
    if (top_scrolls) draw_top();
    ImGui::PushItemWidth(-1.0f);
    ViewContext ctx = context();
    current_->draw(ctx);
    // The data's date and source end every view, on the canvas and so on every printed view.
    ImGui::Spacing();
    text_muted(data_provenance_sentence(data_));
    draw_find_match();
    selection_.frame(fonts_, platform_);
    ImGui::PopItemWidth();
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 2));
    ImGui::EndChild();

    draw_start_over_popup();
    draw_toast();
    ImGui::End();
    if (compact) ImGui::PopStyleVar(2);
    semantics::end_frame();
    note_frame_text();  // characters the fonts lack, drawn by the device's fonts from the next build
    if (const unsigned focus = semantics::take_focus_request()) platform_.focus_control(focus);
    sync_route();
}

void App::draw_top() {
    draw_header();
    draw_navigation();
    draw_banners();
    ImGui::Separator();
}

void App::draw_header() {
    {
        if (fonts_.heading) ImGui::PushFont(fonts_.heading);
        ImGui::TextUnformatted(kAppName);
        if (fonts_.heading) ImGui::PopFont();
        SemanticNode n = semantics::last_item(Role::heading, kAppName);
        n.id = semantics::text_id(kAppName);
        n.level = 1;
        semantics::add(n);
    }
    if (!narrow()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text_muted("Fees effective from " + shown().schedule.effective_from);
    }
    const char* summary = "Summary for your budget holder";
    const char* reset = "Start over";
    const float w_reset = button_width(reset);
    const float w_summary = options_.kiosk ? 0 : button_width(summary) + ImGui::GetStyle().ItemSpacing.x;
    if (!narrow()) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w_reset - w_summary);
    if (!options_.kiosk) {
        if (secondary_button(summary)) download_summary();
        same_line_if_fits(w_reset);
    }
    if (secondary_button(reset)) {
        confirm_start_over_ = true;
        ImGui::OpenPopup("Start over?");
    }
}

void App::draw_navigation() {
    // One row on wide screens; rows of three on a phone, so every label fits a finger.
    const int count = static_cast<int>(views_.size());
    const int per_row = narrow() ? std::min(3, count) : count;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    begin_group(Role::tablist, "Views");
    for (int i = 0; i < count; ++i) {
        View* v = views_[static_cast<std::size_t>(i)].get();
        if (i % per_row != 0) ImGui::SameLine();
        const std::string label = std::string(v->title()) + "##nav";
        if (tab_button(label.c_str(), v == current_, ImVec2(width, ImGui::GetFrameHeight() * 1.2f))) next_view_ = v->id();
    }
    end_group();
}

void App::draw_banners() {
    const Palette& p = palette();
    if (update_available_) {
        text_colored(p.text, "A new version is available.");
        same_line_if_fits(button_width("Reload"));
        if (primary_button("Reload")) platform_.reload();
    }
    if (const std::string w = fee_date_warning(shown(), today()); !w.empty()) text_colored(p.error, w);
    if (!notice_.empty()) {
        text_colored(p.error, notice_);
        if (secondary_button("Dismiss##notice")) notice_.clear();
    }
}

void App::draw_start_over_popup() {
    if (confirm_start_over_ && !ImGui::IsPopupOpen("Start over?")) ImGui::OpenPopup("Start over?");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Start over?", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
        begin_group(Role::dialog, "Start over?");
        text("This clears the form, the calculator and your choices.");
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
        end_group();
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
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Lines as wide as the screen less the toast's margins and padding (a file's long name on a phone).
    ImFont* font = ImGui::GetFont();
    const std::string lines = with_line_breaks(toast_, font, std::max(display.x - pad.x * 8, 1.0f) * font->FontSize / ImGui::GetFontSize());
    const std::string& shown = shown_text(lines);  // (shaped_text.h)
    const ImVec2 size = ImGui::CalcTextSize(shown.c_str());
    const ImVec2 min((display.x - size.x) * 0.5f - pad.x * 2, display.y - size.y - pad.y * 6);
    const ImVec2 max(min.x + size.x + pad.x * 4, min.y + size.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const Palette& p = palette();
    dl->AddRectFilled(min, max, ImGui::GetColorU32(p.text), 8.0f);
    dl->AddText(ImVec2(min.x + pad.x * 2, min.y + pad.y), ImGui::GetColorU32(p.background), shown.c_str());
    SemanticNode n;  // drawn over everything; also announced by the live region when shown
    n.id = semantics::text_id("toast");
    n.role = Role::status;
    n.name = toast_;
    n.x = min.x, n.y = min.y, n.w = max.x - min.x, n.h = max.y - min.y;
    semantics::add(n);
}

void App::on_find_match(unsigned id, int start, int end) { find_ = FindMatch{id, std::min(start, end), std::max(start, end), false}; }

void App::draw_find_match() {
    const SemanticNode* n = find_.id ? semantics::recorded(find_.id) : nullptr;
    if (!n) return;
    const std::vector<ImRect> rects =
        text_range_rects(*n, fonts_, utf8_offset_of_utf16(n->name, find_.start), utf8_offset_of_utf16(n->name, find_.end));
    if (rects.empty()) return;
    const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
    if (!find_.scrolled && (rects.front().Min.y < top || rects.front().Max.y > bottom))  // once: the person may scroll away
        ImGui::SetScrollY(ImGui::GetScrollY() + (rects.front().Min.y - top) - (bottom - top) * 0.3f);
    find_.scrolled = true;
    for (const ImRect& r : rects) ImGui::GetWindowDrawList()->AddRectFilled(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
}

void App::download_summary() {
    const std::string html = render_summary_html(data_, draft_.assumptions, profile_of(draft_, data_), draft_.request);
    platform_.download("iiif-consortium-membership-summary.html", "text/html;charset=utf-8", html);
    show_toast("Summary downloaded");
}

}  // namespace iiifc
