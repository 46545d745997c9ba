// Members: who else is involved, searchable by name and filterable by level, with counts and
// the snapshot's date.
#include "app.h"
#include "text_utf8.h"
#include "theme.h"
#include "widgets.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace iiifc {

void App::draw_members() {
    const Snapshot& s = data_.snapshot;
    heading("Who else is involved", fonts_.heading);
    std::string counts = std::to_string(s.members.size()) + " members on " + s.date + ": ";
    for (std::size_t i = 0; i < data_.schedule.tiers.size(); ++i) {
        const Tier& t = data_.schedule.tiers[i];
        counts += (i ? ", " : "") + std::to_string(s.count_in_tier(t.id)) + " " + t.short_name;
    }
    text_muted(counts + ".");

    ImGui::SetNextItemWidth(input_width_for("Search by name"));
    ImGui::InputTextWithHint("Search by name", "e.g. library, Yale", &member_query_);
    if (ImGui::RadioButton("All levels", member_tier_filter_.empty())) member_tier_filter_.clear();
    for (const Tier& t : data_.schedule.tiers) {
        ImGui::SameLine();
        if (ImGui::RadioButton(t.short_name.c_str(), member_tier_filter_ == t.id)) member_tier_filter_ = t.id;
    }

    const std::string query = to_lower_ascii(trim(member_query_));
    int shown = 0;
    if (ImGui::BeginTable("members", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter)) {
        ImGui::TableSetupColumn("Institution", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const Member& m : s.members) {
            if (!member_tier_filter_.empty() && m.tier != member_tier_filter_) continue;
            if (!query.empty() && to_lower_ascii(m.name).find(query) == std::string::npos) continue;
            ++shown;
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            text(m.name);
            ImGui::TableSetColumnIndex(1);
            const Tier* t = data_.find_tier(m.tier);
            text((t ? t->short_name : m.tier) + (m.founder ? ", founder (2015)" : ""));
        }
        ImGui::EndTable();
    }
    text_muted(shown == 0 ? "No member matches." : std::to_string(shown) + " shown.");
    text_muted("Source: " + s.source + ".");
}

}  // namespace iiifc
