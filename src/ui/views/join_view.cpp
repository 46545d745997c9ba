// Join: the form (one row per field of the data, in its order, with the message under its field),
// the actions (email program, copy, download or load the join request file) and a live preview of
// the email; in kiosk mode a QR code instead, so a visitor continues on their own phone.
#include "join_view.h"

#include "semantics.h"
#include "storage_status.h"
#include "text_utf8.h"
#include "theme.h"
#include "widget_registry.h"
#include "widgets.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

namespace iiifc {

namespace {

constexpr const char* kHeading = "Ask to join";
constexpr const char* kRequestFileName = "iiif-consortium-join-request.json";

std::string intro(const MembershipData& data) { return data.join.instructions + " This form writes the email for you."; }
std::string field_label(const JoinField& f) { return f.label + (f.required ? " (required)" : ""); }
std::string plain_request(const JoinRequest& r, const MembershipData& data) {
    return "To: " + data.join.email + "\nSubject: " + email_subject(r, data) + "\n\n" + email_body(r, data);
}
std::string missing_line(std::size_t n) {
    return "The request can be sent once the form is complete: " + std::to_string(n) + (n == 1 ? " field needs" : " fields need") +
        " attention.";
}

}  // namespace

std::unique_ptr<View> make_join_view() { return std::make_unique<JoinView>(); }

std::vector<FieldError> JoinView::visible_errors(const JoinRequest& r, const MembershipData& data) const {
    std::vector<FieldError> shown;
    for (const FieldError& e : validate(r, data))
        if (send_attempted_ || touched_.count(e.field)) shown.push_back(e);
    return shown;
}

bool JoinView::field(ViewContext& ctx, const JoinField& f, const std::vector<FieldError>& errors) {
    static const char* const kinds[] = {"text", "text", "email", "url", "date", "", "", "", "", ""};  // by FieldKind: the input's type
    const std::string control = "##" + f.id;
    const ImGuiID control_id = ImGui::GetID(control.c_str());
    std::string& value = ctx.draft.request.at(f.id);
    std::vector<std::string> messages;
    for (const FieldError& e : errors_for(errors, f.id)) messages.push_back(e.message);
    std::string error;
    for (const std::string& m : messages) error += (error.empty() ? "" : " ") + m;
    begin_form_row(field_label(f), ctx.shell.narrow());
    const float width = form_control_width();
    ImGui::SetNextItemWidth(width);
    set_next_field({f.label, f.required, error, f.autocomplete, f.placeholder, kinds[static_cast<int>(f.kind)]});
    bool changed = false;
    switch (f.kind) {
        case FieldKind::tier: changed = tier_combo(control.c_str(), ctx.in_force, value); break;
        case FieldKind::organisation_type: changed = organisation_type_combo(control.c_str(), ctx.in_force, value); break;
        case FieldKind::country: changed = country_combo(control.c_str(), ctx.in_force, value); break;
        case FieldKind::add_ons: {  // shared with the calculator's choice on the Costs view
            std::vector<std::string> chosen = chosen_add_ons(ctx.draft.request, ctx.in_force);
            changed = add_on_checkboxes(control.c_str(), f.label, ctx.in_force, chosen);
            if (changed) set_chosen_add_ons(ctx.draft.request, ctx.in_force, chosen);
            break;
        }
        case FieldKind::yes_no: {
            bool on = !value.empty();
            changed = checkbox(control.c_str(), &on);
            value = on ? "yes" : "";
            break;
        }
        case FieldKind::multiline: changed = text_area(control.c_str(), &value, ImVec2(width, ImGui::GetTextLineHeight() * 5)); break;
        default: changed = text_field(control.c_str(), &value, f.placeholder.c_str()); break;
    }
    if (changed || last_field_left()) touched_.insert(f.id);                                          // leaving a field shows what it lacks
    if (ImGui::IsItemActive() || semantics::dom_focus() == control_id) ctx.shell.note_editing(f.id);  // another tab's save leaves it alone
    end_form_row(f.label, control_id, messages);
    return changed;
}

void JoinView::draw(ViewContext& ctx) {
    const MembershipData& data = ctx.in_force;
    const Palette& p = palette();
    heading(kHeading, ctx.fonts.heading, 2);
    text(intro(data));
    // Where the answers are kept; when the browser refuses, said in place, with a way to keep them.
    const StorageState storage = ctx.shell.storage_state();
    if (storage_failing(storage)) {
        status_text(p.error, storage_sentence(storage));
        if (secondary_button("Download the request")) download_request(ctx);
    } else {
        text_muted(storage_sentence(storage));
    }

    const std::vector<FieldError> shown = visible_errors(ctx.draft.request, data);
    for (const JoinField& f : data.join.fields)
        if (field_asked(ctx.draft.request, f, data)) field(ctx, f, shown);

    const JoinRequest& r = ctx.draft.request;
    const std::vector<FieldError> all = validate(r, data);
    const std::string mailto = mailto_uri(r, data);
    heading("Your request", ctx.fonts.bold);
    if (!all.empty()) {
        status_text(p.error, missing_line(all.size()));
        if (secondary_button("Show what is missing")) send_attempted_ = true;
    }
    if (ctx.options.kiosk) {
        if (all.empty()) {
            text("Scan this code with your phone to send the request from your own email:");
            draw_qr(mailto);
        }
    } else {
        if (primary_button("Open in my email program", all.empty())) ctx.platform.open_url(mailto);
        if (ImGui::IsItemClicked()) send_attempted_ = true;  // even when it cannot send yet: show why
        if (all.empty() && mailto_too_long(mailto))
            text_muted(
                "This request is long: some email programs cut long links. If it arrives incomplete, copy it or download it instead.");
        same_line_if_fits(button_width("Copy request"));
    }
    if (secondary_button("Copy request")) ctx.platform.copy_to_clipboard(plain_request(r, data));
    if (!ctx.options.kiosk) {
        same_line_if_fits(button_width("Download .txt"));
        if (secondary_button("Download .txt")) {
            ctx.platform.download("iiif-consortium-join-request.txt", "text/plain;charset=utf-8", plain_request(r, data));
            ctx.shell.show_toast("Request downloaded as text");
        }
        same_line_if_fits(button_width("Download .json"));
        if (secondary_button("Download .json")) download_request(ctx);
        same_line_if_fits(button_width("Load .json"));
        if (secondary_button("Load .json")) ctx.platform.request_file(".json,application/json");
    }

    heading("Preview", ctx.fonts.bold);
    text_muted("To: " + data.join.email);
    text_muted("Subject: " + email_subject(r, data));
    set_next_field({"Preview", false, "", "", "", ""});
    read_only_text("##preview", email_body(r, data), ImVec2(-1.0f, ImGui::GetTextLineHeight() * 18));
}

void JoinView::download_request(ViewContext& ctx) {  // "Load .json" reads it back
    ctx.platform.download(kRequestFileName, "application/json", join_request_to_json(ctx.draft.request, ctx.in_force));
    ctx.shell.show_toast("Join request file downloaded");
}

void JoinView::commit(ViewContext& ctx) {
    const std::size_t n = visible_errors(ctx.draft.request, ctx.in_force).size();
    if (n == announced_errors_) return;
    announced_errors_ = n;
    ctx.platform.announce(n == 0 ? "The form has no errors." : "Form has " + std::to_string(n) + (n == 1 ? " error." : " errors."));
}

bool JoinView::on_file_loaded(const std::string& name, const std::string& content, ViewContext& ctx) {
    const JoinImport imp = join_request_from_json(content, name, ctx.in_force);
    if (!imp.ok) {
        ctx.shell.show_notice("That join request file could not be loaded: " + imp.error + ". Your form is unchanged.");
        return true;
    }
    const std::string tier = value_of_kind(ctx.draft.request, ctx.in_force, FieldKind::tier);
    ctx.draft.request = imp.request;
    if (!ctx.in_force.find_tier(value_of_kind(ctx.draft.request, ctx.in_force, FieldKind::tier)))  // keep a tier the data knows
        set_value_of_kind(ctx.draft.request, ctx.in_force, FieldKind::tier, tier);
    touched_.clear();
    send_attempted_ = true;  // show what the loaded request still lacks
    ctx.shell.go_to(id());
    ctx.shell.show_toast("Loaded " + name);
    return true;
}

void JoinView::reset() {
    touched_.clear();
    send_attempted_ = false;
}

void JoinView::draw_qr(const std::string& payload) {
    if (payload != qr_payload_) {  // encoded once per request text, not at every frame
        qr_payload_ = payload;
        qr_ = encode_qr(payload);
    }
    if (qr_.size == 0) {
        text_colored(palette().error, "This request is too long for a QR code; shorten the message.");
        return;
    }
    const int quiet = 4;  // the quiet zone QR readers need
    const float side = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 22);
    const float cell = side / static_cast<float>(qr_.size + 2 * quiet);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(o, ImVec2(o.x + side, o.y + side), IM_COL32_WHITE);
    for (int y = 0; y < qr_.size; ++y)
        for (int x = 0; x < qr_.size; ++x)
            if (qr_.at(x, y)) {
                const ImVec2 a(o.x + (x + quiet) * cell, o.y + (y + quiet) * cell);
                dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32_BLACK);
            }
    // An item with an id (not a Dummy) so the tests can find it; not a keyboard stop.
    const ImRect box(o, ImVec2(o.x + side, o.y + side));
    const ImGuiID id = ImGui::GetID("##qr");
    ImGui::ItemSize(box);
    ImGui::ItemAdd(box, id, nullptr, ImGuiItemFlags_NoNav);
    widget_registry_note("QR code", id);
    image("QR code of the email to send: scan it to open it on your phone");
}

}  // namespace iiifc
