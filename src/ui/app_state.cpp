// The app's state between frames: deep links, the saved draft, the semantics tree, kiosk idle and
// starting over.
#include "app.h"
#include "schedules.h"

#include <algorithm>

namespace iiifc {

void App::restore_draft(const std::string& stored_json) {
    restored_ = true;
    DraftRestore r;
    if (!stored_json.empty() && !options_.kiosk) {  // a kiosk starts empty whatever was stored
        r = draft_from_json(stored_json, data_);
        draft_ = r.draft;
        notice_ = r.notice;
    }
    // Nothing is written until the user changes something; a corrupt draft is removed.
    keeper_.start(stored_json, r.ok);
    keeper_baseline_ = draft_;  // given to the keeper after the first frame: adopt_restored_draft
}

void App::adopt_restored_draft() {
    if (!keeper_baseline_) return;
    keeper_.adopt(draft_to_json(*keeper_baseline_, data_));
    keeper_baseline_.reset();
}

void App::on_draft_saved_elsewhere(const std::string& stored) {
    adopt_restored_draft();
    const std::string merged = keeper_.merge_from_elsewhere(draft_to_json(draft_, data_), stored);
    if (merged.empty()) return;
    const DraftRestore r = draft_from_json(merged, data_);
    if (r.ok) draft_ = r.draft;
}

void App::on_data_updated(MembershipData data) {
    adopt_restored_draft();  // against the data it was restored with
    // The draft is read again against the new data, as at a start (a tier that went is reset, with a notice).
    const std::string json = draft_to_json(draft_, data_);
    const std::string previewed = preview_ ? preview_->schedule.id : "";
    data_ = std::move(data);
    show_schedule_for_date(data_, today());
    preview_.reset();
    if (!previewed.empty()) preview_schedule(previewed);
    const DraftRestore r = draft_from_json(json, data_);
    if (r.ok) draft_ = r.draft;
    if (!r.notice.empty()) notice_ = r.notice;
    for (const auto& v : views_) v->on_data_changed();
}

void App::open_fragment(const std::string& fragment) {
    const Route r = parse_route(fragment);
    View* v = find_view(r.view);
    if (!v) v = views_.front().get();     // an unknown or missing view: the first
    preview_schedule(r.get("schedule"));  // none, or the one in force: no preview
    const std::string tier = r.get("tier"), type = r.get("type");
    if (data_.find_tier(tier)) set_value_of_kind(draft_.request, data_, FieldKind::tier, tier);
    if (data_.find_organisation_type(type)) set_value_of_kind(draft_.request, data_, FieldKind::organisation_type, type);
    ViewContext ctx = context();
    v->open_route(r, ctx);
    go_to(v->id());
    platform_.set_page_title(page_title());
    // The browser is already there: not pushed again. A missing or unknown view is corrected in
    // place (the first frame replaces the address): no history entry to go back to, no second title.
    last_fragment_ = r.view == v->id() ? fragment : "#/" + std::string(v->id());
}

std::string App::page_title() const { return std::string(current_->title()) + " \xC2\xB7 IIIF Consortium membership"; }

void App::sync_route() {
    Route r;
    r.view = current_->id();
    r.set("tier", value_of_kind(draft_.request, data_, FieldKind::tier));
    r.set("type", value_of_kind(draft_.request, data_, FieldKind::organisation_type));
    if (preview_) r.set("schedule", preview_->schedule.id);
    current_->add_route_params(r);
    const std::string fragment = format_route(r);
    if (fragment == last_fragment_) return;
    // A new view is a new history entry (back returns to the last view); a changed choice is not.
    const bool new_view = parse_route(last_fragment_).view != r.view;
    platform_.set_location_fragment(fragment, new_view);
    if (new_view) platform_.set_page_title(page_title());
    last_fragment_ = fragment;
}

void App::commit() {
    sync_storage();
    ViewContext ctx = context();
    current_->commit(ctx);
    publish_semantics();
}

void App::sync_storage() {
    if (!restored_) return;
    adopt_restored_draft();
    keeper_.save(draft_to_json(draft_, data_));
}

void App::start_over() {
    draft_ = new_draft(data_);
    for (const auto& v : views_) v->reset();
    notice_.clear();
    go_to(views_.front()->id());
    adopt_restored_draft();
    keeper_.start_over(draft_to_json(draft_, data_));
    platform_.announce("Everything was cleared.");
}

double App::seconds_until_wakeup() const {
    const double now = platform_.now_seconds();
    double wake = -1;
    if (!toast_.empty()) wake = std::max(0.0, toast_until_ - now) + 0.05;
    if (!next_view_.empty() || next_schedule_) wake = 0;  // a tab or a schedule was chosen: shown next frame
    if (options_.kiosk) {
        const double idle = std::max(0.0, last_input_ + options_.idle_timeout - now) + 0.05;
        wake = wake < 0 ? idle : std::min(wake, idle);
    }
    const double keeper = keeper_.seconds_until_wakeup();  // storage refused: try again quietly
    if (keeper >= 0) wake = wake < 0 ? keeper : std::min(wake, keeper);
    return wake;
}

void App::on_semantic_action(unsigned id, SemanticAction action, const std::string& value) {
    semantics::set_current(&semantics_);
    semantics::queue(id, action, value);
    note_user_input();
}

void App::on_semantic_caret(unsigned id, int start, int end) {
    semantics::set_current(&semantics_);
    semantics::set_caret(id, start, end);
}

std::string App::semantics_json() {
    semantics::set_current(&semantics_);
    return semantics::json();
}

void App::publish_semantics() {
    const std::string json = semantics_json();
    if (json == last_published_semantics_) return;
    last_published_semantics_ = json;
    platform_.publish_semantics(json);
}

}  // namespace iiifc
