#include "membership.h"

#include <algorithm>

namespace iiifc {

template <typename T>
static const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    for (const T& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

const TierBenefit* Tier::find_benefit(const std::string& benefit_id) const { return find_by_id(benefits, benefit_id); }

bool Tier::operator==(const Tier& o) const {
    return id == o.id && name == o.name && short_name == o.short_name && annual_fee == o.annual_fee && fee_label == o.fee_label &&
        benefits == o.benefits && conference_registrations_included == o.conference_registrations_included;
}

bool IncomeGroup::contains(const std::string& country_code) const {
    return std::find(countries.begin(), countries.end(), country_code) != countries.end();
}

const char* to_string(Grant g) {
    switch (g) {
        case Grant::yes: return "yes";
        case Grant::conditional: return "conditional";
        case Grant::no: break;
    }
    return "no";
}

Grant Right::grant_for(const std::string& tier_id) const {
    auto it = tiers.find(tier_id);
    if (it != tiers.end()) return it->second;
    it = tiers.find("*");
    return it != tiers.end() ? it->second : Grant::no;
}

const IncomeClassification::Group* IncomeClassification::group_of(const std::string& country_code) const {
    for (const Group& g : groups)
        if (std::find(g.countries.begin(), g.countries.end(), country_code) != g.countries.end()) return &g;
    return nullptr;
}

const Right* Governance::find_right(const std::string& id) const { return find_by_id(rights, id); }

int Snapshot::count_in_tier(const std::string& tier_id) const {
    return static_cast<int>(std::count_if(members.begin(), members.end(), [&](const Member& m) { return m.tier == tier_id; }));
}

bool Assumptions::operator==(const Assumptions& o) const {
    return conference_non_member_price == o.conference_non_member_price && conference_member_price == o.conference_member_price &&
        conference_member_tiers == o.conference_member_tiers && conference_source == o.conference_source &&
        training_non_member_hourly == o.training_non_member_hourly && training_tier_hourly == o.training_tier_hourly &&
        training_source == o.training_source;
}

const JoinField* JoinInfo::find_field(const std::string& id) const { return find_by_id(fields, id); }

const JoinField* JoinInfo::field_of_kind(FieldKind kind) const {
    for (const JoinField& f : fields)
        if (f.kind == kind) return &f;
    return nullptr;
}

const JoinField* JoinInfo::field_with_autocomplete(const std::string& token) const {
    for (const JoinField& f : fields)
        if (f.autocomplete == token) return &f;
    return nullptr;
}

const Tier* MembershipData::find_tier(const std::string& id) const { return find_by_id(schedule.tiers, id); }
const OrganisationType* MembershipData::find_organisation_type(const std::string& id) const { return find_by_id(organisation_types, id); }

const Country* MembershipData::find_country(const std::string& code) const {
    for (const Country& c : countries)
        if (c.code == code) return &c;
    return nullptr;
}

const Currency* MembershipData::find_currency(const std::string& code) const {
    for (const Currency& c : currencies)
        if (c.code == code) return &c;
    return nullptr;
}

}  // namespace iiifc
