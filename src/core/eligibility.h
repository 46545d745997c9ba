// Governance rights for an organisation type and a tier, each answered yes / no / conditional
// with a reason drawn from the data; the TRC what-if and the commercial Executive Committee cap.
#pragma once

#include "membership.h"

#include <string>
#include <vector>

namespace iiifc {

struct RightAnswer {
    std::string id, name;
    Grant grant = Grant::no;
    std::string reason;  // one sentence, from the data's reasons, placeholders filled in
    bool operator==(const RightAnswer& o) const { return id == o.id && name == o.name && grant == o.grant && reason == o.reason; }
};

// Rights for an institution of `organisation_type` joining as `tier_id`. Unknown ids give "no" to every right.
std::vector<RightAnswer> rights_for(const MembershipData& data, const std::string& organisation_type, const std::string& tier_id);

// How an answer is said to people: "Yes", "No", "With a condition".
const char* grant_answer(Grant g);

// Representatives of the elected tier that may sit on the TRC when it has `members` institutions.
int trc_elected_cap(const Governance& g, int members);

struct TrcWhatIf {
    std::string tier;       // the tier whose representatives are elected ("associate")
    int members_now = 0;    // institutions in that tier in the snapshot
    int cap_now = 0;        // representatives that can be elected today
    int cap_if_joined = 0;  // ... if one more institution joins that tier
};
TrcWhatIf trc_what_if(const MembershipData& data);

struct CommercialCap {
    int limit = 0;  // seats commercial organisations may hold at most
    int held = 0;   // held today (snapshot)
    int open = 0;   // still open to commercial organisations
};
CommercialCap commercial_cap(const MembershipData& data);

// "{limit}" style placeholders: replaces every {key} with its value.
std::string fill_placeholders(std::string text, const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace iiifc
