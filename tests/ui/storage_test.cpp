// Keeping the draft: two tabs merging field by field, storage that refuses, kiosk privacy, newer
// data applied while the app runs.
#include "ui_harness.h"

#include "draft.h"
#include "draft_keeper.h"
#include "storage_status.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace iiifc;
using iiifc_test::Ui;

// Two tabs of one browser: what one saves, the other hears of (the browser's storage event).
static void hear(Ui& tab, const Ui& from) {
    REQUIRE(!from.platform.stored.empty());
    tab.app->on_draft_saved_elsewhere(from.platform.stored.back());
    tab.frame(2);
}

TEST_CASE("two tabs typing in different fields in turn both keep their text; a third tab sees both") {
    Ui first, second;
    second.app->restore_draft("");  // opened first, empty
    second.app->open_fragment("#/join");
    second.frame(2);
    first.app->restore_draft("");
    first.app->open_fragment("#/join");
    first.frame(2);
    REQUIRE(first.click("Institution"));
    first.type("Bodleian Libraries");
    REQUIRE(first.click("Country"));
    first.type("United Kingdom");
    hear(second, first);
    CHECK(second.app->draft().request.get("institution") == "Bodleian Libraries");
    CHECK(second.app->draft().request.get("country") == "United Kingdom");

    second.platform.wall_ms = first.platform.wall_ms + 5000;
    second.frame();
    REQUIRE(second.click("Role"));
    second.type("Curator");
    hear(first, second);
    CHECK(first.app->draft().request.get("institution") == "Bodleian Libraries");
    CHECK(first.app->draft().request.get("country") == "United Kingdom");
    CHECK(first.app->draft().request.get("role") == "Curator");

    Ui third;
    third.app->restore_draft(second.platform.stored.back());
    CHECK(third.app->draft().request.get("institution") == "Bodleian Libraries");
    CHECK(third.app->draft().request.get("country") == "United Kingdom");
    CHECK(third.app->draft().request.get("role") == "Curator");
}

TEST_CASE("what another tab saves arrives without touching the field being typed in") {
    Ui mine, other;
    for (Ui* t : {&mine, &other}) {
        t->app->restore_draft("");
        t->app->open_fragment("#/join");
        t->frame(2);
    }
    REQUIRE(other.click("Message"));
    other.type("Their message");
    REQUIRE(other.click("Website"));
    other.type("https://example.org");
    mine.platform.wall_ms = other.platform.wall_ms - 60000;  // this tab's edits are older, yet typed now
    mine.frame();
    REQUIRE(mine.click("Message"));
    mine.type("My mess");
    hear(mine, other);
    CHECK(mine.app->draft().request.get("website") == "https://example.org");
    CHECK(mine.app->draft().request.get("message") == "My mess");
    mine.type("age");  // the caret stayed at the end of this tab's text
    CHECK(mine.app->draft().request.get("message") == "My message");
}

TEST_CASE("storage refused: the Join view says so once, offers the download, retries, and clears when saving works") {
    Ui ui;
    ui.platform.storage = StorageState::unavailable;  // the browser threw at the read
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join");
    ui.frame(2);
    CHECK(ui.app->storage_state() == StorageState::unavailable);
    const std::string sentence = storage_sentence(StorageState::unavailable);
    CHECK(ui.app->semantics_json().find(sentence) != std::string::npos);
    CHECK(ui.app->semantics_json().find("kept on this device") == std::string::npos);
    REQUIRE(ui.click("Institution"));
    ui.type("Wellcome Collection");
    CHECK(!ui.platform.refused.empty());
    CHECK(ui.platform.stored.empty());
    CHECK(std::count(ui.platform.announcements.begin(), ui.platform.announcements.end(), sentence) == 1);
    REQUIRE(ui.click("Download the request"));
    REQUIRE(ui.platform.downloads.size() == 1);
    CHECK(join_request_from_json(ui.platform.downloads[0].content, "x.json", iiifc_test::shipped_data()).request.get("institution") ==
          "Wellcome Collection");
    CHECK(ui.app->seconds_until_wakeup() > 0);
    CHECK(ui.app->seconds_until_wakeup() <= DraftKeeper::kRetrySeconds + 0.05);

    ui.platform.storage = StorageState::kept;  // the visitor allowed site data again
    ui.platform.now += DraftKeeper::kRetrySeconds;
    ui.frame();
    CHECK(ui.app->seconds_until_wakeup() == 0);  // the saved state is drawn at once
    ui.frame(2);
    REQUIRE(!ui.platform.stored.empty());
    CHECK(draft_from_json(ui.platform.stored.back(), iiifc_test::shipped_data()).draft.request.get("institution") == "Wellcome Collection");
    CHECK(ui.app->storage_state() == StorageState::kept);
    CHECK(ui.find("Download the request") == nullptr);
    CHECK(ui.app->semantics_json().find(storage_sentence(StorageState::kept)) != std::string::npos);
}

TEST_CASE("a quota that is full, and a draft too large to store, are said as such") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join");
    ui.frame(2);
    ui.platform.storage = StorageState::full;
    ui.app->draft().request.at("institution") = "Full";
    ui.frame(2);
    CHECK(ui.app->storage_state() == StorageState::full);
    CHECK(ui.find("Download the request"));

    ui.platform.storage = StorageState::kept;
    ui.app->draft().request.at("message") = std::string(kMaxDraftBytes, 'x');
    ui.frame(2);
    CHECK(ui.app->storage_state() == StorageState::too_large);
    CHECK(ui.platform.stored.empty());  // never written: it would be ignored at the next start
    ui.app->draft().request.at("message") = "Short again";
    ui.frame(2);
    CHECK(ui.app->storage_state() == StorageState::kept);
    CHECK(draft_from_json(ui.platform.stored.back(), iiifc_test::shipped_data()).draft.request.get("message") == "Short again");
}

