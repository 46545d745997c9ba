#include "draft_keeper.h"

#include "draft.h"

#include <random>

namespace iiifc {

DraftKeeper::DraftKeeper(PlatformServices& platform, bool kiosk) : platform_(platform), kiosk_(kiosk) {
    std::random_device random;  // crypto.getRandomValues in the browser
    const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < 8; ++i) tab_ += digits[random() % 36];
    if (kiosk_) state_ = StorageState::memory_only;
}

EditStamp DraftKeeper::stamp_now() const { return EditStamp{static_cast<std::int64_t>(platform_.wall_clock_ms()), tab_}; }

void DraftKeeper::start(const std::string& stored, bool stored_ok) {
    started_ = true;
    if (kiosk_) {
        // A kiosk keeps nothing: a draft left by an earlier version (or another mode) goes.
        if (!stored.empty()) platform_.store_draft("");
        return;
    }
    if (!stored.empty() && !stored_ok) platform_.store_draft("");  // do not trip over the same corrupt data at every start
    if (stored_ok) stored_ = stored;
    set_state(platform_.storage_state());  // a browser that refuses storage is known from the read
    if (storage_failing(state_)) next_retry_ = platform_.now_seconds() + kRetrySeconds;
}

void DraftKeeper::adopt(const std::string& draft_json) {
    if (!started_ || adopted_) return;
    adopted_ = true;
    last_json_ = draft_json;
    if (stored_.empty()) {  // nothing readable was stored (or a kiosk, which reads nothing)
        saved_ = parse_stamped_draft(draft_json);
        return;
    }
    // The stamps of what was stored; a field the restore had to change counts as edited now.
    saved_ = parse_stamped_draft(stored_);
    std::string().swap(stored_);
    if (!stamp_changes(saved_, draft_json, stamp_now()).empty()) pending_write_ = true;
}

void DraftKeeper::save(const std::string& draft_json) {
    if (!started_ || kiosk_) return;
    if (draft_json != last_json_) {
        if (!stamp_changes(saved_, draft_json, stamp_now()).empty()) pending_write_ = true;
        last_json_ = draft_json;
    }
    const bool retry_due = storage_failing(state_) && platform_.now_seconds() >= next_retry_;
    if (pending_write_ || retry_due) write();
}

void DraftKeeper::write() {
    const std::string text = stamped_draft_to_json(saved_);
    if (text.size() > kMaxDraftBytes) {
        set_state(StorageState::too_large);  // it would be ignored at the next start: not written
    } else {
        platform_.store_draft(text);
        set_state(platform_.storage_state());
    }
    pending_write_ = storage_failing(state_);
    if (pending_write_) next_retry_ = platform_.now_seconds() + kRetrySeconds;
}

void DraftKeeper::start_over(const std::string& fresh_json) {
    last_json_ = fresh_json;
    if (kiosk_) {
        saved_ = parse_stamped_draft(fresh_json);
        platform_.store_draft("");
        return;
    }
    // Every field cleared is an edit: the cleared draft wins over other tabs' older text.
    stamp_changes(saved_, fresh_json, stamp_now());
    for (const auto& f : saved_.fields) saved_.stamps[f.first] = stamp_now();
    write();
}

std::string DraftKeeper::merge_from_elsewhere(const std::string& current_json, const std::string& stored) {
    if (!started_ || kiosk_ || stored.empty()) return "";  // a removed draft: this tab's text stays
    const StampedDraft incoming = parse_stamped_draft(stored);
    if (incoming.fields.empty()) return "";
    // What this tab has typed since its last save is an edit of now, older than nothing stored.
    if (current_json != last_json_) {
        if (!stamp_changes(saved_, current_json, stamp_now()).empty()) pending_write_ = true;
        last_json_ = current_json;
    }
    const DraftMerge m = merge_drafts(saved_, incoming, editing_);
    saved_ = m.merged;
    // Storage holds the other tab's draft: when this tab has newer fields, the union is written.
    if (!(saved_.fields == incoming.fields && saved_.stamps == incoming.stamps)) pending_write_ = true;
    // The next save compares the App's draft with the merged one: a field the App could not take
    // (a value the draft reader refuses) is stamped with this tab's value, and that is written.
    last_json_.clear();
    if (m.changed.empty()) return "";
    return stamped_draft_to_json(saved_);
}

double DraftKeeper::seconds_until_wakeup() const {
    if (redraw_) return 0;  // saving is done after a frame: the message must follow
    if (!storage_failing(state_)) return -1;
    const double left = next_retry_ - platform_.now_seconds();
    return (left > 0 ? left : 0) + 0.05;
}

void DraftKeeper::set_state(StorageState s) {
    if (s == state_) return;
    if (storage_failing(s)) platform_.announce(storage_sentence(s));  // once, not at every retry
    state_ = s;
    redraw_ = true;
}

}  // namespace iiifc
