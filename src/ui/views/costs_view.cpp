// Costs: the institution's inputs and the editable assumptions (with sources), the results for
// every tier side by side, a chart of the totals, and the recommendation for the goals ticked.
#include "costs_model.h"
#include "join_request.h"
#include "money_format.h"
#include "shaped_text.h"
#include "theme.h"
#include "view.h"
#include "widgets.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <map>

namespace iiifc {

namespace {

// A calculator input as a form row: its label before it, as in the join form.
template <typename Control>
bool labelled(const std::string& label, bool narrow, float width_em, Control&& control) {
    begin_form_row(label, narrow);
    const std::string id = "##" + label;
    ImGui::SetNextItemWidth(width_em > 0 ? ImGui::GetFontSize() * width_em : form_control_width());
    set_next_field({label, false, "", "", "", ""});
    const bool changed = control(id.c_str());
    end_form_row(label, ImGui::GetID(id.c_str()), {});
    return changed;
}

bool count_input(const char* label, int& value, int max, bool narrow) {
    return labelled(label, narrow, 9, [&](const char* id) { return spin_int(id, &value, 0, max); });
}

class CostsView final : public View {
public:
    const char* id() const override { return "costs"; }
    const char* title() const override { return "Costs"; }

    void draw(ViewContext& ctx) override {
        const MembershipData& data = ctx.data;
        const Palette& p = palette();
        CalculatorInputs& in = ctx.draft.calculator;
        Assumptions& a = ctx.draft.assumptions;
        heading(costs_heading(), ctx.fonts.heading, 2);

        // Inputs. The organisation type is the join request's, shared with Join and Governance.
        const bool narrow = ctx.shell.narrow();
        std::string type = value_of_kind(ctx.draft.request, data, FieldKind::organisation_type);
        if (labelled("Organisation type", narrow, 0, [&](const char* id) { return organisation_type_combo(id, data, type); }))
            set_value_of_kind(ctx.draft.request, data, FieldKind::organisation_type, type);
        labelled("Years of commitment", narrow, 9, [&](const char* id) { return slider_int(id, &in.years, kMinYears, kMaxYears); });
        count_input("Conference attendees a year", in.conference_attendees, 10000, narrow);
        count_input("Training hours a year", in.training_hours, 100000, narrow);
        // The country is the join request's (one field, one value): it decides an income-group price.
        if (const JoinField* country = data.join.field_of_kind(FieldKind::country); country && !data.schedule.income_groups.empty()) {
            begin_form_row(country->label, ctx.shell.narrow());
            ImGui::SetNextItemWidth(form_control_width());
            set_next_field({country->label, false, "", country->autocomplete, "", ""});
            const std::string control = "##costs-" + country->id;
            if (country_combo(control.c_str(), data, ctx.draft.request.at(country->id))) ctx.shell.note_editing(country->id);
            end_form_row(country->label, ImGui::GetID(control.c_str()), {});
        }
        // The add-ons are the join request's too, when its form asks them (one choice, as the country).
        if (!data.schedule.add_ons.empty()) {
            const JoinField* field = data.join.field_of_kind(FieldKind::add_ons);
            const std::string label = field ? field->label : "Add-ons";
            std::vector<std::string> chosen = field ? chosen_add_ons(ctx.draft.request, data) : in.add_ons;
            begin_form_row(label, narrow);
            const std::string control = "##costs-add-ons";
            if (add_on_checkboxes(control.c_str(), label, data, chosen)) {
                if (field) {
                    set_chosen_add_ons(ctx.draft.request, data, chosen);
                    ctx.shell.note_editing(field->id);
                } else {
                    in.add_ons = chosen;
                }
            }
            end_form_row(label, ImGui::GetID(control.c_str()), {});
        }

        if (collapsing_header("Assumptions (editable)")) {
            text_muted("Conference registration: " + a.conference_source);
            money_input("Non-member conference price", a.conference_non_member_price, data);
            money_input("Member conference price", a.conference_member_price, data);
            text_muted("Training: " + a.training_source);
            money_input("Non-member training, per hour", a.training_non_member_hourly, data);
            for (auto& kv : a.training_tier_hourly) {
                const Tier* t = data.find_tier(kv.first);
                const std::string label = (t ? t->short_name : kv.first) + " member training, per hour";
                money_input(label.c_str(), kv.second, data);
            }
            if (secondary_button("Reset assumptions")) {
                a = data.assumptions;
                money_edits_.clear();
            }
        }

        // Results, every tier side by side, after the inputs: this frame's values.
        const Profile profile = profile_of(ctx.draft, data);
        const CostsModel m = costs_model(data, a, profile, ctx.draft.goals);
        heading(m.years_heading, ctx.fonts.bold);
        if (begin_table("results", m.caption, 1 + static_cast<int>(m.columns.size()),
                        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.6f);
            for (const std::string& c : m.columns) ImGui::TableSetupColumn(c.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            std::vector<std::string> head = {""};
            head.insert(head.end(), m.columns.begin(), m.columns.end());
            table_header_row(head);
            for (const CostRow& row : m.rows) {
                table_next_row();
                table_cell(0);
                text(row.label);
                for (std::size_t i = 0; i < row.cells.size(); ++i) {
                    table_cell(static_cast<int>(i) + 1);
                    if (row.bold && ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
                    text(row.cells[i]);
                    if (row.bold && ctx.fonts.bold) ImGui::PopFont();
                }
            }
            end_table();
        }
        for (const std::string& note : m.price_lines) text_muted(note);
        draw_chart(m);

        // Goals (from the data) and the recommendation.
        heading(m.goals_heading, ctx.fonts.bold);
        for (const CalculatorGoal& g : data.calculator_goals) {
            bool on = ctx.draft.goals.wants(g.id);
            if (checkbox(g.label.c_str(), &on)) ctx.draft.goals.set(g.id, on);
        }
        std::optional<std::int64_t>& budget = ctx.draft.goals.annual_budget;
        bool has_budget = budget.has_value();
        const Money& first_fee = data.schedule.tiers.front().annual_fee;
        if (checkbox("We have an annual budget ceiling", &has_budget))
            budget = has_budget ? std::optional<std::int64_t>(first_fee.amount) : std::nullopt;
        if (budget) {
            Money ceiling{*budget, first_fee.currency};
            if (money_input("Annual budget", ceiling, data)) budget = ceiling.amount;
        }
        const RecommendationModel rec = recommendation_model(data, a, profile, ctx.draft.goals);
        ImGui::Spacing();
        ImGui::BeginGroup();
        if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
        text(rec.title);
        if (ctx.fonts.bold) ImGui::PopFont();
        bullet_list(rec.reasons);
        const Tier* rt = data.find_tier(rec.tier);
        if (rt && rt->id != profile.tier) {
            const std::string label = "Choose " + rt->name + "##recommended";
            if (primary_button(label.c_str())) ctx.shell.choose_tier(rt->id);
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

    void reset() override { money_edits_.clear(); }
    void on_data_changed() override { money_edits_.clear(); }

private:
    // Text being typed into a money field, kept until it parses, so a half-typed amount is not lost.
    struct MoneyEdit {
        std::string text;
        std::int64_t shown = -1;
        bool invalid = false;
    };
    std::map<std::string, MoneyEdit> money_edits_;

    bool money_input(const char* label, Money& value, const MembershipData& data) {
        const Currency* c = data.find_currency(value.currency);
        const int minor = c ? c->minor_units : 2;
        MoneyEdit& e = money_edits_[label];
        if (e.shown != value.amount && !e.invalid) {  // changed elsewhere (start over, a loaded draft)
            e.text = format_money(value.amount, "", minor);
            e.shown = value.amount;
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        bool changed = false;
        static const char* const kNotAnAmount = "Not an amount; the last valid one is used.";
        if (e.invalid) set_next_field({"", false, kNotAnAmount, "", "", "text"});
        if (text_field(label, &e.text, "", ImGuiInputTextFlags_CharsNoBlank)) {
            std::int64_t parsed = 0;
            e.invalid = !parse_money_input(e.text, minor, parsed) || parsed > 100000000;
            if (!e.invalid) {
                value.amount = parsed;
                e.shown = parsed;
                changed = true;
            }
        }
        if (e.invalid) {                                             // the field's semantics carry the message too (its error)
            same_line_if_fits(ImGui::CalcTextSize(kNotAnAmount).x);  // else under the field, wrapped
            ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(kNotAnAmount);
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
        }
        return changed;
    }

    // Total contribution and estimated value per tier, on one scale.
    static void draw_chart(const CostsModel& m) {
        const Palette& p = palette();
        const float label_w = ImGui::GetFontSize() * 7;
        const float bar_h = ImGui::GetFontSize() * 0.9f;
        const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x - label_w - ImGui::GetFontSize() * 7);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (const ChartBar& bar : m.chart) {
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            dl->AddText(origin, ImGui::GetColorU32(p.text), shown_text(bar.label).c_str());
            const float x0 = origin.x + label_w;
            const float w_total = width * static_cast<float>(bar.total);
            const float w_value = width * static_cast<float>(bar.value);
            dl->AddRectFilled(ImVec2(x0, origin.y), ImVec2(x0 + w_total, origin.y + bar_h), ImGui::GetColorU32(p.chart_bar), 3.0f);
            dl->AddText(ImVec2(x0 + w_total + 6, origin.y - 2), ImGui::GetColorU32(p.text), shown_text(bar.total_text).c_str());
            const float y1 = origin.y + bar_h + 4;
            dl->AddRectFilled(ImVec2(x0, y1), ImVec2(x0 + std::max(1.0f, w_value), y1 + bar_h), ImGui::GetColorU32(p.yes), 3.0f);
            dl->AddText(ImVec2(x0 + w_value + 6, y1 - 2), ImGui::GetColorU32(p.text_muted), shown_text(bar.value_text).c_str());
            ImGui::Dummy(ImVec2(label_w + width, bar_h * 2 + ImGui::GetFontSize() * 0.6f));
            image(bar.description);
        }
        text_muted(m.chart_legend);
    }
};

}  // namespace

std::unique_ptr<View> make_costs_view() { return std::make_unique<CostsView>(); }

}  // namespace iiifc
