// Members: who else is involved, searchable by name and filterable by level, with counts and
// the snapshot's date. The search and the level are this view's own state, kept in the URL.
#include "members_model.h"
#include "theme.h"
#include "view.h"
#include "widgets.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace iiifc {

namespace {

class MembersView final : public View {
public:
    const char* id() const override { return "members"; }
    const char* title() const override { return "Members"; }

    void draw(ViewContext& ctx) override {
        MembersModel m = members_model(ctx.data, query_, level_);
        const std::string query = query_, level = level_;
        heading(m.heading, ctx.fonts.heading, 2);
        text_muted(m.counts);
        ImGui::SetNextItemWidth(input_width_for(m.search_label.c_str()));
        text_field(m.search_label.c_str(), &query_, m.search_hint.c_str());
        begin_group(Role::radiogroup, m.levels_label);
        for (std::size_t i = 0; i < m.levels.size(); ++i) {
            if (i > 0) same_line_if_fits(radio_width(m.levels[i].label.c_str()));
            if (radio_button(m.levels[i].label.c_str(), level_ == m.levels[i].id)) level_ = m.levels[i].id;
        }
        end_group();
        if (query != query_ || level != level_) m = members_model(ctx.data, query_, level_);  // this frame's choice
        if (begin_table("members", m.caption, 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter)) {
            ImGui::TableSetupColumn(m.columns[0].c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn(m.columns[1].c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            table_header_row(m.columns);
            for (const MemberRow& r : m.rows) {
                table_next_row();
                table_cell(0);
                text(r.name);
                table_cell(1);
                text(r.level);
            }
            end_table();
        }
        text_muted(m.shown);
        text_muted(m.source);
    }

    void open_route(const Route& r, ViewContext& ctx) override {
        query_ = r.get("q");
        const std::string level = r.get("level");
        level_ = ctx.data.find_tier(level) ? level : "";
    }

    void add_route_params(Route& r) const override {
        r.set("q", query_);
        r.set("level", level_);
    }

    void reset() override {
        query_.clear();
        level_.clear();
    }

private:
    std::string query_;
    std::string level_;  // a tier id; "" = all levels
};

}  // namespace

std::unique_ptr<View> make_members_view() { return std::make_unique<MembersView>(); }

}  // namespace iiifc
