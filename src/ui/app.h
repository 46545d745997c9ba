// The portal's UI: one App owns the membership data, the user's draft and the view state, and
// draws everything with Dear ImGui once per frame. It knows nothing of the browser: what it needs
// from the platform goes through PlatformServices.
//
// Index of the implementation files:
//   app.cpp              frame, navigation, deep links, draft saving, kiosk idle, toasts, start over
//   view_tiers.cpp       Tiers: side-by-side comparison, goals, "Choose this tier"
//   view_costs.cpp       Costs: inputs, assumptions, results per tier, chart, recommendation
//   view_governance.cpp  Governance: rights, TRC what-if, commercial cap
//   view_members.cpp     Members: search, filter, counts
//   view_join.cpp        Join: form, validation, preview, mailto/copy/download/load, kiosk QR
//   app_accessible.cpp   the DOM mirror of each view, for screen readers
//   widgets.cpp          shared widgets (headings, wrapped text, badges, labelled fields)
#pragma once

#include "draft.h"
#include "draft_keeper.h"
#include "membership.h"
#include "platform_services.h"
#include "qr_code.h"
#include "route.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

struct ImFont;

namespace iiifc {

struct AppOptions {
    bool kiosk = false;           // ?kiosk=1: larger type, nothing that leaves the app, idle reset, QR code
    double idle_timeout = 90.0;   // seconds without input before a kiosk starts over
    bool dark = false;            // prefers-color-scheme: dark
    bool reduced_motion = false;  // prefers-reduced-motion
};

struct Fonts {                    // set by the runner after it builds the font atlas; null uses the default
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
};

class App {
public:
    App(MembershipData data, PlatformServices& platform, AppOptions options);

    // Start-up and platform events.
    void restore_draft(const std::string& stored_json);     // from browser storage; corrupt data is ignored with a notice
    void open_fragment(const std::string& fragment);        // deep link at load, and back/forward
    void on_file_loaded(const std::string& name, const std::string& content);  // a .json draft picked by the user
    void on_clipboard_result(bool ok);
    void on_update_available();                             // a new version of the app was installed
    void on_draft_saved_elsewhere(const std::string& stored);  // another tab saved: merged field by field
    void on_data_updated(MembershipData data);              // newer data found after the start: applied quietly
    void set_dark(bool dark);
    void set_fonts(const Fonts& fonts) { fonts_ = fonts; }
    void note_user_input();                                 // any input: resets the kiosk idle timer

    void frame();                                           // the whole UI; between ImGui::NewFrame and Render
    // Saves the draft, announces form errors and publishes the DOM mirror if they changed. The
    // runner calls it when a burst of frames ends (and now and then during long ones), not every frame.
    void commit();
    double seconds_until_wakeup() const;                    // when the app needs a frame by itself (toast, idle reset); <0: never

    // Read access, for the runner and tests.
    const Draft& draft() const { return draft_; }
    Draft& draft() { return draft_; }
    const std::string& view() const { return route_.view; }
    const std::string& notice() const { return notice_; }
    const std::string& toast() const { return toast_; }
    const std::string& last_fragment() const { return last_fragment_; }
    const MembershipData& data() const { return data_; }
    const AppOptions& options() const { return options_; }
    StorageState storage_state() const { return keeper_.state(); }
    bool update_available() const { return update_available_; }
    std::vector<FieldError> visible_errors() const;         // validation messages shown in the form now
    std::string accessible_view_json() const;               // the DOM mirror of the current view (accessible_view.h)

    static const char* view_title(const std::string& view);

private:
    // Views (one file each).
    void draw_tiers();
    void draw_costs();
    void draw_governance();
    void draw_members();
    void draw_join();

    // Chrome and shared behaviour (app.cpp).
    void draw_header();
    void draw_navigation();
    void draw_banners();
    void draw_start_over_popup();
    void draw_toast();
    void go_to(const std::string& view);
    void choose_tier(const std::string& tier_id);
    void set_organisation_type(const std::string& type_id);
    void sync_profile_from_request();
    void sync_route();
    void sync_storage();
    void start_over();
    void show_toast(const std::string& text);
    void download_summary();
    void publish_accessible_view();                         // after each frame, when the mirror changed
    void announce_form_errors();                            // "Form has 2 errors" when the count changes
    bool narrow() const;                                    // phone-sized layout
    bool tier_selector(const char* label, std::string& tier_id);
    bool organisation_type_selector(const char* label, std::string& type_id);

    MembershipData data_;
    PlatformServices& platform_;
    AppOptions options_;
    Fonts fonts_;

    Draft draft_;
    Route route_;
    std::string last_fragment_;
    DraftKeeper keeper_;                    // saving, other tabs' saves, storage state
    bool restored_ = false;
    bool scroll_to_top_ = false;

    // Members view.
    std::string member_query_;
    std::string member_tier_filter_;        // "" = all

    // Costs view: text being typed into money fields, kept until it parses.
    struct MoneyEdit { std::string text; std::int64_t shown = -1; bool invalid = false; };
    std::map<std::string, MoneyEdit> money_edits_;
    bool money_input(const char* label, Money& value);

    // Join view.
    std::set<std::string> touched_;         // fields the user has edited; their errors show
    bool send_attempted_ = false;           // after a try to send, every error shows
    bool join_field(const JoinField& field, const std::vector<FieldError>& errors);
    void draw_qr(const std::string& payload);
    void download_request_json();           // loads back with "Load .json"
    std::string qr_payload_;                // what qr_ encodes
    QrCode qr_;

    // Messages.
    std::string notice_;                    // persistent banner (e.g. a stored draft could not be read)
    std::string toast_;                     // short confirmation ("Copied")
    double toast_until_ = 0;
    bool update_available_ = false;
    bool confirm_start_over_ = false;
    std::string last_published_view_;
    std::size_t announced_errors_ = 0;
    double last_input_ = 0;
};

}  // namespace iiifc
