// The portal's UI shell: it owns the membership data, the user's draft and the list of views, and
// draws the header, the navigation, banners and the current view with Dear ImGui once per frame.
// It knows nothing of the browser (PlatformServices) nor of any one view (View, views/).
//
//   app.cpp         frame: header, navigation, banners, the current view, toast, start-over popup
//   app_state.cpp   deep links, draft saving, the semantics tree, kiosk idle, start over
//   views/          one file per view; views/view_list.cpp registers them
//   widgets.cpp     shared widgets (headings, wrapped text, badges, buttons, combos, form rows)
#pragma once

#include "draft.h"
#include "draft_keeper.h"
#include "membership.h"
#include "platform_services.h"
#include "route.h"
#include "semantics.h"
#include "text_selection.h"
#include "theme.h"
#include "view.h"

#include <optional>
#include <string>
#include <vector>

namespace iiifc {

// How many frames the app builds before the first one is shown: the first build gives the view
// its scroll bar but sizes the bar's thumb from the height the view had in the frame before, so
// the second is the settled frame (App::frame; the start, src/platform/web/startup.cpp).
constexpr int kBuildsBeforeFirstShown = 2;

class App final : public Shell {
public:
    App(MembershipData data, PlatformServices& platform, AppOptions options, Views views = default_views());

    // Start-up and platform events.
    void restore_draft(const std::string& stored_json);  // from browser storage; corrupt data is ignored with a notice
    // Gives the draft keeper the draft as restored: serialising and stamping it is off the path to
    // the first frame (the runner calls it while the GPU draws that frame; else the first need does).
    void adopt_restored_draft();
    void open_fragment(const std::string& fragment);                           // deep link at load, and back/forward
    void on_file_loaded(const std::string& name, const std::string& content);  // a file picked by the user
    void on_clipboard_result(bool ok);
    void on_update_available();                                // a new version of the app was installed
    void on_draft_saved_elsewhere(const std::string& stored);  // another tab saved: merged field by field
    void on_data_updated(MembershipData data);                 // newer data found after the start: applied quietly
    void set_dark(bool dark);
    // The person's other display settings (media queries): forced colours with the system's
    // colours, more contrast, reduced motion (no blinking caret).
    void set_display_settings(bool forced_colours, const SystemColours& system, bool more_contrast, bool reduced_motion);
    void set_fonts(const Fonts& fonts) { fonts_ = fonts; }
    void note_user_input();  // any input: resets the kiosk idle timer

    void frame();  // the whole UI; between ImGui::NewFrame and Render
    // Saves the draft, lets the view announce and publishes the semantics if they changed. The
    // runner calls it when a burst of frames ends (and now and then during long ones), not every frame.
    void commit();
    double seconds_until_wakeup() const;  // when the app needs a frame by itself (toast, idle reset); <0: never

    // For the runner and tests.
    const Draft& draft() const { return draft_; }
    Draft& draft() { return draft_; }                        // tests set fields directly
    const std::string& view() const { return current_id_; }  // the current view's id
    const std::string& notice() const { return notice_; }
    const std::string& toast() const { return toast_; }
    const std::string& last_fragment() const { return last_fragment_; }
    const MembershipData& data() const { return data_; }                          // the schedule in force today
    const MembershipData& shown() const { return preview_ ? *preview_ : data_; }  // the schedule the views show
    const AppOptions& options() const { return options_; }
    bool update_available() const { return update_available_; }
    StorageState storage_state() const override { return keeper_.state(); }
    View* find_view(const std::string& id) const;  // nullptr if no view has that id
    std::string page_title() const;                // "Join · IIIF Consortium membership"
    std::string semantics_json();                  // what the last frame drew, for assistive technology
    // A person acted on a DOM control over the canvas (semantics.h): the widget takes it next frame.
    void on_semantic_action(unsigned id, SemanticAction action, const std::string& value);
    void on_semantic_caret(unsigned id, int start, int end);  // the page's caret in a field it edits
    // The browser's find in page matched the text of node `id`, UTF-16 units start..end: the view
    // scrolls to it and marks it, as a page would. Id 0: no match any more (the mark goes).
    void on_find_match(unsigned id, int start, int end);
    bool select_word_at(float x, float y);  // a long press there (touch): true if it was on text

    // Shell: what views ask of the app.
    void go_to(const std::string& view_id) override;
    void choose_tier(const std::string& tier_id) override;
    void show_toast(const std::string& text) override;
    void show_notice(const std::string& text) override;
    bool narrow() const override;
    void note_editing(const std::string& field_id) override { keeper_.note_editing(field_id); }
    void show_schedule(const std::string& schedule_id) override;

private:
    void draw_top();  // header, navigation, banners
    void draw_header();
    void draw_navigation();
    void draw_banners();
    void draw_start_over_popup();
    void draw_toast();
    void draw_find_match();  // inside the view: scrolls to the match once, and marks it
    void sync_route();
    void sync_storage();
    void start_over();
    void download_summary();
    void publish_semantics();  // when the tree changed
    ViewContext context();

    std::string today() const;                              // the platform's clock, as an ISO date
    void preview_schedule(const std::string& schedule_id);  // the in-force one (or none) ends the preview
    std::optional<std::string> next_schedule_;              // chosen while a view drew: applied next frame
    MembershipData data_;                                   // showing the schedule in force today
    std::optional<MembershipData> preview_;                 // another schedule, while previewed
    PlatformServices& platform_;
    AppOptions options_;
    ThemeChoice theme_;  // what the colours follow
    Fonts fonts_;
    Views views_;
    semantics::Context semantics_;  // this app's trees and pending actions
    View* current_ = nullptr;       // never null: the first view until a route names another
    std::string current_id_;
    // The view a tab chose while the tabs were drawn: shown from the next frame. Tabs come before
    // the view, so switching at once would draw (and tell assistive technology) one frame whose
    // selected tab is not the view under it.
    std::string next_view_;

    Draft draft_;
    std::string last_fragment_;
    DraftKeeper keeper_;                    // saving, other tabs' saves, storage state
    std::optional<Draft> keeper_baseline_;  // the draft as restored, until the keeper has it
    bool restored_ = false;
    bool scroll_to_top_ = false;
    struct FindMatch {
        unsigned id = 0;  // 0: none
        int start = 0, end = 0;
        bool scrolled = false;
    } find_;
    TextSelection selection_;  // text selected on the canvas

    std::string notice_;  // persistent banner (e.g. a stored draft could not be read)
    std::string toast_;   // short confirmation ("Copied")
    double toast_until_ = 0;
    bool update_available_ = false;
    bool confirm_start_over_ = false;
    std::string last_published_semantics_;
    double last_input_ = 0;
};

}  // namespace iiifc
