// The tier comparison as one value, built from the schedule shown: the columns, a row per fee and
// benefit with each cell's text and kind, which rows differ, the add-ons, each tier's own wording,
// what every member gets, the conditions and the goals. The Tiers view, the page without
// JavaScript and the tests render this; none of them words a cell or a sentence of its own.
#pragma once

#include "membership.h"

#include <string>
#include <vector>

namespace iiifc {

enum class CellKind { fee, included, not_included };

struct ComparisonCell {
    CellKind kind = CellKind::included;
    std::string text;                // "US$8,000", "Yes", "May nominate", "Not included"
    std::vector<std::string> notes;  // under the text: the fee's label, a price variant ("US$1,000 for ...")
    std::string detail;              // the tier's own sentence for a benefit (a tooltip); "" for a fee
    bool operator==(const ComparisonCell& o) const { return kind == o.kind && text == o.text && notes == o.notes && detail == o.detail; }
};

struct ComparisonRow {
    std::string label;  // "Annual contribution", a benefit's label
    bool differs = false;
    std::vector<ComparisonCell> cells;  // one per tier, in the columns' order
};

struct TierWording {      // a tier as the consortium words it
    std::string tier_id;  // Tier::id
    std::string heading;  // "Full membership — US$8,000 annual sustaining contribution"
    std::vector<std::string> benefits;
};

struct ComparisonModel {
    std::string heading, differs_note, caption, corner;  // corner: the row headers' column ("Benefit")
    std::vector<std::string> tier_ids, columns, short_columns;
    std::vector<ComparisonRow> rows;   // the fee first, then every benefit of the schedule
    std::vector<std::string> add_ons;  // "Optional add-on: Allmaps, US$2,000 a year. ..."
    std::string wording_heading;
    std::vector<TierWording> tiers;
    std::string member_benefits_heading;
    std::vector<std::string> member_benefits;
    std::string conditions_heading;
    std::vector<std::string> conditions;
    std::string goals_heading, intro;
    std::vector<std::string> goals;
    std::string period;  // "Fees effective from 2026-01-01."
};

ComparisonModel comparison_model(const MembershipData& data);

// What a cell says before its text ("✓ ", "— "), and a row's label with its "differs" mark ("◆ ").
const char* cell_mark(CellKind kind);
std::string row_label(const ComparisonRow& row);
// A cell as one line: mark, text and notes, as a screen reader or a test reads it.
std::string cell_line(const ComparisonCell& cell);

}  // namespace iiifc
