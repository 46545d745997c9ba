// libFuzzer: any bytes as the consortium's members CSV, imported into the shipped data. Either an
// error, or a data file that loads and holds one member per data row.
#include "data_loader.h"
#include "members_import.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string shipped = iiifc::read_text_file(std::string(IIIFC_ASSETS_DIR) + "/membership.json");
    const std::string csv(reinterpret_cast<const char*>(data), size);
    const iiifc::MembersImport r = iiifc::import_members_csv(csv, "members.csv", shipped, "membership.json", "2026-11-26");
    if (r.ok == !r.error.empty()) __builtin_trap();
    if (r.ok) {
        const iiifc::LoadResult again = iiifc::try_load_membership(r.json_text, "imported.json");
        if (!again.data || again.data->snapshot.date != "2026-11-26") __builtin_trap();
    }
    return 0;
}
