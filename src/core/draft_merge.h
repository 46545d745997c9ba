// Drafts edited in several tabs at once: each field of a stored draft carries the time and the tab
// of its last edit, and two drafts merge field by field, the latest edit of each field winning.
// Works on the draft's JSON (draft.h), so it follows whatever fields a draft has.
//
// Stored form: the draft's JSON plus one member the reader of draft.h ignores,
//   "stamps": {"request.institution": [1764150000000, "k2x9"], ...}
// Drafts saved before stamps existed (or by an older app) restore unchanged: no stamp is
// older than any stamp.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace iiifc {

struct EditStamp {
    std::int64_t ms = 0;   // wall-clock time of the edit (comparable across tabs); 0: never stamped
    std::string tab;       // the editing tab's id: breaks ties of the same millisecond
    bool operator<(const EditStamp& o) const { return ms != o.ms ? ms < o.ms : tab < o.tab; }
    bool operator==(const EditStamp& o) const { return ms == o.ms && tab == o.tab; }
};

// A draft as fields: "profile.institution" -> its JSON value, and the stamp of each field's last edit.
struct StampedDraft {
    std::map<std::string, nlohmann::json> fields;
    std::map<std::string, EditStamp> stamps;     // fields without one were never edited since stamps exist
    nlohmann::json header;                       // the draft's own members that are not fields (format, version)
    bool operator==(const StampedDraft& o) const { return fields == o.fields && stamps == o.stamps && header == o.header; }
};

// Reads stored text (with or without stamps). Text that is not a JSON object gives an empty draft.
StampedDraft parse_stamped_draft(const std::string& text);
// The stored form: the draft's JSON with its "stamps" member.
std::string stamped_draft_to_json(const StampedDraft& d);

// Stamps the fields of `now_json` (a draft_to_json text) whose value differs from `before`, with
// `stamp`; returns the fields stamped. Fields equal to before keep their stamps.
std::vector<std::string> stamp_changes(StampedDraft& before, const std::string& now_json, const EditStamp& stamp);

struct DraftMerge {
    StampedDraft merged;
    std::vector<std::string> changed;   // fields whose value is not the local one any more, sorted
};
// Field by field, the later stamp wins; on equal stamps (or none) the local value stays. Fields in
// `keep_local` (the one being typed in) keep the local value whatever the incoming stamp.
DraftMerge merge_drafts(const StampedDraft& local, const StampedDraft& incoming, const std::set<std::string>& keep_local = {});

}  // namespace iiifc
