// Costs: the institution's inputs and the editable assumptions (with sources), the results for
// every tier side by side, a chart of the totals, and the recommendation with its reasons.
#include "app.h"
#include "calculator.h"
#include "money_format.h"
#include "theme.h"
#include "widgets.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

namespace iiifc {

bool App::money_input(const char* label, Money& value) {
    const Currency* c = data_.find_currency(value.currency);
    const int minor = c ? c->minor_units : 2;
    MoneyEdit& e = money_edits_[label];
    if (e.shown != value.amount && !e.invalid) {  // changed elsewhere (start over, a loaded draft)
        e.text = format_money(value.amount, "", minor);
        e.shown = value.amount;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    bool changed = false;
    if (ImGui::InputText(label, &e.text, ImGuiInputTextFlags_CharsNoBlank)) {
        std::int64_t parsed = 0;
        e.invalid = !parse_money_input(e.text, minor, parsed) || parsed > 100000000;
        if (!e.invalid) {
            value.amount = parsed;
            e.shown = parsed;
            changed = true;
        }
    }
    if (e.invalid) {
        ImGui::SameLine();
        text_colored(palette().error, "Not an amount; the last valid one is used.");
    }
    return changed;
}

static bool count_input(const char* label, int& value, int max) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    const bool changed = ImGui::InputInt(label, &value, 1, 5);
    value = std::min(max, std::max(0, value));
    return changed;
}

void App::draw_costs() {
    const Palette& p = palette();
    Profile& prof = draft_.profile;
    Assumptions& a = draft_.assumptions;
    heading("What membership costs and returns", fonts_.heading);

    // Inputs.
    ImGui::SetNextItemWidth(input_width_for("Organisation type##costs"));
    if (organisation_type_selector("Organisation type##costs", draft_.request.organisation_type)) sync_profile_from_request();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    ImGui::SliderInt("Years of commitment", &prof.years, kMinYears, kMaxYears, "%d", ImGuiSliderFlags_AlwaysClamp);
    count_input("Conference attendees a year", prof.conference_attendees, 10000);
    count_input("Training hours a year", prof.training_hours, 100000);
    if (!data_.schedule.income_groups.empty()) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        ImGui::InputText("Country code (ISO, e.g. KE)", &prof.country, ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_CharsNoBlank);
        if (prof.country.size() > 2) prof.country.resize(2);
    }
    for (const AddOn& addon : data_.schedule.add_ons) {
        bool on = std::find(prof.add_ons.begin(), prof.add_ons.end(), addon.id) != prof.add_ons.end();
        const std::string label = addon.name + " (" + format_money(addon.annual_fee, data_) + " a year)";
        if (ImGui::Checkbox(label.c_str(), &on)) {
            prof.add_ons.erase(std::remove(prof.add_ons.begin(), prof.add_ons.end(), addon.id), prof.add_ons.end());
            if (on) prof.add_ons.push_back(addon.id);
        }
    }

    if (ImGui::CollapsingHeader("Assumptions (editable)")) {
        text_muted("Conference registration: " + a.conference_source);
        money_input("Non-member conference price", a.conference_non_member_price);
        money_input("Member conference price", a.conference_member_price);
        text_muted("Training: " + a.training_source);
        money_input("Non-member training, per hour", a.training_non_member_hourly);
        for (auto& kv : a.training_tier_hourly) {
            const Tier* t = data_.find_tier(kv.first);
            const std::string label = (t ? t->short_name : kv.first) + " member training, per hour";
            money_input(label.c_str(), kv.second);
        }
        if (secondary_button("Reset assumptions")) {
            a = data_.assumptions;
            money_edits_.clear();
        }
    }

