// The user's work in progress (the join form, calculator inputs, goals), saved to browser
// storage on every change and restored on load. Restoring never throws and never trusts the input.
#pragma once

#include "calculator.h"
#include "join_request.h"
#include "membership.h"

#include <string>

namespace iiifc {

// The saved draft: everything the user has entered, kept in browser storage (not a file; the file
// the app downloads and loads is the join request file, join_request.h). The tier and the
// organisation type live once, in the join request; the calculator reads them from there.
struct Draft {
    JoinRequest request;
    CalculatorInputs calculator;
    Goals goals;
    Assumptions assumptions;   // starts as the data's; the user may edit the figures
    bool operator==(const Draft& o) const {
        return request == o.request && calculator == o.calculator && goals == o.goals && assumptions == o.assumptions;
    }
};

constexpr std::size_t kMaxDraftBytes = 4 * 1024 * 1024;  // a larger stored draft is ignored, so never stored

Draft new_draft(const MembershipData& data);   // empty form, first tier, data's assumptions
Profile profile_of(const Draft& d, const MembershipData& data);  // the calculator's view of the draft

std::string draft_to_json(const Draft& d, const MembershipData& data);
struct DraftRestore {
    bool ok = false;
    Draft draft;            // on failure: new_draft(data)
    std::string notice;     // why the stored draft was ignored, or what was dropped from it
};
// Fields that no longer make sense for the data (a tier that was removed) are reset, with a notice.
DraftRestore draft_from_json(const std::string& text, const MembershipData& data);

}  // namespace iiifc
