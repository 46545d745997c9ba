#include "money_format.h"

#include <cstdlib>

namespace iiifc {

static std::string group_thousands(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    const std::size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    out = digits.substr(0, first);
    for (std::size_t i = first; i < digits.size(); i += 3) out += "," + digits.substr(i, 3);
    return out;
}

std::string format_money(std::int64_t amount, const std::string& symbol, int minor_units) {
    std::uint64_t scale = 1;
    for (int i = 0; i < minor_units; ++i) scale *= 10;
    const bool negative = amount < 0;
    // Negate through unsigned so INT64_MIN does not overflow.
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
    std::string s = (negative ? "-" : "") + symbol + group_thousands(magnitude / scale);
    const std::uint64_t cents = magnitude % scale;
    if (cents != 0) {
        std::string frac = std::to_string(cents);
        s += "." + std::string(static_cast<std::size_t>(minor_units) - frac.size(), '0') + frac;
    }
    return s;
}

std::string format_money(const Money& m, const MembershipData& data) {
    const Currency* c = data.find_currency(m.currency);
    return c ? format_money(m.amount, c->symbol, c->minor_units) : format_money(m.amount, m.currency + " ", 2);
}

bool parse_money_input(const std::string& text, int minor_units, std::int64_t& out) {
    std::int64_t whole = 0, frac = 0;
    int frac_digits = -1;  // -1: no decimal point seen
    bool any_digit = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            any_digit = true;
            if (frac_digits < 0) {
                if (whole > 100000000000LL) return false;
                whole = whole * 10 + (c - '0');
            } else if (frac_digits < minor_units) {
                frac = frac * 10 + (c - '0');
                ++frac_digits;
            } else {
                return false;  // more decimals than the currency has
            }
        } else if (c == '.' && frac_digits < 0) {
            frac_digits = 0;
        } else if (c == ',' || c == ' ' || c == '$' || (c >= 'A' && c <= 'Z')) {
            if (frac_digits >= 0 && c == ',') return false;
        } else {
            return false;
        }
    }
    if (!any_digit) return false;
    std::int64_t scale = 1;
    for (int i = 0; i < minor_units; ++i) scale *= 10;
    for (int i = frac_digits < 0 ? 0 : frac_digits; i < minor_units; ++i) frac *= 10;
    out = whole * scale + frac;
    return true;
}

}  // namespace iiifc
