#include "governance_model.h"

#include "text_utf8.h"

namespace iiifc {

namespace {

void trc_statements(const MembershipData& data, GovernanceModel& m) {
    const Governance& g = data.governance;
    const TrcWhatIf w = trc_what_if(data);
    const Tier* elected = data.find_tier(w.tier);
    const std::string tier = elected ? elected->short_name : w.tier;
    m.trc_heading = g.trc_name + ": what if you join as " + tier + "?";
    m.trc_about = g.trc_about;
    m.trc_rule = tier + " members may nominate a representative; up to " + std::to_string(g.trc_elected_fraction.numerator) + "/" +
        std::to_string(g.trc_elected_fraction.denominator) + " of the number of " + to_lower_ascii(tier) + " member institutions" +
        (g.trc_round_up ? ", rounding up," : ", rounding down,") + " may be elected.";
    m.trc_now = "Today there are " + std::to_string(w.members_now) + " " + tier + " member institutions, so up to " +
        std::to_string(w.cap_now) + " " + tier + " representatives can be elected to the " + g.trc_name + ".";
    m.trc_if_joined = "If your institution joins as " + tier + ", there will be " + std::to_string(w.members_now + 1) + ", and up to " +
        std::to_string(w.cap_if_joined) + " can be elected" +
        (w.cap_if_joined > w.cap_now ? " \xE2\x80\x94 one more seat." : " \xE2\x80\x94 the same number of seats.");
    m.members_as_of = "Members as of " + data.snapshot.date + ".";
}

}  // namespace

const char* governance_heading() { return "Your say in how IIIF is run"; }

GovernanceModel governance_model(const MembershipData& data, const std::string& organisation_type, const std::string& tier_id) {
    const Governance& g = data.governance;
    const OrganisationType* type = data.find_organisation_type(organisation_type);
    const Tier* tier = data.find_tier(tier_id);
    GovernanceModel m;
    m.rights_heading = std::string(tier ? tier->name : "") + (type ? ", " + type->name : std::string());
    m.rights_columns = {"Right", "Answer", "Why"};
    for (const RightAnswer& a : rights_for(data, organisation_type, tier_id))
        m.rights.push_back({a.name, a.grant, grant_answer(a.grant), a.reason});
    m.type_chosen = type != nullptr;
    m.type_note = type ? type->name + (type->commercial ? " counts as commercial." : " counts as non-commercial.")
                       : "Choose your organisation type: commercial organisations are subject to a seat limit.";
    trc_statements(data, m);
    const CommercialCap c = commercial_cap(data);
    m.cap_heading = g.executive_name + ": seats for commercial organisations";
    m.executive = g.executive_name + ": " + g.executive_about + " It has " + std::to_string(g.executive_seats) + " seats.";
    m.cap = "At most " + std::to_string(c.limit) + " seats may be held by commercial organisations. They hold " + std::to_string(c.held) +
        " today, so " + std::to_string(c.open) + (c.open == 1 ? " is" : " are") + " still open to them (" + data.snapshot.date + ").";
    m.operating_heading = g.operating_name;
    m.operating_about = g.operating_about;
    return m;
}

}  // namespace iiifc
