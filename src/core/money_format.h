// Formats money held in minor units: "US$10,000", "US$12.50", "-US$250".
#pragma once

#include "membership.h"

#include <string>

namespace iiifc {

std::string format_money(const Money& m, const MembershipData& data);  // symbol from the data's currencies
std::string format_money(std::int64_t amount, const std::string& symbol, int minor_units);

// Parses what a person types ("2,500", "2500.5", "$2,500") into minor units; false if it is not a number.
bool parse_money_input(const std::string& text, int minor_units, std::int64_t& out);

}  // namespace iiifc
