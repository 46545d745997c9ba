// Governance: for the chosen organisation type and tier, each right with yes / no / with a
// condition and its reason; the TRC what-if; the commercial Executive Committee cap.
#include "app.h"
#include "eligibility.h"
#include "theme.h"
#include "widgets.h"

#include <imgui.h>

namespace iiifc {

void App::draw_governance() {
    const Governance& g = data_.governance;
    heading("Your say in how IIIF is run", fonts_.heading);
    ImGui::SetNextItemWidth(input_width_for("Organisation type##governance"));
    if (organisation_type_selector("Organisation type##governance", draft_.request.organisation_type)) sync_profile_from_request();
    ImGui::SetNextItemWidth(input_width_for("Tier##governance"));
    if (tier_selector("Tier##governance", draft_.request.tier)) sync_profile_from_request();

    const OrganisationType* type = data_.find_organisation_type(draft_.profile.organisation_type);
    const Tier* tier = data_.find_tier(draft_.profile.tier);
    if (!type) text_muted("Choose your organisation type: commercial organisations are subject to a seat limit.");

    heading(std::string(tier ? tier->name : "") + (type ? ", " + type->name : std::string()), fonts_.bold);
    const std::vector<RightAnswer> answers = rights_for(data_, draft_.profile.organisation_type, draft_.profile.tier);
    if (ImGui::BeginTable("rights", narrow() ? 2 : 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("Right", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("Answer", ImGuiTableColumnFlags_WidthStretch, narrow() ? 1.7f : 0.8f);
        if (!narrow()) ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch, 2.4f);
        ImGui::TableHeadersRow();
        for (const RightAnswer& a : answers) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            text(a.name);
            ImGui::TableSetColumnIndex(1);
            grant_badge(a.grant);
            if (narrow()) text(a.reason);  // one column fewer on a phone: the reason goes under the answer
            else {
                ImGui::TableSetColumnIndex(2);
                text(a.reason);
            }
        }
        ImGui::EndTable();
    }

    const TrcWhatIf w = trc_what_if(data_);
    const Tier* elected = data_.find_tier(w.tier);
    const std::string tier_name = elected ? elected->short_name : w.tier;
    heading(g.trc_name + ": what if you join as " + tier_name + "?", fonts_.bold);
    text(g.trc_about);
    text("Today there are " + std::to_string(w.members_now) + " " + tier_name + " member institutions, so up to " +
         std::to_string(w.cap_now) + " " + tier_name + " representatives can be elected to the " + g.trc_name + ".");
    text("If your institution joins as " + tier_name + ", there will be " + std::to_string(w.members_now + 1) +
         ", and up to " + std::to_string(w.cap_if_joined) + " can be elected" +
         (w.cap_if_joined > w.cap_now ? " \xE2\x80\x94 one more seat." : " \xE2\x80\x94 the same number of seats."));
    text_muted("Members as of " + data_.snapshot.date + ".");

    const CommercialCap c = commercial_cap(data_);
    heading(g.executive_name + ": seats for commercial organisations", fonts_.bold);
    text(g.executive_name + ": " + g.executive_about + " It has " + std::to_string(g.executive_seats) + " seats.");
    text("At most " + std::to_string(c.limit) + " seats may be held by commercial organisations. They hold " +
         std::to_string(c.held) + " today, so " + std::to_string(c.open) + (c.open == 1 ? " is" : " are") +
         " still open to them (" + data_.snapshot.date + ").");
    if (type) text_muted(type->name + (type->commercial ? " counts as commercial." : " counts as non-commercial."));
    heading(g.operating_name, fonts_.bold);
    text(g.operating_about);
}

}  // namespace iiifc
