// libFuzzer: any bytes in browser storage where the draft is kept. Restoring never throws; a
// restored draft saves and restores to itself; the bytes merged in as another tab's save give a
// draft that restores, or says why not.
#include "data_loader.h"
#include "draft.h"
#include "draft_merge.h"

#include <cstdint>
#include <string>

static const iiifc::MembershipData& data() {
    static const iiifc::MembershipData d = iiifc::load_membership(iiifc::read_text_file(IIIFC_ASSETS_DIR "/membership.json"), "membership.json");
    return d;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const iiifc::DraftRestore r = iiifc::draft_from_json(std::string(reinterpret_cast<const char*>(bytes), size), data());
    if (!r.ok && r.notice.empty()) __builtin_trap();
    const iiifc::DraftRestore again = iiifc::draft_from_json(iiifc::draft_to_json(r.draft, data()), data());
    if (!again.ok) __builtin_trap();
    const iiifc::StampedDraft local = iiifc::parse_stamped_draft(iiifc::draft_to_json(r.draft, data()));
    const iiifc::DraftMerge m = iiifc::merge_drafts(local, iiifc::parse_stamped_draft(std::string(reinterpret_cast<const char*>(bytes), size)));
    const iiifc::DraftRestore merged = iiifc::draft_from_json(iiifc::stamped_draft_to_json(m.merged), data());
    if (!merged.ok && merged.notice.empty()) __builtin_trap();
    return 0;
}
