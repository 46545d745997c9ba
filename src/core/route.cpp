#include "route.h"

#include "join_request.h"

namespace iiifc {

std::string Route::get(const std::string& key) const {
    for (const auto& kv : params)
        if (kv.first == key) return kv.second;
    return "";
}

void Route::set(const std::string& key, const std::string& value) {
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (it->first != key) continue;
        if (value.empty())
            params.erase(it);
        else
            it->second = value;
        return;
    }
    if (!value.empty()) params.emplace_back(key, value);
}

Route parse_route(const std::string& fragment) {
    constexpr std::size_t kMaxParams = 32, kMaxLength = 2000, kMaxViewLength = 64;
    Route r;
    std::string s = fragment;
    if (!s.empty() && s[0] == '#') s.erase(0, 1);
    if (!s.empty() && s[0] == '/') s.erase(0, 1);
    const std::size_t q = s.find('?');
    const std::string view = percent_decode(s.substr(0, q));
    if (view.size() <= kMaxViewLength) r.view = view;
    if (q == std::string::npos) return r;
    const std::string query = s.substr(q + 1);
    std::size_t start = 0;
    while (start <= query.size() && r.params.size() < kMaxParams) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(start, end - start);
        const std::size_t eq = pair.find('=');
        if (eq != std::string::npos && eq > 0) {
            const std::string key = percent_decode(pair.substr(0, eq), true);
            const std::string value = percent_decode(pair.substr(eq + 1), true);
            if (key.size() <= kMaxLength && value.size() <= kMaxLength) r.set(key, value);
        }
        start = end + 1;
    }
    return r;
}

std::string format_route(const Route& r) {
    std::string s = "#/" + percent_encode(r.view);
    char sep = '?';
    for (const auto& kv : r.params) {
        if (kv.second.empty()) continue;
        s += sep + percent_encode(kv.first) + "=" + percent_encode(kv.second);
        sep = '&';
    }
    return s;
}

}  // namespace iiifc
