// A view of the portal: one module that owns its own state and says its id (in the URL), its
// title (on the navigation, as the canvas shows it) and how it draws. What it draws it also says
// to assistive technology through the widgets (widgets.h): a view never describes itself twice. The app keeps a list of
// them (views/view_list.cpp) and knows nothing else about any one view.
#pragma once

#include "draft.h"
#include "membership.h"
#include "platform_services.h"
#include "route.h"
#include "storage_status.h"

#include <memory>
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

struct Fonts {  // set by the runner after it builds the font atlas; null uses the default
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
};

// What a view may ask of the app around it.
class Shell {
public:
    virtual ~Shell() = default;
    virtual void go_to(const std::string& view_id) = 0;
    virtual void choose_tier(const std::string& tier_id) = 0;        // the join request's tier, confirmed by a toast
    virtual void show_toast(const std::string& text) = 0;            // a short confirmation, also announced
    virtual void show_notice(const std::string& text) = 0;           // a banner that stays until dismissed, also announced
    virtual bool narrow() const = 0;                                 // phone-sized layout
    virtual StorageState storage_state() const = 0;                  // whether the draft is kept on this device
    virtual void note_editing(const std::string& field_id) = 0;      // being typed in: another tab's save leaves it alone
    virtual void show_schedule(const std::string& schedule_id) = 0;  // preview another schedule (the in-force one ends it)
};

// Everything a view works on, handed to it at each call.
struct ViewContext {
    const MembershipData& data;      // the schedule shown (the one in force, or one previewed: #/tiers?schedule=2020)
    const MembershipData& in_force;  // the schedule in force today: the draft and the join request use it
    Draft& draft;
    PlatformServices& platform;
    const AppOptions& options;
    const Fonts& fonts;
    Shell& shell;
};

class View {
public:
    virtual ~View() = default;
    virtual const char* id() const = 0;                     // "#/<id>" in the URL
    virtual const char* title() const = 0;                  // the navigation's label and the page title
    virtual void draw(ViewContext& ctx) = 0;                // between ImGui::NewFrame and Render
    virtual void open_route(const Route&, ViewContext&) {}  // a deep link's parameters of this view's own
    virtual void add_route_params(Route&) const {}          // ... and back into the URL
    virtual void commit(ViewContext&) {}                    // when a burst of frames ends (announcements)
    // A file the user picked (platform.request_file): true if this view took it.
    virtual bool on_file_loaded(const std::string& /*name*/, const std::string& /*content*/, ViewContext&) { return false; }
    virtual void reset() {}            // start over
    virtual void on_data_changed() {}  // newer data replaced the data (kept edits may not fit)
};

using Views = std::vector<std::unique_ptr<View>>;
Views default_views();  // the portal's views, in navigation order

}  // namespace iiifc
