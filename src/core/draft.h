// The user's work in progress (calculator inputs, goals, the join form), saved to browser
// storage on every change and restored on load. Restoring never throws and never trusts the input.
#pragma once

#include "calculator.h"
#include "join_request.h"
#include "membership.h"

#include <string>

namespace iiifc {

struct Draft {
    Profile profile;
    Goals goals;
    Assumptions assumptions;   // starts as the data's; the user may edit the figures
    JoinRequest request;
    bool operator==(const Draft& o) const {
        return profile == o.profile && goals == o.goals && assumptions == o.assumptions && request == o.request;
    }
};

constexpr std::size_t kMaxDraftBytes = 4 * 1024 * 1024;  // a larger stored draft is ignored, so never stored

Draft new_draft(const MembershipData& data);   // empty form, first tier, data's assumptions

std::string draft_to_json(const Draft& d);
struct DraftRestore {
    bool ok = false;
    Draft draft;            // on failure: new_draft(data)
    std::string notice;     // why the stored draft was ignored, or what was dropped from it
};
// Fields that no longer make sense for the data (a tier that was removed) are reset, with a notice.
DraftRestore draft_from_json(const std::string& text, const MembershipData& data);

}  // namespace iiifc
