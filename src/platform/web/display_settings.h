// The person's display settings (forced colours and the system colours, more contrast, reduced
// motion), read from the page (library_display.js) and given to the app: at the start and each
// time one changes.
#pragma once

namespace iiifc {

class App;

void apply_display_settings(App& app);  // reads them now
void watch_display_settings();          // portal_on_display_settings, on any change

}  // namespace iiifc
