// Members: who else is involved, searchable by name and filterable by level, with counts and
// the snapshot's date. The search and the level are this view's own state, kept in the URL.
#include "text_utf8.h"
#include "theme.h"
#include "view.h"
#include "widgets.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace iiifc {

namespace {

constexpr const char* kHeading = "Who else is involved";

std::string counts_line(const MembershipData& data) {
    const Snapshot& s = data.snapshot;
    std::string counts = std::to_string(s.members.size()) + " members on " + s.date + ": ";
    for (std::size_t i = 0; i < data.schedule.tiers.size(); ++i) {
        const Tier& t = data.schedule.tiers[i];
        counts += (i ? ", " : "") + std::to_string(s.count_in_tier(t.id)) + " " + t.short_name;
    }
    return counts + ".";
}

std::string level_text(const Member& m, const MembershipData& data) {
    const Tier* t = data.find_tier(m.tier);
    return (t ? t->short_name : m.tier) + (m.founder ? ", founder (2015)" : "");
}

std::string shown_line(std::size_t shown) { return shown == 0 ? "No member matches." : std::to_string(shown) + " shown."; }

class MembersView final : public View {
public:
    const char* id() const override { return "members"; }
    const char* title() const override { return "Members"; }

    void draw(ViewContext& ctx) override {
        const MembershipData& data = ctx.data;
        heading(kHeading, ctx.fonts.heading, 2);
        text_muted(counts_line(data));
        ImGui::SetNextItemWidth(input_width_for("Search by name"));
        text_field("Search by name", &query_, "e.g. library, Yale");
        begin_group(Role::radiogroup, "Level");
        if (radio_button("All levels", level_.empty())) level_.clear();
        for (const Tier& t : data.schedule.tiers) {
            ImGui::SameLine();
            if (radio_button(t.short_name.c_str(), level_ == t.id)) level_ = t.id;
        }
        end_group();
        const std::vector<const Member*> shown = matches(data);
        if (begin_table("members", "Consortium members", 2,
                        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter)) {
            ImGui::TableSetupColumn("Institution", ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            table_header_row({"Institution", "Level"});
            for (const Member* m : shown) {
                table_next_row();
                table_cell(0);
                text(m->name);
                table_cell(1);
                text(level_text(*m, data));
            }
            end_table();
        }
        text_muted(shown_line(shown.size()));
        text_muted("Source: " + data.snapshot.source + ".");
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

    std::vector<const Member*> matches(const MembershipData& data) const {
        const std::string q = to_lower_ascii(trim(query_));
        std::vector<const Member*> out;
        for (const Member& m : data.snapshot.members) {
            if (!level_.empty() && m.tier != level_) continue;
            if (!q.empty() && to_lower_ascii(m.name).find(q) == std::string::npos) continue;
            out.push_back(&m);
        }
        return out;
    }
};

}  // namespace

std::unique_ptr<View> make_members_view() { return std::make_unique<MembersView>(); }

}  // namespace iiifc
