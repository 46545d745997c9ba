// Keeps the user's draft on the device for the App: stamps each field's edits, writes the draft
// when something changed, merges what other tabs saved (the latest edit of each field wins),
// tracks whether storage works and retries quietly when it does not. In kiosk mode nothing is
// ever written, and what an earlier version left behind is removed. No ImGui here.
#pragma once

#include "draft_merge.h"
#include "platform_services.h"
#include "storage_status.h"

#include <set>
#include <string>

namespace iiifc {

class DraftKeeper {
public:
    DraftKeeper(PlatformServices& platform, bool kiosk);

    // At start: the stored text ("" when none) and whether it was a readable draft (an unreadable
    // one is removed). The storage state is known from here on (the first frame says it).
    void start(const std::string& stored, bool stored_ok);
    // The draft restored from it (draft_to_json), before any other call below: given after the
    // first frame, not on the start-up's path (serialising and stamping the draft).
    void adopt(const std::string& draft_json);
    void save(const std::string& draft_json);        // stamps what changed; writes; retries a failed write when due
    void start_over(const std::string& fresh_json);  // every field edited now: other tabs clear too
    // Another tab saved `stored`. Returns the merged draft's JSON when fields changed here, else "".
    std::string merge_from_elsewhere(const std::string& current_json, const std::string& stored);

    void begin_frame() {
        editing_.clear();
        redraw_ = false;
    }
    void note_editing(const std::string& join_field_id) { editing_.insert("request." + join_field_id); }  // keeps its local text

    StorageState state() const { return state_; }
    double seconds_until_wakeup() const;  // a retry, or 0 to show a changed state; <0: nothing due
    static constexpr double kRetrySeconds = 5.0;

private:
    EditStamp stamp_now() const;
    void write();
    void set_state(StorageState s);

    PlatformServices& platform_;
    bool kiosk_;
    std::string tab_;             // this tab's id, random
    StampedDraft saved_;          // the draft as last saved or merged, with its stamps
    std::string last_json_;       // draft_to_json of the last draft stamped
    bool pending_write_ = false;  // saved_ is not in storage yet
    bool started_ = false;
    bool adopted_ = false;
    std::string stored_;  // the readable draft stored at start, until adopted ("" when none)
    StorageState state_ = StorageState::kept;
    double next_retry_ = 0;
    bool redraw_ = false;            // the state changed after the last frame was drawn
    std::set<std::string> editing_;  // the field being typed in, in the last frame
};

}  // namespace iiifc
