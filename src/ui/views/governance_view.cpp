// Governance: for the chosen organisation type and tier, each right with yes / no / with a
// condition and its reason; the TRC what-if; the commercial Executive Committee cap.
#include "governance_model.h"
#include "join_request.h"
#include "theme.h"
#include "view.h"
#include "widgets.h"

#include <imgui.h>

namespace iiifc {

namespace {

class GovernanceView final : public View {
public:
    const char* id() const override { return "governance"; }
    const char* title() const override { return "Governance"; }

    void draw(ViewContext& ctx) override {
        const MembershipData& data = ctx.data;
        const bool narrow = ctx.shell.narrow();
        heading(governance_heading(), ctx.fonts.heading, 2);
        // The organisation type and tier are the join request's, shared with Costs and Join.
        std::string type = value_of_kind(ctx.draft.request, data, FieldKind::organisation_type);
        ImGui::SetNextItemWidth(input_width_for("Organisation type##governance"));
        if (organisation_type_combo("Organisation type##governance", data, type))
            set_value_of_kind(ctx.draft.request, data, FieldKind::organisation_type, type);
        std::string tier = value_of_kind(ctx.draft.request, data, FieldKind::tier);
        ImGui::SetNextItemWidth(input_width_for("Tier##governance"));
        if (tier_combo("Tier##governance", data, tier)) set_value_of_kind(ctx.draft.request, data, FieldKind::tier, tier);

        const Profile profile = profile_of(ctx.draft, data);
        const GovernanceModel m = governance_model(data, profile.organisation_type, profile.tier);
        if (!m.type_chosen) text_muted(m.type_note);
        heading(m.rights_heading, ctx.fonts.bold);
        if (begin_table("rights", m.rights_heading, narrow ? 2 : 3,
                        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg)) {
            const float widths[] = {1.3f, narrow ? 1.7f : 0.8f, 2.4f};
            const std::vector<std::string> head(m.rights_columns.begin(), m.rights_columns.begin() + (narrow ? 2 : 3));
            for (std::size_t i = 0; i < head.size(); ++i)
                ImGui::TableSetupColumn(head[i].c_str(), ImGuiTableColumnFlags_WidthStretch, widths[i]);
            table_header_row(head);
            for (const RightRow& r : m.rights) {
                table_next_row();
                table_cell(0);
                text(r.name);
                table_cell(1);
                grant_badge(r.grant);
                if (!narrow) table_cell(2);  // one column fewer on a phone: the reason goes under the answer
                text(r.reason);
            }
            end_table();
        }

        heading(m.trc_heading, ctx.fonts.bold);
        text(m.trc_about);
        text(m.trc_rule);
        text(m.trc_now);
        text(m.trc_if_joined);
        text_muted(m.members_as_of);
        heading(m.cap_heading, ctx.fonts.bold);
        text(m.executive);
        text(m.cap);
        if (m.type_chosen) text_muted(m.type_note);
        heading(m.operating_heading, ctx.fonts.bold);
        text(m.operating_about);
    }
};

}  // namespace

std::unique_ptr<View> make_governance_view() { return std::make_unique<GovernanceView>(); }

}  // namespace iiifc
