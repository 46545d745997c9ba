// Tiers: every tier side by side, every benefit a row (the rows where tiers differ are marked),
// what all members get, the consortium's goals, and "Choose this tier".
#include "app.h"
#include "money_format.h"
#include "theme.h"
#include "widgets.h"

#include <imgui.h>

namespace iiifc {

void App::draw_tiers() {
    const Palette& p = palette();
    heading("Compare the membership tiers", fonts_.heading);
    text_muted("Fees are an annual sustaining contribution. Rows marked \xE2\x97\x86 differ between tiers.");

    const std::vector<Tier>& tiers = data_.schedule.tiers;
    const int columns = 1 + static_cast<int>(tiers.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("comparison", columns, flags)) {
        ImGui::TableSetupColumn("Benefit", ImGuiTableColumnFlags_WidthStretch, narrow() ? 1.3f : 2.0f);
        for (const Tier& t : tiers) ImGui::TableSetupColumn(t.short_name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);

        // Header row: tier names in bold.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted("Benefit");
        for (std::size_t i = 0; i < tiers.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            if (fonts_.bold) ImGui::PushFont(fonts_.bold);
            text(narrow() ? tiers[i].short_name : tiers[i].name);
            if (fonts_.bold) ImGui::PopFont();
        }

        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(p.row_differs));
        ImGui::TableSetColumnIndex(0);
        text("\xE2\x97\x86 Annual contribution");
        for (std::size_t i = 0; i < tiers.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            if (fonts_.bold) ImGui::PushFont(fonts_.bold);
            text(format_money(tiers[i].annual_fee, data_));
            if (fonts_.bold) ImGui::PopFont();
            for (const PriceVariant& v : data_.schedule.price_variants)
                if (v.tier == tiers[i].id) text_muted(format_money(v.annual_fee, data_) + " " + v.label);
        }

        for (const Benefit& b : data_.benefits) {
            // A row differs when some tier lacks the benefit or words it differently.
            bool differs = false;
            const TierBenefit* first = tiers.front().find_benefit(b.id);
            for (const Tier& t : tiers) {
                const TierBenefit* tb = t.find_benefit(b.id);
                if ((tb == nullptr) != (first == nullptr) || (tb && first && tb->summary != first->summary)) differs = true;
            }
            ImGui::TableNextRow();
            if (differs) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(p.row_differs));
            ImGui::TableSetColumnIndex(0);
            text((differs ? "\xE2\x97\x86 " : "") + b.label);
            for (std::size_t i = 0; i < tiers.size(); ++i) {
                ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
                const TierBenefit* tb = tiers[i].find_benefit(b.id);
                if (tb) {
                    text_colored(p.yes, "\xE2\x9C\x93 " + (tb->summary.empty() ? std::string("Yes") : tb->summary));
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tb->text.c_str());
                } else {
                    text_colored(p.no, "\xE2\x80\x94 Not included");
                }
            }
        }

        // "Choose this tier" per column.
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        text_muted("Your choice");
        for (std::size_t i = 0; i < tiers.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            const bool chosen = draft_.request.tier == tiers[i].id;
            const std::string label = (chosen ? "\xE2\x9C\x93 Chosen##" : "Choose this tier##") + tiers[i].id;
            if (chosen ? secondary_button(label.c_str(), true, -1.0f) : primary_button(label.c_str(), true, -1.0f)) {
                choose_tier(tiers[i].id);
                show_toast(tiers[i].name + " chosen");
            }
        }
        ImGui::EndTable();
    }

    for (const AddOn& a : data_.schedule.add_ons) {
        ImGui::Bullet();
        text("Optional add-on: " + a.name + ", " + format_money(a.annual_fee, data_) + " a year. " + a.description);
    }

    heading("What the tiers include, as the consortium words it", fonts_.bold);
    for (const Tier& t : tiers) {
        const std::string label = t.name + " \xE2\x80\x94 " + format_money(t.annual_fee, data_) + " " + t.fee_label;
        if (ImGui::CollapsingHeader(label.c_str())) {
            std::vector<std::string> items;
            for (const TierBenefit& b : t.benefits) items.push_back(b.text);
            bullet_list(items);
        }
    }

    heading("Becoming a consortium member allows institutions to", fonts_.bold);
    bullet_list(data_.member_benefits);

    heading("Conditions", fonts_.bold);
    for (const Condition& c : data_.conditions) {
        ImGui::Bullet();
        text(c.text);
    }

    heading("Our shared goals", fonts_.bold);
    text(data_.intro);
    bullet_list(data_.goals);
    ImGui::Spacing();
    text_muted("Source: " + data_.source + ". Fees effective from " + data_.schedule.effective_from + ".");
}

}  // namespace iiifc
