// Drafts edited in several tabs: per-field stamps, merging by latest edit, old drafts, and the
// sentences about where the draft is kept.
#include "draft.h"
#include "draft_merge.h"
#include "storage_status.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace iiifc;
using iiifc_test::shipped;

namespace {

// A tab's view of the draft: what it last saved (with stamps), and a way to edit and save.
struct Tab {
    std::string id;
    Draft draft;
    StampedDraft saved;
    explicit Tab(std::string tab_id) : id(std::move(tab_id)), draft(new_draft(shipped())) {
        saved = parse_stamped_draft(draft_to_json(draft, shipped()));
    }
    std::string save(std::int64_t ms) {
        stamp_changes(saved, draft_to_json(draft, shipped()), EditStamp{ms, id});
        return stamped_draft_to_json(saved);
    }
};

Draft restored(const std::string& json) {
    const DraftRestore r = draft_from_json(json, shipped());
    REQUIRE(r.ok);
    return r.draft;
}

}  // namespace

TEST_CASE("a saved draft carries a stamp for each field edited, and still restores as a draft") {
    Tab a("a");
    a.draft.request.at("institution") = "Yale";
    a.draft.request.at("country") = "United States";
    const std::string stored = a.save(1000);
    const StampedDraft d = parse_stamped_draft(stored);
    CHECK(d.stamps.size() == 2);
    CHECK(d.stamps.at("request.institution") == EditStamp{1000, "a"});
    CHECK(d.stamps.at("request.country") == EditStamp{1000, "a"});
    CHECK(d.header == nlohmann::json{{"format", "iiifc-draft"}, {"version", 1}});
    CHECK(restored(stored) == a.draft);

    a.draft.request.at("role") = "Librarian";
    const StampedDraft later = parse_stamped_draft(a.save(2000));
    CHECK(later.stamps.at("request.institution") == EditStamp{1000, "a"});  // unchanged fields keep their stamp
    CHECK(later.stamps.at("request.role") == EditStamp{2000, "a"});
}

TEST_CASE("two tabs typing in different fields in turn both keep their text, and a third sees both") {
    Tab first("first"), second("second");          // the second was opened before the first typed
    first.draft.request.at("institution") = "Bodleian Libraries";
    first.draft.request.at("country") = "United Kingdom";
    const std::string from_first = first.save(1000);

    // The second tab had typed nothing yet; it hears of the first's save, then types a role.
    DraftMerge m = merge_drafts(second.saved, parse_stamped_draft(from_first));
    CHECK(m.changed == std::vector<std::string>{"request.country", "request.institution"});
    second.saved = m.merged;
    second.draft = restored(stamped_draft_to_json(m.merged));
    second.draft.request.at("role") = "Curator";
    const std::string from_second = second.save(2000);

    // The first tab merges that save: its own fields stay, the role arrives.
    m = merge_drafts(first.saved, parse_stamped_draft(from_second));
    CHECK(m.changed == std::vector<std::string>{"request.role"});
    const Draft third = restored(from_second);   // a tab opened now reads storage
    CHECK(third.request.get("institution") == "Bodleian Libraries");
    CHECK(third.request.get("country") == "United Kingdom");
    CHECK(third.request.get("role") == "Curator");
    CHECK(restored(stamped_draft_to_json(m.merged)) == third);
}

TEST_CASE("the latest edit of a field wins, whichever tab saves last") {
    Tab a("a"), b("b");
    a.draft.request.at("institution") = "Older";
    const std::string old_save = a.save(1000);
    b.draft.request.at("institution") = "Newer";
    const std::string new_save = b.save(2000);
    // b's later edit reaches a.
    DraftMerge m = merge_drafts(a.saved, parse_stamped_draft(new_save));
    CHECK(m.changed == std::vector<std::string>{"request.institution"});
    CHECK(restored(stamped_draft_to_json(m.merged)).request.get("institution") == "Newer");
    // An older save arriving late changes nothing.
    m = merge_drafts(b.saved, parse_stamped_draft(old_save));
    CHECK(m.changed.empty());
    CHECK(m.merged == b.saved);
}

