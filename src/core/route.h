// Deep links in the URL fragment: "#/join?tier=associate&type=museum" <-> Route. Which names are
// views is the UI's business: the route only carries the name.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace iiifc {

struct Route {
    std::string view;                                            // "" when the fragment names none
    std::vector<std::pair<std::string, std::string>> params;     // in order; keys unique
    std::string get(const std::string& key) const;               // "" when absent
    void set(const std::string& key, const std::string& value);  // empty value removes the key
    bool operator==(const Route& o) const { return view == o.view && params == o.params; }
};

// Never fails: malformed pairs are skipped, and the view, keys and values are percent-decoded.
// A view name longer than 64 bytes is dropped; at most 32 parameters of 2,000 bytes each are kept.
Route parse_route(const std::string& fragment);
std::string format_route(const Route& r);  // "#/view?key=value&..." percent-encoded

}  // namespace iiifc
