// Tiers: every tier side by side, every benefit a row (the rows where tiers differ are marked),
// what all members get, the conditions, the consortium's goals, and "Choose this tier".
#include "join_request.h"
#include "money_format.h"
#include "theme.h"
#include "view.h"
#include "widgets.h"

#include <imgui.h>

namespace iiifc {

namespace {

constexpr const char* kHeading = "Compare the membership tiers";
constexpr const char* kDiffersNote = "Rows marked \xE2\x97\x86 differ between tiers.";
constexpr const char* kWordingHeading = "What the tiers include, as the consortium words it";
constexpr const char* kMemberBenefitsHeading = "Becoming a consortium member allows institutions to";

// A benefit's row differs when some tier lacks the benefit or words it differently.
bool row_differs(const std::vector<Tier>& tiers, const std::string& benefit_id) {
    const TierBenefit* first = tiers.front().find_benefit(benefit_id);
    for (const Tier& t : tiers) {
        const TierBenefit* tb = t.find_benefit(benefit_id);
        if ((tb == nullptr) != (first == nullptr) || (tb && first && tb->summary != first->summary)) return true;
    }
    return false;
}

std::string cell_text(const TierBenefit* tb) { return tb ? (tb->summary.empty() ? std::string("Yes") : tb->summary) : "Not included"; }

std::string fee_heading(const Tier& t, const MembershipData& d) {
    return t.name + " \xE2\x80\x94 " + format_money(t.annual_fee, d) + (t.fee_label.empty() ? "" : " " + t.fee_label);
}

class TiersView final : public View {
public:
    const char* id() const override { return "tiers"; }
    const char* title() const override { return "Tiers"; }

    void draw(ViewContext& ctx) override {
        const MembershipData& data = ctx.data;
        const Palette& p = palette();
        const bool narrow = ctx.shell.narrow();
        heading(kHeading, ctx.fonts.heading);
        text_muted(kDiffersNote);

        const std::vector<Tier>& tiers = data.schedule.tiers;
        const std::string& chosen = value_of_kind(ctx.draft.request, data, FieldKind::tier);
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("comparison", 1 + static_cast<int>(tiers.size()), flags)) {
            ImGui::TableSetupColumn("Benefit", ImGuiTableColumnFlags_WidthStretch, narrow ? 1.3f : 2.0f);
            for (const Tier& t : tiers) ImGui::TableSetupColumn(t.short_name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);

            ImGui::TableNextRow(ImGuiTableRowFlags_Headers);  // tier names in bold
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted("Benefit");
            for (std::size_t i = 0; i < tiers.size(); ++i) {
                ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
                if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
                text(narrow ? tiers[i].short_name : tiers[i].name);
                if (ctx.fonts.bold) ImGui::PopFont();
            }

            ImGui::TableNextRow();
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(p.row_differs));
            ImGui::TableSetColumnIndex(0);
            text("\xE2\x97\x86 Annual contribution");
            for (std::size_t i = 0; i < tiers.size(); ++i) {
                ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
                if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
                text(format_money(tiers[i].annual_fee, data));
                if (ctx.fonts.bold) ImGui::PopFont();
                if (!tiers[i].fee_label.empty()) text_muted(tiers[i].fee_label);  // what the fee is, as the data says
                for (const PriceVariant& v : data.schedule.price_variants)
                    if (v.tier == tiers[i].id) text_muted(format_money(v.annual_fee, data) + " " + v.label);
            }

            for (const Benefit& b : data.benefits) {
                const bool differs = row_differs(tiers, b.id);
                ImGui::TableNextRow();
                if (differs) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(p.row_differs));
                ImGui::TableSetColumnIndex(0);
                text((differs ? "\xE2\x97\x86 " : "") + b.label);
                for (std::size_t i = 0; i < tiers.size(); ++i) {
                    ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
                    const TierBenefit* tb = tiers[i].find_benefit(b.id);
                    text_colored(tb ? p.yes : p.no, (tb ? "\xE2\x9C\x93 " : "\xE2\x80\x94 ") + cell_text(tb));
                    if (tb && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tb->text.c_str());
                }
            }