    // Results, every tier side by side.
    const std::vector<Estimate> all = compare_tiers(data_, a, prof);
    heading("Over " + std::to_string(clamp_years(prof.years)) + (prof.years == 1 ? " year" : " years"), fonts_.bold);
    if (ImGui::BeginTable("results", 1 + static_cast<int>(all.size()),
                          ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        for (const Estimate& e : all) ImGui::TableSetupColumn(data_.find_tier(e.tier)->short_name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        auto row = [&](const char* label, Money Estimate::*field, bool bold) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            text(label);
            for (std::size_t i = 0; i < all.size(); ++i) {
                ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
                if (bold && fonts_.bold) ImGui::PushFont(fonts_.bold);
                text(format_money(all[i].*field, data_));
                if (bold && fonts_.bold) ImGui::PopFont();
            }
        };
        row("Annual contribution", &Estimate::annual_contribution, false);
        row("Total contribution", &Estimate::total_contribution, true);
        row("Estimated value of member discounts", &Estimate::total_value, false);
        row("Net cost", &Estimate::net_cost, true);
        ImGui::EndTable();
    }
    for (const Estimate& e : all)
        if (!e.price_note.empty()) text_muted(data_.find_tier(e.tier)->short_name + ": " + e.price_note + ".");

    // Chart: total contribution and estimated value per tier, on one scale.
    std::int64_t top = 1;
    for (const Estimate& e : all) top = std::max({top, e.total_contribution.amount, e.total_value.amount});
    const float label_w = ImGui::GetFontSize() * 7;
    const float bar_h = ImGui::GetFontSize() * 0.9f;
    const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x - label_w - ImGui::GetFontSize() * 7);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const Estimate& e : all) {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        dl->AddText(origin, ImGui::GetColorU32(p.text), data_.find_tier(e.tier)->short_name.c_str());
        const float x0 = origin.x + label_w;
        const float w_total = width * static_cast<float>(static_cast<double>(e.total_contribution.amount) / static_cast<double>(top));
        const float w_value = width * static_cast<float>(static_cast<double>(e.total_value.amount) / static_cast<double>(top));
        dl->AddRectFilled(ImVec2(x0, origin.y), ImVec2(x0 + w_total, origin.y + bar_h), ImGui::GetColorU32(p.chart_bar), 3.0f);
        dl->AddText(ImVec2(x0 + w_total + 6, origin.y - 2), ImGui::GetColorU32(p.text), format_money(e.total_contribution, data_).c_str());
        const float y1 = origin.y + bar_h + 4;
        dl->AddRectFilled(ImVec2(x0, y1), ImVec2(x0 + std::max(1.0f, w_value), y1 + bar_h), ImGui::GetColorU32(p.yes), 3.0f);
        dl->AddText(ImVec2(x0 + w_value + 6, y1 - 2), ImGui::GetColorU32(p.text_muted), format_money(e.total_value, data_).c_str());
        ImGui::Dummy(ImVec2(label_w + width, bar_h * 2 + ImGui::GetFontSize() * 0.6f));
    }
    text_muted("Upper bar: total contribution. Lower bar: estimated value of member discounts.");

    // Goals and the recommendation.
    heading("Which tier fits your goals?", fonts_.bold);
    ImGui::Checkbox("We want a vote in Executive Committee elections", &draft_.goals.executive_vote);
    ImGui::Checkbox("We want a guaranteed seat on the Technical Review Committee", &draft_.goals.guaranteed_trc_seat);
    bool has_budget = draft_.goals.annual_budget.has_value();
    if (ImGui::Checkbox("We have an annual budget ceiling", &has_budget))
        draft_.goals.annual_budget = has_budget ? std::optional<std::int64_t>(data_.schedule.tiers.front().annual_fee.amount) : std::nullopt;
    if (draft_.goals.annual_budget) {
        Money budget{*draft_.goals.annual_budget, data_.schedule.tiers.front().annual_fee.currency};
        if (money_input("Annual budget", budget)) draft_.goals.annual_budget = budget.amount;
    }
    const Recommendation rec = recommend(data_, a, prof, draft_.goals);
    ImGui::Spacing();
    ImGui::BeginGroup();
    const Tier* rt = data_.find_tier(rec.tier);
    if (fonts_.bold) ImGui::PushFont(fonts_.bold);
    text(rt ? "Recommended: " + rt->name + (rec.within_budget ? "" : " (over your budget)") : "No tier meets these goals");
    if (fonts_.bold) ImGui::PopFont();
    for (const std::string& reason : rec.reasons) {
        ImGui::Bullet();
        text(reason);
    }
    if (rt && rt->id != draft_.request.tier) {
        const std::string label = "Choose " + rt->name + "##recommended";
        if (primary_button(label.c_str())) {
            choose_tier(rt->id);
            show_toast(rt->name + " chosen");
        }
    } else if (rt) {
        text_colored(p.yes, "\xE2\x9C\x93 This is your chosen tier.");
    }
    ImGui::EndGroup();
    // A frame around the recommendation, drawn after its content so it fits it.
    const ImVec2 pad(ImGui::GetFontSize() * 0.5f, ImGui::GetFontSize() * 0.4f);
    ImGui::GetWindowDrawList()->AddRect(ImVec2(ImGui::GetItemRectMin().x - pad.x, ImGui::GetItemRectMin().y - pad.y),
                                        ImVec2(ImGui::GetItemRectMax().x + pad.x, ImGui::GetItemRectMax().y + pad.y),
                                        ImGui::GetColorU32(p.accent), 6.0f, 0, 2.0f);
}

}  // namespace iiifc
