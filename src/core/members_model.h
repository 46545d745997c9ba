// The members listing as one value: the counts line, the levels to filter by, the rows that match a
// search and a level (each with its level's text), and how many are shown. The Members view
// renders this; the search and the level are the view's own state, passed in.
#pragma once

#include "membership.h"

#include <string>
#include <vector>

namespace iiifc {

struct MemberRow {
    std::string name;
    std::string level;  // "Full", "Associate, founder (2015)"
};

struct LevelChoice {
    std::string id;     // a tier id; "" for every level
    std::string label;  // "All levels", "Full"
};

struct MembersModel {
    std::string heading, counts, search_label, search_hint, levels_label, caption;
    std::vector<std::string> columns;  // "Institution", "Level"
    std::vector<LevelChoice> levels;
    std::vector<MemberRow> rows;
    std::string shown;   // "12 shown.", "No member matches."
    std::string source;  // "Source: ..."
};

// `query`: part of a name, any case, spaces around ignored; `level`: a tier id, "" for all.
MembersModel members_model(const MembershipData& data, const std::string& query, const std::string& level);

}  // namespace iiifc
