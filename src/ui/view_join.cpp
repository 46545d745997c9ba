// Join: the request form with inline validation next to each field, a live preview of the
// email, and the actions (email program, copy, download .txt/.json, load .json); in kiosk mode a
// QR code instead, so a visitor continues on their own phone.
#include "app.h"
#include "join_request.h"
#include "qr_code.h"
#include "theme.h"
#include "widget_registry.h"
#include "widgets.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

namespace iiifc {

std::vector<FieldError> App::visible_errors() const {
    std::vector<FieldError> shown;
    for (const FieldError& e : validate(draft_.request, data_))
        if (send_attempted_ || touched_.count(e.field)) shown.push_back(e);
    return shown;
}

bool App::join_field(const JoinField& f, const std::vector<FieldError>& errors) {
    const std::string label = f.label + (f.required ? " *" : "") + "##" + f.id;
    bool changed = false;
    ImGui::SetNextItemWidth(input_width_for(label.c_str()));
    if (f.id == "tier") {
        changed = tier_selector(label.c_str(), draft_.request.tier);
    } else if (f.id == "organisation_type") {
        changed = organisation_type_selector(label.c_str(), draft_.request.organisation_type);
    } else if (f.id == "purchase_order") {
        changed = ImGui::Checkbox(label.c_str(), &draft_.request.purchase_order);
    } else if (std::string* value = text_field(draft_.request, f.id)) {
        if (f.id == "message") {
            changed = ImGui::InputTextMultiline(label.c_str(), value, ImVec2(input_width_for(label.c_str()), ImGui::GetTextLineHeight() * 5));
        } else {
            const char* hint = f.id == "contact_email" || f.id == "billing_email" ? "name@example.org"
                             : f.id == "website" ? "https://example.org"
                             : f.id == "start_date" ? "YYYY-MM-DD" : "";
            changed = ImGui::InputTextWithHint(label.c_str(), hint, value);
        }
    }
    if (changed) touched_.insert(f.id);
    if (ImGui::IsItemActive()) keeper_.note_editing(f.id);  // another tab's save leaves this field's text alone
    if (ImGui::IsItemDeactivated()) touched_.insert(f.id);  // leaving a field shows what it lacks
    for (const FieldError& e : errors_for(errors, f.id)) text_colored(palette().error, "\xE2\x9A\xA0 " + e.message);
    return changed;
}

void App::draw_join() {
    const Palette& p = palette();
    heading("Ask to join", fonts_.heading);
    text(data_.join.instructions + " This form writes the email for you.");
    text_muted("Fields marked * are required.");
    // Where the answers are kept; when the browser refuses, said in place, with a way to keep them.
    if (storage_failing(keeper_.state())) {
        text_colored(p.error, storage_sentence(keeper_.state()));
        if (secondary_button("Download the request")) download_request_json();
    } else {
        text_muted(storage_sentence(keeper_.state()));
    }

    const std::vector<FieldError> shown = visible_errors();
    for (const JoinField& f : data_.join.fields) join_field(f, shown);
    sync_profile_from_request();

    const std::vector<FieldError> all = validate(draft_.request, data_);
    const std::string subject = email_subject(draft_.request, data_);
    const std::string body = email_body(draft_.request, data_);
    const std::string mailto = mailto_uri(draft_.request, data_);
    const std::string plain = "To: " + data_.join.email + "\nSubject: " + subject + "\n\n" + body;

    heading("Your request", fonts_.bold);
    if (!all.empty()) {
        text_colored(p.error, "The request can be sent once the form is complete: " + std::to_string(all.size()) +
                                  (all.size() == 1 ? " field needs" : " fields need") + " attention.");
        if (secondary_button("Show what is missing")) send_attempted_ = true;
    }

    if (options_.kiosk) {
        if (all.empty()) {
            text("Scan this code with your phone to send the request from your own email:");
            draw_qr(mailto);
        }
    } else {
        if (primary_button("Open in my email program", all.empty())) platform_.open_url(mailto);
        if (ImGui::IsItemClicked()) send_attempted_ = true;  // even when it cannot send yet: show why
        if (all.empty() && mailto_too_long(mailto))
            text_muted("This request is long: some email programs cut long links. If it arrives incomplete, copy it or download it instead.");
        ImGui::SameLine();
    }
    if (secondary_button("Copy request")) platform_.copy_to_clipboard(plain);
    if (!options_.kiosk) {
        ImGui::SameLine();
        if (secondary_button("Download .txt")) {
            platform_.download("iiif-consortium-join-request.txt", "text/plain;charset=utf-8", plain);
            show_toast("Request downloaded");
        }
        ImGui::SameLine();
        if (secondary_button("Download .json")) download_request_json();
        ImGui::SameLine();
        if (secondary_button("Load .json")) platform_.request_file(".json,application/json");
    }

    heading("Preview", fonts_.bold);
    text_muted("To: " + data_.join.email);
    text_muted("Subject: " + subject);
    std::string preview = body;
    ImGui::InputTextMultiline("##preview", &preview, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 18), ImGuiInputTextFlags_ReadOnly);
}

void App::download_request_json() {
    platform_.download("iiif-consortium-join-request.json", "application/json", join_request_to_json(draft_.request));
    show_toast("Draft downloaded");
}

void App::draw_qr(const std::string& payload) {
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
}

}  // namespace iiifc
