// Tiers: every tier side by side, every benefit a row (the rows where tiers differ are marked),
// what all members get, the conditions, the consortium's goals, and "Choose this tier".
#include "join_request.h"
#include "money_format.h"
#include "schedule_changes.h"
#include "theme.h"
#include "view.h"
#include "widgets.h"

#include <imgui.h>

#include <algorithm>

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
        heading(kHeading, ctx.fonts.heading, 2);
        schedule_switch(ctx);
        text_muted(kDiffersNote);

        const std::vector<Tier>& tiers = data.schedule.tiers;
        const std::string& chosen = value_of_kind(ctx.draft.request, data, FieldKind::tier);
        const ImGuiTableFlags flags =
            ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
        if (begin_table("comparison", "Membership tiers compared", 1 + static_cast<int>(tiers.size()), flags)) {
            ImGui::TableSetupColumn("Benefit", ImGuiTableColumnFlags_WidthStretch, narrow ? 1.3f : 2.0f);
            for (const Tier& t : tiers) ImGui::TableSetupColumn(t.short_name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            std::vector<std::string> head = {"Benefit"};
            for (const Tier& t : tiers) head.push_back(narrow ? t.short_name : t.name);
            table_header_row(head, ctx.fonts.bold);  // tier names in bold

            table_next_row();
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(p.row_differs));
            table_cell(0);
            text("\xE2\x97\x86 Annual contribution");
            for (std::size_t i = 0; i < tiers.size(); ++i) {
                table_cell(static_cast<int>(i) + 1);
                if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
                text(format_money(tiers[i].annual_fee, data));
                if (ctx.fonts.bold) ImGui::PopFont();
                if (!tiers[i].fee_label.empty()) text_muted(tiers[i].fee_label);  // what the fee is, as the data says
                for (const PriceVariant& v : data.schedule.price_variants)
                    if (v.tier == tiers[i].id) text_muted(format_money(v.annual_fee, data) + " " + v.label);
            }

            for (const Benefit& b : data.benefits) {
                const bool differs = row_differs(tiers, b.id);
                table_next_row();
                if (differs) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(p.row_differs));
                table_cell(0);
                text((differs ? "\xE2\x97\x86 " : "") + b.label);
                for (std::size_t i = 0; i < tiers.size(); ++i) {
                    table_cell(static_cast<int>(i) + 1);
                    const TierBenefit* tb = tiers[i].find_benefit(b.id);
                    text_colored(tb ? p.yes : p.no, (tb ? "\xE2\x9C\x93 " : "\xE2\x80\x94 ") + cell_text(tb));
                    if (tb && ImGui::IsItemHovered())
                        ImGui::SetTooltip("%s", tb->text.c_str());  // the same words are under "What the tiers include"
                }
            }

            table_next_row();  // a choice per column
            table_cell(0);
            text_muted("Your choice");
            for (std::size_t i = 0; i < tiers.size(); ++i) {
                table_cell(static_cast<int>(i) + 1);
                const bool is_chosen = chosen == tiers[i].id;
                const std::string label =
                    (is_chosen ? "\xE2\x9C\x93 " + tiers[i].short_name + " chosen##" : "Choose " + tiers[i].short_name + "##") +
                    tiers[i].id;
                if (is_chosen ? secondary_button(label.c_str(), true, -1.0f) : primary_button(label.c_str(), true, -1.0f))
                    ctx.shell.choose_tier(tiers[i].id);
            }
            end_table();
        }

        std::vector<std::string> add_ons;
        for (const AddOn& a : data.schedule.add_ons) add_ons.push_back(add_on_sentence(a, data));
        bullet_list(add_ons);

        heading(kWordingHeading, ctx.fonts.bold);
        for (const Tier& t : tiers) {
            if (collapsing_header(fee_heading(t, data).c_str())) {
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

private:
    // "Fees from 2026 · Fees 2020–2025": the newest first; a schedule not yet in force says from when.
    // Beside it, what changed between the schedule shown and the one before it (or the one in force).
    static void schedule_switch(ViewContext& ctx) {
        const MembershipData& data = ctx.data;
        if (data.schedules.size() < 2) return;
        begin_group(Role::radiogroup, "Fee schedule");
        for (std::size_t i = data.schedules.size(); i-- > 0;) {
            const Schedule& s = data.schedules[i];
            if (i + 1 < data.schedules.size()) ImGui::SameLine();
            const bool announced = i > ctx.in_force.shown;
            const std::string label = s.name + (announced ? " (from " + s.effective_from + ")" : "") + "##schedule-" + s.id;
            if (radio_button(label.c_str(), data.shown == i)) ctx.shell.show_schedule(s.id);
        }
        end_group();
        const std::size_t now = ctx.in_force.shown;
        const std::size_t from = data.shown != now ? std::min(data.shown, now) : now - (now > 0 ? 1 : 0);
        const std::size_t to = data.shown != now ? std::max(data.shown, now) : now;
        if (from == to) return;
        const ScheduleChanges changes = schedule_changes(data, from, to);
        if (!collapsing_header(changes.title.c_str())) return;
        for (const ScheduleChanges::Group& g : changes.groups) {
            heading(g.heading, ctx.fonts.bold, 4);
            bullet_list(g.lines);
        }
    }
    static std::string add_on_sentence(const AddOn& a, const MembershipData& d) {
        return "Optional add-on: " + a.name + ", " + format_money(a.annual_fee, d) + " a year. " + a.description;
    }
    static std::vector<std::string> conditions(const MembershipData& d) {
        std::vector<std::string> items;
        for (const Condition& c : d.conditions) items.push_back(c.text);
        return items;
    }
    static std::string source_line(const MembershipData& d) {
        return "Fees effective from " + d.schedule.effective_from + ".";  // the source: the foot of every view (app.cpp)
    }
};

}  // namespace

std::unique_ptr<View> make_tiers_view() { return std::make_unique<TiersView>(); }

}  // namespace iiifc
