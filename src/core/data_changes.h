// What a new data file changes for readers, said in lines a person can check before publishing:
// fees (old -> new), tiers, add-ons and income-group prices added or removed, benefit wording,
// dates, join fields, members.
#pragma once

#include "membership.h"

#include <string>
#include <vector>

namespace iiifc {

// Empty when nothing a reader sees in these parts changed.
std::vector<std::string> describe_changes(const MembershipData& before, const MembershipData& after);

}  // namespace iiifc