            ImGui::TableNextRow();  // "Choose this tier" per column
            ImGui::TableSetColumnIndex(0);
            text_muted("Your choice");
            for (std::size_t i = 0; i < tiers.size(); ++i) {
                ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
                const bool is_chosen = chosen == tiers[i].id;
                const std::string label = (is_chosen ? "\xE2\x9C\x93 Chosen##" : "Choose this tier##") + tiers[i].id;
                if (is_chosen ? secondary_button(label.c_str(), true, -1.0f) : primary_button(label.c_str(), true, -1.0f))
                    ctx.shell.choose_tier(tiers[i].id);
            }
            ImGui::EndTable();
        }

        for (const AddOn& a : data.schedule.add_ons) {
            ImGui::Bullet();
            text(add_on_sentence(a, data));
        }

        heading(kWordingHeading, ctx.fonts.bold);
        for (const Tier& t : tiers) {
            if (ImGui::CollapsingHeader(fee_heading(t, data).c_str())) {
                std::vector<std::string> items;
                for (const TierBenefit& b : t.benefits) items.push_back(b.text);
                bullet_list(items);
            }
        }

        heading(kMemberBenefitsHeading, ctx.fonts.bold);
        bullet_list(data.member_benefits);
        heading("Conditions", ctx.fonts.bold);
        bullet_list(conditions(data));
        heading("Our shared goals", ctx.fonts.bold);
        text(data.intro);
        bullet_list(data.goals);
        ImGui::Spacing();
        text_muted(source_line(data));
    }

    void describe(const ViewContext& ctx, A11yTree& t) const override {
        const MembershipData& data = ctx.data;
        t.add("h2", kHeading).add("p", kDiffersNote);
        std::vector<std::string> head = {"Benefit"};
        std::vector<std::string> fees = {"Annual contribution"};
        for (const Tier& tier : data.schedule.tiers) {
            head.push_back(tier.name);
            fees.push_back(format_money(tier.annual_fee, data) + (tier.fee_label.empty() ? "" : ", " + tier.fee_label));
        }
        std::vector<std::vector<std::string>> rows = {fees};
        for (const Benefit& b : data.benefits) {
            std::vector<std::string> row = {b.label};
            for (const Tier& tier : data.schedule.tiers) row.push_back(cell_text(tier.find_benefit(b.id)));
            rows.push_back(row);
        }
        t.table("Membership tiers compared", head, rows);
        const Tier* chosen = data.find_tier(value_of_kind(ctx.draft.request, data, FieldKind::tier));
        t.add("p", "Your choice: " + (chosen ? chosen->name : std::string("none")) + ".");
        std::vector<std::string> add_ons;
        for (const AddOn& a : data.schedule.add_ons) add_ons.push_back(add_on_sentence(a, data));
        if (!add_ons.empty()) t.list(add_ons);
        t.add("h3", kWordingHeading);
        for (const Tier& tier : data.schedule.tiers) {
            std::vector<std::string> items;
            for (const TierBenefit& b : tier.benefits) items.push_back(b.text);
            t.add("h4", fee_heading(tier, data)).list(items);
        }
        t.add("h3", kMemberBenefitsHeading).list(data.member_benefits);
        t.add("h3", "Conditions").list(conditions(data));
        t.add("h3", "Our shared goals").add("p", data.intro).list(data.goals);
        t.add("p", source_line(data));
    }

private:
    static std::string add_on_sentence(const AddOn& a, const MembershipData& d) {
        return "Optional add-on: " + a.name + ", " + format_money(a.annual_fee, d) + " a year. " + a.description;
    }
    static std::vector<std::string> conditions(const MembershipData& d) {
        std::vector<std::string> items;
        for (const Condition& c : d.conditions) items.push_back(c.text);
        return items;
    }
    static std::string source_line(const MembershipData& d) {
        return "Source: " + d.source + ". Fees effective from " + d.schedule.effective_from + ".";
    }
};

}  // namespace

std::unique_ptr<View> make_tiers_view() { return std::make_unique<TiersView>(); }

}  // namespace iiifc
