// libFuzzer: any bytes as a join request file (.json) picked by the user.
#include "data_loader.h"
#include "join_request.h"

#include <cstdint>
#include <string>

static const iiifc::MembershipData& shipped() {
    static const iiifc::MembershipData d =
        iiifc::load_membership(iiifc::read_text_file(IIIFC_ASSETS_DIR "/membership.json"), "membership.json");
    return d;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const iiifc::JoinImport r =
        iiifc::join_request_from_json(std::string(reinterpret_cast<const char*>(data), size), "request.json", shipped());
    if (r.ok == !r.error.empty()) __builtin_trap();
    if (r.ok) {
        const iiifc::JoinImport again =
            iiifc::join_request_from_json(iiifc::join_request_to_json(r.request, shipped()), "again.json", shipped());
        if (!again.ok) __builtin_trap();
    }
    return 0;
}
