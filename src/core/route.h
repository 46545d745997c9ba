// Deep links in the URL fragment: "#/join?tier=associate&type=museum" <-> Route.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace iiifc {

extern const char* const kViews[];      // "tiers", "costs", "governance", "members", "join"
constexpr int kViewCount = 5;

struct Route {
    std::string view = "tiers";
    std::vector<std::pair<std::string, std::string>> params;  // in order; keys unique
    std::string get(const std::string& key) const;            // "" when absent
    void set(const std::string& key, const std::string& value);  // empty value removes the key
    bool operator==(const Route& o) const { return view == o.view && params == o.params; }
};

bool is_view(const std::string& name);

// Never fails: an unknown view falls back to "tiers", malformed pairs are skipped, and
// keys and values are percent-decoded. At most 32 parameters of 2,000 bytes each are kept.
Route parse_route(const std::string& fragment);
std::string format_route(const Route& r);   // "#/view?key=value&..." percent-encoded

}  // namespace iiifc
