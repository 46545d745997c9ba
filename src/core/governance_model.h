// The governance statements for an organisation type and a tier, as one value: each right with its
// answer and reason, the Technical Review Committee's rule and what-if, the Executive Committee's
// commercial seats. The Governance view, the page without JavaScript, the budget summary and the
// CLI's `eligibility` render this; none of them words a statement of its own.
#pragma once

#include "eligibility.h"

#include <string>
#include <vector>

namespace iiifc {

struct RightRow {
    std::string name;
    Grant grant = Grant::no;
    std::string answer;  // "Yes", "No", "With a condition"
    std::string reason;
};

struct GovernanceModel {
    std::string rights_heading;               // "Full membership, Museum"
    std::vector<std::string> rights_columns;  // "Right", "Answer", "Why"
    std::vector<RightRow> rights;
    bool type_chosen = false;
    std::string type_note;  // "Museum counts as non-commercial." or why to choose a type
    std::string trc_heading, trc_about;
    std::string trc_rule;       // who may nominate, and the share that may be elected
    std::string trc_now;        // "Today there are 24 Associate member institutions, so up to 12 ..."
    std::string trc_if_joined;  // "If your institution joins as Associate, there will be 25, ..."
    std::string members_as_of;  // "Members as of 2026-05-27."
    std::string cap_heading, executive, cap;
    std::string operating_heading, operating_about;
};

const char* governance_heading();  // "Your say in how IIIF is run": drawn before the choices the model needs
GovernanceModel governance_model(const MembershipData& data, const std::string& organisation_type, const std::string& tier_id);

}  // namespace iiifc
