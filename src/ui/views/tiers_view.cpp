// Tiers: every tier side by side, every benefit a row (the rows where tiers differ are marked),
// what all members get, the conditions, the consortium's goals, and "Choose this tier".
#include "comparison_model.h"
#include "join_request.h"
#include "schedule_changes.h"
#include "theme.h"
#include "view.h"
#include "widgets.h"

#include <imgui.h>

#include <algorithm>

namespace iiifc {

namespace {

class TiersView final : public View {
public:
    const char* id() const override { return "tiers"; }
    const char* title() const override { return "Tiers"; }

    void draw(ViewContext& ctx) override {
        const MembershipData& data = ctx.data;
        const ComparisonModel m = comparison_model(data);
        const Palette& p = palette();
        const bool narrow = ctx.shell.narrow();
        heading(m.heading, ctx.fonts.heading, 2);
        schedule_switch(ctx);
        text_muted(m.differs_note);

        const std::string& chosen = value_of_kind(ctx.draft.request, data, FieldKind::tier);
        const int tiers = static_cast<int>(m.tier_ids.size());
        const ImGuiTableFlags flags =
            ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
        if (begin_table("comparison", m.caption, 1 + tiers, flags)) {
            ImGui::TableSetupColumn(m.corner.c_str(), ImGuiTableColumnFlags_WidthStretch, narrow ? 1.3f : 2.0f);
            for (const std::string& c : m.short_columns) ImGui::TableSetupColumn(c.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            std::vector<std::string> head = {m.corner};
            for (int i = 0; i < tiers; ++i) head.push_back(narrow ? m.short_columns[i] : m.columns[i]);
            table_header_row(head, ctx.fonts.bold);  // tier names in bold

            for (const ComparisonRow& row : m.rows) {
                table_next_row();
                if (row.differs) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(p.row_differs));
                table_cell(0);
                text(row_label(row));
                for (int i = 0; i < tiers; ++i) {
                    table_cell(i + 1);
                    draw_cell(row.cells[i], ctx.fonts.bold);
                }
            }

            table_next_row();  // a choice per column
            table_cell(0);
            text_muted("Your choice");
            for (int i = 0; i < tiers; ++i) {
                table_cell(i + 1);
                const std::string& id = m.tier_ids[i];
                const bool is_chosen = chosen == id;
                const std::string label =
                    (is_chosen ? "\xE2\x9C\x93 " + m.short_columns[i] + " chosen##" : "Choose " + m.short_columns[i] + "##") + id;
                if (is_chosen ? secondary_button(label.c_str(), true, -1.0f) : primary_button(label.c_str(), true, -1.0f))
                    ctx.shell.choose_tier(id);
            }
            end_table();
        }
        bullet_list(m.add_ons);

        heading(m.wording_heading, ctx.fonts.bold);
        for (const TierWording& t : m.tiers)
            if (collapsing_header(t.heading.c_str())) bullet_list(t.benefits);

        heading(m.member_benefits_heading, ctx.fonts.bold);
        bullet_list(m.member_benefits);
        heading(m.conditions_heading, ctx.fonts.bold);
        bullet_list(m.conditions);
        heading(m.goals_heading, ctx.fonts.bold);
        text(m.intro);
        bullet_list(m.goals);
        ImGui::Spacing();
        text_muted(m.period);
    }

private:
    // A fee in bold with its notes under it; a benefit's mark and text in the colour of its kind.
    static void draw_cell(const ComparisonCell& c, ImFont* bold) {
        if (c.kind == CellKind::fee) {
            if (bold) ImGui::PushFont(bold);
            text(c.text);
            if (bold) ImGui::PopFont();
            for (const std::string& n : c.notes) text_muted(n);
            return;
        }
        const Palette& p = palette();
        text_colored(c.kind == CellKind::included ? p.yes : p.no, cell_mark(c.kind) + c.text);
        if (!c.detail.empty() && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", c.detail.c_str());  // the same words are under "What the tiers include"
    }
    // "Fees from 2026 · Fees 2020–2025": the newest first; a schedule not yet in force says from when.
    // Beside it, what changed between the schedule shown and the one before it (or the one in force).
    static void schedule_switch(ViewContext& ctx) {
        const MembershipData& data = ctx.data;
        if (data.schedules.size() < 2) return;
        begin_group(Role::radiogroup, "Fee schedule");
        for (std::size_t i = data.schedules.size(); i-- > 0;) {
            const Schedule& s = data.schedules[i];
            const bool announced = i > ctx.in_force.shown;
            const std::string label = s.name + (announced ? " (from " + s.effective_from + ")" : "") + "##schedule-" + s.id;
            if (i + 1 < data.schedules.size()) same_line_if_fits(radio_width(label.c_str()));
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
};

}  // namespace

std::unique_ptr<View> make_tiers_view() { return std::make_unique<TiersView>(); }

}  // namespace iiifc
