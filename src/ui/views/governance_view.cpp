// Governance: for the chosen organisation type and tier, each right with yes / no / with a
// condition and its reason; the TRC what-if; the commercial Executive Committee cap.
#include "eligibility.h"
#include "join_request.h"
#include "theme.h"
#include "view.h"
#include "widgets.h"

#include <imgui.h>

namespace iiifc {

namespace {

constexpr const char* kHeading = "Your say in how IIIF is run";

// The view's longer sentences, made in one place.
struct GovernanceText {
    std::string rights_heading, trc_heading, trc_now, trc_if_joined, cap_heading, executive, cap, type_note;
};

GovernanceText governance_text(const MembershipData& data, const Profile& profile) {
    const Governance& g = data.governance;
    const OrganisationType* type = data.find_organisation_type(profile.organisation_type);
    const Tier* tier = data.find_tier(profile.tier);
    GovernanceText s;
    s.rights_heading = std::string(tier ? tier->name : "") + (type ? ", " + type->name : std::string());
    const TrcWhatIf w = trc_what_if(data);
    const Tier* elected = data.find_tier(w.tier);
    const std::string tier_name = elected ? elected->short_name : w.tier;
    s.trc_heading = g.trc_name + ": what if you join as " + tier_name + "?";
    s.trc_now = "Today there are " + std::to_string(w.members_now) + " " + tier_name + " member institutions, so up to " +
        std::to_string(w.cap_now) + " " + tier_name + " representatives can be elected to the " + g.trc_name + ".";
    s.trc_if_joined = "If your institution joins as " + tier_name + ", there will be " + std::to_string(w.members_now + 1) +
        ", and up to " + std::to_string(w.cap_if_joined) + " can be elected" +
        (w.cap_if_joined > w.cap_now ? " \xE2\x80\x94 one more seat." : " \xE2\x80\x94 the same number of seats.");
    const CommercialCap c = commercial_cap(data);
    s.cap_heading = g.executive_name + ": seats for commercial organisations";
    s.executive = g.executive_name + ": " + g.executive_about + " It has " + std::to_string(g.executive_seats) + " seats.";
    s.cap = "At most " + std::to_string(c.limit) + " seats may be held by commercial organisations. They hold " + std::to_string(c.held) +
        " today, so " + std::to_string(c.open) + (c.open == 1 ? " is" : " are") + " still open to them (" + data.snapshot.date + ").";
    if (type)
        s.type_note = type->name + (type->commercial ? " counts as commercial." : " counts as non-commercial.");
    else
        s.type_note = "Choose your organisation type: commercial organisations are subject to a seat limit.";
    return s;
}

class GovernanceView final : public View {
public:
    const char* id() const override { return "governance"; }
    const char* title() const override { return "Governance"; }

    void draw(ViewContext& ctx) override {
        const MembershipData& data = ctx.data;
        const Governance& g = data.governance;
        const bool narrow = ctx.shell.narrow();
        heading(kHeading, ctx.fonts.heading, 2);
        // The organisation type and tier are the join request's, shared with Costs and Join.
        std::string type = value_of_kind(ctx.draft.request, data, FieldKind::organisation_type);
        ImGui::SetNextItemWidth(input_width_for("Organisation type##governance"));
        if (organisation_type_combo("Organisation type##governance", data, type))
            set_value_of_kind(ctx.draft.request, data, FieldKind::organisation_type, type);
        std::string tier = value_of_kind(ctx.draft.request, data, FieldKind::tier);
        ImGui::SetNextItemWidth(input_width_for("Tier##governance"));
        if (tier_combo("Tier##governance", data, tier)) set_value_of_kind(ctx.draft.request, data, FieldKind::tier, tier);

        const Profile profile = profile_of(ctx.draft, data);
        const GovernanceText s = governance_text(data, profile);
        if (!data.find_organisation_type(profile.organisation_type)) text_muted(s.type_note);
        heading(s.rights_heading, ctx.fonts.bold);
        if (begin_table("rights", s.rights_heading, narrow ? 2 : 3,
                        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn("Right", ImGuiTableColumnFlags_WidthStretch, 1.3f);
            ImGui::TableSetupColumn("Answer", ImGuiTableColumnFlags_WidthStretch, narrow ? 1.7f : 0.8f);
            if (!narrow) ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch, 2.4f);
            table_header_row(narrow ? std::vector<std::string>{"Right", "Answer"} : std::vector<std::string>{"Right", "Answer", "Why"});
            for (const RightAnswer& a : rights_for(data, profile.organisation_type, profile.tier)) {
                table_next_row();
                table_cell(0);
                text(a.name);
                table_cell(1);
                grant_badge(a.grant);
                if (!narrow) table_cell(2);  // one column fewer on a phone: the reason goes under the answer
                text(a.reason);
            }
            end_table();
        }

        heading(s.trc_heading, ctx.fonts.bold);
        text(g.trc_about);
        text(s.trc_now);
        text(s.trc_if_joined);
        text_muted("Members as of " + data.snapshot.date + ".");
        heading(s.cap_heading, ctx.fonts.bold);
        text(s.executive);
        text(s.cap);
        if (data.find_organisation_type(profile.organisation_type)) text_muted(s.type_note);
        heading(g.operating_name, ctx.fonts.bold);
        text(g.operating_about);
    }
};

}  // namespace

std::unique_ptr<View> make_governance_view() { return std::make_unique<GovernanceView>(); }

}  // namespace iiifc
