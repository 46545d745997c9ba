// libFuzzer: any bytes as a join request .json file picked by the user.
#include "join_request.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const iiifc::JoinImport r = iiifc::join_request_from_json(std::string(reinterpret_cast<const char*>(data), size), "draft.json");
    if (r.ok == !r.error.empty()) __builtin_trap();
    if (r.ok) {
        const iiifc::JoinImport again = iiifc::join_request_from_json(iiifc::join_request_to_json(r.request), "again.json");
        if (!again.ok) __builtin_trap();
    }
    return 0;
}