TEST_CASE("the same millisecond in two tabs: the tab id decides, the same way in both tabs") {
    Tab a("a"), b("b");
    a.draft.request.at("role") = "From a";
    b.draft.request.at("role") = "From b";
    const StampedDraft sa = parse_stamped_draft(a.save(5000)), sb = parse_stamped_draft(b.save(5000));
    CHECK(restored(stamped_draft_to_json(merge_drafts(sa, sb).merged)).request.get("role") == "From b");
    CHECK(restored(stamped_draft_to_json(merge_drafts(sb, sa).merged)).request.get("role") == "From b");
}

TEST_CASE("the field being typed in keeps its local text whatever arrives") {
    Tab a("a"), b("b");
    a.draft.request.at("message") = "I am typing th";
    a.save(1000);
    b.draft.request.at("message") = "Other text";
    b.draft.request.at("website") = "https://example.org";
    const DraftMerge m = merge_drafts(a.saved, parse_stamped_draft(b.save(2000)), {"request.message"});
    CHECK(m.changed == std::vector<std::string>{"request.website"});
    CHECK(restored(stamped_draft_to_json(m.merged)).request.get("message") == "I am typing th");
}

TEST_CASE("a draft saved before stamps existed restores, and loses to any stamped edit") {
    Draft old = new_draft(shipped());
    old.request.at("institution") = "Old Library";
    old.request.at("role") = "Old role";
    const std::string unstamped = draft_to_json(old, shipped());
    const StampedDraft parsed = parse_stamped_draft(unstamped);
    CHECK(parsed.stamps.empty());
    CHECK(restored(stamped_draft_to_json(parsed)) == old);

    Tab a("a");
    a.saved = parsed;
    a.draft = old;
    a.draft.request.at("role") = "New role";
    const StampedDraft mine = parse_stamped_draft(a.save(3000));
    DraftMerge m = merge_drafts(mine, parsed);   // the unstamped text arriving changes nothing
    CHECK(m.changed.empty());
    m = merge_drafts(parsed, mine);
    CHECK(m.changed == std::vector<std::string>{"request.role"});
}

TEST_CASE("stored text that is not a draft, and malformed stamps, are read as nothing") {
    CHECK(parse_stamped_draft("").fields.empty());
    CHECK(parse_stamped_draft("[1,2]").fields.empty());
    CHECK(parse_stamped_draft("{\"request\":{\"role\":\"x\"").fields.empty());
    const StampedDraft d = parse_stamped_draft(
        R"({"request":{"role":"x","country":"y"},"stamps":{"request.role":[1,2],"request.country":[7,"t"],"request.gone":[9,"t"]}})");
    CHECK(d.fields.size() == 2);
    CHECK(d.stamps.size() == 1);
    CHECK(d.stamps.at("request.country") == EditStamp{7, "t"});
    // A member that is a field group in one draft and not in the other is not written into it.
    const StampedDraft odd = parse_stamped_draft(R"({"format":"iiifc-draft","version":{"x":1},"request":{"role":"y"}})");
    const StampedDraft mine = parse_stamped_draft(R"({"format":"iiifc-draft","version":1,"request":{"role":"z"}})");
    CHECK(stamped_draft_to_json(merge_drafts(mine, odd).merged) ==
          R"({"format":"iiifc-draft","request":{"role":"z"},"stamps":{},"version":1})");
    // Merging into an empty local draft takes every incoming field.
    const DraftMerge m = merge_drafts(StampedDraft{}, d);
    CHECK(m.changed == std::vector<std::string>{"request.country", "request.role"});
}

TEST_CASE("where the draft is kept is said in one sentence per state") {
    CHECK(storage_sentence(StorageState::kept) == "Your answers are kept on this device only.");
    CHECK(storage_sentence(StorageState::memory_only) == "Nothing you type is stored on this device.");
    CHECK(storage_sentence(StorageState::full) ==
          "Your answers are not being saved on this device: the browser's storage for this site is full. "
          "Download the request to keep a copy; saving is tried again by itself.");
    CHECK(!storage_failing(StorageState::kept));
    CHECK(!storage_failing(StorageState::memory_only));
    CHECK(storage_failing(StorageState::unavailable));
    CHECK(storage_failing(StorageState::too_large));
}
