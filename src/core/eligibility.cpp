#include "eligibility.h"

#include <algorithm>

namespace iiifc {

std::string fill_placeholders(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
    // One pass: a value that holds braces (typed by a person) is never read as a placeholder.
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find('{', pos), close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) break;
        out.append(text, pos, open - pos);
        const std::string key = text.substr(open + 1, close - open - 1);
        const auto it = std::find_if(values.begin(), values.end(), [&](const auto& kv) { return kv.first == key; });
        if (it != values.end())
            out += it->second;
        else
            out.append(text, open, close - open + 1);
        pos = close + 1;
    }
    return out + text.substr(std::min(pos, text.size()));
}

const char* grant_answer(Grant g) { return g == Grant::yes ? "Yes" : g == Grant::conditional ? "With a condition" : "No"; }

int trc_elected_cap(const Governance& g, int members) {
    if (members <= 0) return 0;
    const long long num = static_cast<long long>(members) * g.trc_elected_fraction.numerator;
    const long long den = g.trc_elected_fraction.denominator;
    return static_cast<int>(g.trc_round_up ? (num + den - 1) / den : num / den);
}

TrcWhatIf trc_what_if(const MembershipData& data) {
    TrcWhatIf w;
    w.tier = data.governance.trc_elected_tier;
    w.members_now = data.snapshot.count_in_tier(w.tier);
    w.cap_now = trc_elected_cap(data.governance, w.members_now);
    w.cap_if_joined = trc_elected_cap(data.governance, w.members_now + 1);
    return w;
}

CommercialCap commercial_cap(const MembershipData& data) {
    CommercialCap c;
    c.limit = data.governance.commercial_seat_limit;
    c.held = data.snapshot.commercial_executive_seats_held;
    c.open = c.limit > c.held ? c.limit - c.held : 0;
    return c;
}

std::vector<RightAnswer> rights_for(const MembershipData& data, const std::string& organisation_type, const std::string& tier_id) {
    const OrganisationType* type = data.find_organisation_type(organisation_type);
    const bool commercial = type && type->commercial;
    const CommercialCap cap = commercial_cap(data);
    const TrcWhatIf trc = trc_what_if(data);
    const std::vector<std::pair<std::string, std::string>> values = {
        {"limit", std::to_string(cap.limit)},
        {"open", std::to_string(cap.open)},
        {"held", std::to_string(cap.held)},
        {"cap", std::to_string(trc.cap_now)},
        {"cap_if_joined", std::to_string(trc.cap_if_joined)},
    };

    std::vector<RightAnswer> answers;
    for (const Right& right : data.governance.rights) {
        RightAnswer a;
        a.id = right.id;
        a.name = right.name;
        a.grant = data.find_tier(tier_id) ? right.grant_for(tier_id) : Grant::no;
        std::string reason_key = to_string(a.grant);
        if (a.grant == Grant::yes && right.commercial_limited && commercial) {
            a.grant = Grant::conditional;  // eligible, but only while commercial seats remain under the limit
            reason_key = "commercial";
        }
        auto it = right.reasons.find(reason_key);
        a.reason = fill_placeholders(it != right.reasons.end() ? it->second : "", values);
        answers.push_back(a);
    }
    return answers;
}

}  // namespace iiifc
