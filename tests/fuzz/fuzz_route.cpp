// libFuzzer: any URL fragment. Parsing never fails, and formatting then parsing is stable.
#include "route.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const iiifc::Route r = iiifc::parse_route(std::string(reinterpret_cast<const char*>(data), size));
    if (r.view.size() > 64) __builtin_trap();  // a view name is kept only when short
    const std::string once = iiifc::format_route(r);
    const iiifc::Route back = iiifc::parse_route(once);
    if (iiifc::format_route(back) != once) __builtin_trap();
    return 0;
}