TEST_CASE("kiosk: nothing is stored, a draft left on the device is removed unread, and the Join view says so") {
    Draft left = new_draft(iiifc_test::shipped_data());
    left.request.at("contact_name") = "Previous Visitor";
    AppOptions kiosk;
    kiosk.kiosk = true;
    Ui ui(kiosk);
    ui.app->restore_draft(draft_to_json(left, iiifc_test::shipped_data()));
    CHECK(ui.app->draft().request.get("contact_name").empty());
    CHECK(ui.platform.stored == std::vector<std::string>{""});
    ui.app->open_fragment("#/join");
    ui.frame(2);
    REQUIRE(ui.click("Contact name"));
    ui.type("Next Visitor");
    CHECK(ui.app->draft().request.get("contact_name") == "Next Visitor");
    CHECK(ui.platform.stored == std::vector<std::string>{""});
    ui.app->on_draft_saved_elsewhere(draft_to_json(left, iiifc_test::shipped_data()));  // a non-kiosk tab's save is not merged in
    CHECK(ui.app->draft().request.get("contact_name") == "Next Visitor");
    CHECK(ui.app->storage_state() == StorageState::memory_only);
    CHECK(ui.app->semantics_json().find("Nothing you type is stored on this device.") != std::string::npos);
}

TEST_CASE("start over in one tab clears the other tabs too: clearing is the latest edit") {
    Ui a, b;
    for (Ui* t : {&a, &b}) {
        t->app->restore_draft("");
        t->frame(2);
    }
    a.app->draft().request.at("institution") = "To be cleared";
    a.frame(2);
    hear(b, a);
    CHECK(b.app->draft().request.get("institution") == "To be cleared");
    b.platform.wall_ms += 1000;
    REQUIRE(b.click("Start over"));
    REQUIRE(b.click("Clear everything"));
    hear(a, b);
    CHECK(a.app->draft().request.get("institution").empty());
}

TEST_CASE("newer data found after the start is applied quietly; the draft stays, a removed tier is reset with a notice") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join?tier=full");
    ui.app->draft().request.at("institution") = "Typed before";
    ui.frame(2);
    MembershipData newer = iiifc_test::shipped_data();
    newer.schedules[0].tiers[1].annual_fee.amount = 270000;  // the seed's, in force on the harness's clock
    ui.app->on_data_updated(newer);
    ui.frame(2);
    CHECK(ui.app->data().find_tier("associate")->annual_fee.amount == 270000);
    CHECK(ui.app->draft().request.get("institution") == "Typed before");
    CHECK(ui.app->notice().empty());

    MembershipData without_full = newer;
    without_full.schedules[0].tiers.erase(without_full.schedules[0].tiers.begin());
    ui.app->on_data_updated(without_full);
    ui.frame(2);
    CHECK(ui.app->draft().request.get("tier") == "associate");
    CHECK(ui.app->draft().request.get("institution") == "Typed before");
    CHECK(ui.app->notice() == "The saved draft was restored, but the chosen tier \"full\" no longer exists.");
}

TEST_CASE("another tab's save that the draft reader refuses changes nothing here, and this tab's draft is written back") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->draft().request.at("institution") = "Mine";
    ui.frame(2);
    const std::size_t saves = ui.platform.stored.size();
    ui.app->on_draft_saved_elsewhere(
        R"({"format":"iiifc-draft","version":1,"profile":{"years":"x"},"stamps":{"profile.years":[99999999999999,"z"]}})");
    ui.frame(2);
    CHECK(ui.app->draft().request.get("institution") == "Mine");
    REQUIRE(ui.platform.stored.size() == saves + 1);
    const DraftRestore back = draft_from_json(ui.platform.stored.back(), iiifc_test::shipped_data());
    CHECK(back.ok);
    CHECK(back.draft.request.get("institution") == "Mine");
    CHECK(back.draft.calculator.years == 1);
}

TEST_CASE("a save from another tab that arrives before the first frame merges with the restored draft") {
    // The keeper is given the restored draft after the first frame; whatever comes first gives it then.
    Ui first;
    first.app->restore_draft("");
    first.app->open_fragment("#/join");
    first.frame(2);
    REQUIRE(first.click("Institution"));
    first.type("Bodleian Libraries");
    Ui second;
    second.app->restore_draft(first.platform.stored.back());  // no frame yet
    first.platform.wall_ms += 2000;
    REQUIRE(first.click("Country"));
    first.type("United Kingdom");
    second.app->on_draft_saved_elsewhere(first.platform.stored.back());
    second.app->open_fragment("#/join");
    second.frame(2);
    CHECK(second.app->draft().request.get("institution") == "Bodleian Libraries");
    CHECK(second.app->draft().request.get("country") == "United Kingdom");
    REQUIRE(second.click("Role"));
    second.type("Curator");
    const DraftRestore saved = draft_from_json(second.platform.stored.back(), second.app->data());
    CHECK(saved.draft.request.get("institution") == "Bodleian Libraries");
    CHECK(saved.draft.request.get("country") == "United Kingdom");
    CHECK(saved.draft.request.get("role") == "Curator");
}
