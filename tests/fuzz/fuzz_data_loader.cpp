// libFuzzer: any bytes as membership data. Must never crash: either data or a DataError.
#include "data_loader.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const iiifc::LoadResult r = iiifc::try_load_membership(text, "fuzz.json");
    if (r.data.has_value() == !r.error.empty()) __builtin_trap();  // exactly one of data or error
    return 0;
}
