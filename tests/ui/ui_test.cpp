// The portal's views, driven headlessly with synthetic input.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "ui_harness.h"

#include "draft.h"
#include "qr_code.h"
#include "route.h"
#include "theme.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>

using namespace iiifc;
using iiifc_test::Ui;

// The four fields the shipped data requires that a deep link does not fill.
static void fill_required_fields(JoinRequest& r) {
    r.institution = "Musée d'Orsay";
    r.country = "France";
    r.contact_name = "Ann";
    r.contact_email = "ann@example.org";
}

TEST_CASE("the tiers view draws a Choose button per tier of the data") {
    Ui ui;
    ui.app->restore_draft("");
    ui.frame(2);
    CHECK(ui.app->view() == "tiers");
    CHECK(ui.find("\xE2\x9C\x93 Chosen##full"));
    CHECK(ui.find("Choose this tier##associate"));
}

TEST_CASE("choosing a tier in Tiers carries it into Join and Costs") {
    Ui ui;
    ui.app->restore_draft("");
    ui.frame(2);
    REQUIRE(ui.click("Choose this tier##associate"));
    CHECK(ui.app->draft().request.tier == "associate");
    CHECK(ui.app->draft().profile.tier == "associate");
    CHECK(ui.app->toast() == "Associate membership chosen");
    REQUIRE(ui.click("Join##nav"));
    CHECK(ui.app->view() == "join");
    CHECK(ui.platform.fragments.back() == "#/join?tier=associate");
    CHECK(ui.platform.fragment_pushed.back());
    // The saved draft carries the choice.
    const DraftRestore saved = draft_from_json(ui.platform.stored.back(), iiifc_test::shipped_data());
    CHECK(saved.draft.request.tier == "associate");
}

TEST_CASE("validation messages appear when a field is left wrong, and clear when it is fixed") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join");
    ui.frame(2);
    CHECK(ui.app->visible_errors().empty());  // nothing shouts at an untouched form
    REQUIRE(ui.click("Contact email *##contact_email"));
    ui.type("marie");
    CHECK(ui.app->draft().request.contact_email == "marie");
    auto errors = errors_for(ui.app->visible_errors(), "contact_email");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "Contact email is not a valid email address (expected name@example.org).");
    CHECK(ui.find("\xE2\x9A\xA0 Contact email is not a valid email address (expected name@example.org).") == nullptr);  // text, not a widget
    ui.type("@bnf.fr");
    CHECK(errors_for(ui.app->visible_errors(), "contact_email").empty());
}

TEST_CASE("the request can be sent only once the form validates") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join?tier=associate&type=museum");
    ui.frame(2);
    REQUIRE(ui.click("Open in my email program"));
    CHECK(ui.platform.opened.empty());
    CHECK(ui.app->visible_errors().size() == 4);  // institution, country, contact name, contact email
    JoinRequest& r = ui.app->draft().request;
    fill_required_fields(r);
    ui.frame(2);
    REQUIRE(ui.click("Open in my email program"));
    REQUIRE(ui.platform.opened.size() == 1);
    CHECK(ui.platform.opened[0] == mailto_uri(r, iiifc_test::shipped_data()));
    REQUIRE(ui.click("Copy request"));
    REQUIRE(ui.platform.clipboard.size() == 1);
    CHECK(ui.platform.clipboard[0].rfind("To: admin@iiif.io\nSubject: IIIF Consortium membership request: Musée d'Orsay (Associate membership)\n\n", 0) == 0);
    ui.app->on_clipboard_result(true);
    CHECK(ui.app->toast() == "Copied to the clipboard");
    REQUIRE(ui.click("Download .json"));
    REQUIRE(ui.platform.downloads.size() == 1);
    CHECK(ui.platform.downloads[0].name == "iiif-consortium-join-request.json");
    CHECK(join_request_from_json(ui.platform.downloads[0].content, "x").request == r);
}

TEST_CASE("a loaded .json draft fills the form; a bad one leaves it unchanged with a message") {
    Ui ui;
    ui.app->restore_draft("");
    ui.frame();
    JoinRequest r;
    r.institution = "Loaded Library";
    r.tier = "associate";
    ui.app->on_file_loaded("draft.json", join_request_to_json(r));
    ui.frame();
    CHECK(ui.app->view() == "join");
    CHECK(ui.app->draft().request.institution == "Loaded Library");
    CHECK(ui.app->draft().profile.tier == "associate");
    ui.app->on_file_loaded("broken.json", "{\"request\": ");
    CHECK(ui.app->draft().request.institution == "Loaded Library");
    CHECK(ui.app->notice().rfind("That file could not be loaded: broken.json: line 1, column 13: JSON syntax error", 0) == 0);
}

TEST_CASE("deep links: parse, restore and format round-trip through the app") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/governance?tier=associate&type=museum");
    ui.frame(2);
    CHECK(ui.app->view() == "governance");
    CHECK(ui.app->draft().profile.tier == "associate");
    CHECK(ui.app->draft().profile.organisation_type == "museum");
    CHECK(ui.platform.fragments.empty());  // the browser is already at that address
    REQUIRE(ui.click("Members##nav"));
    CHECK(ui.platform.fragments.back() == "#/members?tier=associate&type=museum");
    ui.app->open_fragment("#/nowhere");
    ui.frame();
    CHECK(ui.app->view() == "tiers");
}

TEST_CASE("the draft is saved on change and restored after a reload") {
    std::string stored;
    {
        Ui ui;
        ui.app->restore_draft("");
        ui.app->open_fragment("#/join");
        ui.frame(2);
        REQUIRE(ui.click("Institution *##institution"));
        ui.type("Yale");
        REQUIRE(!ui.platform.stored.empty());
        stored = ui.platform.stored.back();
    }
    Ui again;
    again.app->restore_draft(stored);
    CHECK(again.app->draft().request.institution == "Yale");
    CHECK(again.app->notice().empty());
}

TEST_CASE("corrupt stored data is ignored with a notice, and removed") {
    Ui ui;
    ui.app->restore_draft("{\"format\":\"iiifc-draft\",\"version\":1,\"profile\":{\"years\":\"x\"}}");
    CHECK(ui.app->notice().rfind("The saved draft could not be read and was ignored", 0) == 0);
    CHECK(ui.platform.stored == std::vector<std::string>{""});  // removed, and not rewritten until something changes
    ui.frame(2);
    CHECK(ui.platform.stored == std::vector<std::string>{""});
    CHECK(ui.find("Dismiss##notice"));
}

TEST_CASE("start over asks first, then clears everything") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->draft().request.institution = "Keep me";
    ui.frame(2);
    REQUIRE(ui.click("Start over"));
    REQUIRE(ui.click("Keep my work"));
    CHECK(ui.app->draft().request.institution == "Keep me");
    REQUIRE(ui.click("Start over"));
    REQUIRE(ui.click("Clear everything"));
    CHECK(ui.app->draft().request.institution.empty());
    CHECK(ui.app->view() == "tiers");
}

TEST_CASE("kiosk: after the idle timeout the draft is cleared and the app returns to the start") {
    AppOptions kiosk;
    kiosk.kiosk = true;
    kiosk.idle_timeout = 30;
    Ui ui(kiosk);
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join");
    ui.app->draft().request.institution = "Visitor's museum";
    ui.frame(2);
    CHECK(ui.find("Download .json") == nullptr);  // nothing that leaves the app
    CHECK(ui.find("Open in my email program") == nullptr);
    ui.app->note_user_input();
    CHECK(ui.app->seconds_until_wakeup() == doctest::Approx(30.05));
    ui.platform.now += 20;
    ui.frame();
    CHECK(ui.app->draft().request.institution == "Visitor's museum");
    ui.app->note_user_input();
    ui.platform.now += 25;
    ui.frame();
    CHECK(ui.app->draft().request.institution == "Visitor's museum");  // input reset the timer
    ui.platform.now += 31;
    ui.frame();
    CHECK(ui.app->draft().request.institution.empty());
    CHECK(ui.app->view() == "tiers");
}

TEST_CASE("costs view: results for every tier and the recommendation follow the goals") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/costs");
    ui.frame(2);
    REQUIRE(ui.click("We want a vote in Executive Committee elections"));
    CHECK(ui.app->draft().goals.executive_vote);
    CHECK(ui.find("Choose Full membership##recommended") == nullptr);  // full is already chosen
    REQUIRE(ui.click("Choose this tier##associate") == false);         // not on this view
}

TEST_CASE("theme: text contrast of at least 4.5:1 in both themes") {
    for (const Palette* p : {&light_palette(), &dark_palette()}) {
        CAPTURE(p == &light_palette() ? "light" : "dark");
        const ImVec4 row = blend(p->row_differs, p->background);
        for (const ImVec4& bg : {p->background, p->panel, p->panel_alt, row}) {
            CHECK(contrast_ratio(p->text, bg) >= 4.5);
            CHECK(contrast_ratio(p->text_muted, bg) >= 4.5);
            CHECK(contrast_ratio(p->yes, bg) >= 4.5);
            CHECK(contrast_ratio(p->no, bg) >= 4.5);
            CHECK(contrast_ratio(p->error, bg) >= 4.5);
            CHECK(contrast_ratio(p->conditional, bg) >= 4.5);
        }
        CHECK(contrast_ratio(p->accent_text, p->accent) >= 4.5);
        CHECK(contrast_ratio(p->accent_text, p->accent_hover) >= 4.5);
        CHECK(contrast_ratio(p->button_text, p->button) >= 4.5);
        CHECK(contrast_ratio(p->button_text, p->button_hover) >= 4.5);
        CHECK(contrast_ratio(p->background, p->text) >= 4.5);  // the toast: background-coloured text on text colour
    }
    CHECK(contrast_ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(1.0));
}

TEST_CASE("QR code: a mailto: link is encoded with its finder patterns; text too long for a QR code is refused") {
    const QrCode qr = encode_qr("mailto:admin@iiif.io?subject=IIIF%20Consortium%20membership%20request");
    REQUIRE(qr.size >= 21);
    CHECK((qr.size - 17) % 4 == 0);  // version v has 17 + 4v modules per side
    CHECK(qr.dark.size() == static_cast<std::size_t>(qr.size * qr.size));
    // The three 7x7 finder patterns: dark ring, light ring, dark 3x3 centre.
    for (const auto& [x0, y0] : {std::pair{0, 0}, std::pair{qr.size - 7, 0}, std::pair{0, qr.size - 7}}) {
        CAPTURE(x0);
        CAPTURE(y0);
        CHECK(qr.at(x0, y0));
        CHECK(qr.at(x0 + 6, y0 + 6));
        CHECK_FALSE(qr.at(x0 + 1, y0 + 1));
        CHECK_FALSE(qr.at(x0 + 5, y0 + 1));
        CHECK(qr.at(x0 + 3, y0 + 3));
    }
    CHECK(encode_qr(std::string(3000, 'a')).size == 0);               // over a version-40 code's 2,953 bytes
    CHECK(encode_qr(std::string("mailto:a\0b", 10)).size == 0);       // would be cut at the NUL
    CHECK(encode_qr("mailto:é").size == 21);                          // UTF-8 in byte mode
}

TEST_CASE("kiosk: a complete request shows its QR code; one too long for a QR code says so") {
    AppOptions kiosk;
    kiosk.kiosk = true;
    Ui ui(kiosk);
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join?tier=associate&type=museum");
    ui.frame(2);
    CHECK(ui.find("QR code") == nullptr);  // not before the request is complete
    JoinRequest& r = ui.app->draft().request;
    fill_required_fields(r);
    ui.frame(2);
    const WidgetRect* qr = ui.find("QR code");
    REQUIRE(qr != nullptr);
    CHECK(qr->w > 100);
    CHECK(qr->w == doctest::Approx(qr->h));
    r.message = std::string(1500, 'x') + "\xC3\xA9 " + std::string(1500, 'y');  // valid (≤ 4,000), too long to scan
    ui.frame(2);
    CHECK(ui.find("QR code") == nullptr);
    CHECK(ui.app->visible_errors().empty());
}

// Two tabs of one browser: what one saves, the other hears of (the browser's storage event).
static void hear(Ui& tab, const Ui& from) {
    REQUIRE(!from.platform.stored.empty());
    tab.app->on_draft_saved_elsewhere(from.platform.stored.back());
    tab.frame(2);
}

TEST_CASE("two tabs typing in different fields in turn both keep their text; a third tab sees both") {
    Ui first, second;
    second.app->restore_draft("");   // opened first, empty
    second.app->open_fragment("#/join");
    second.frame(2);
    first.app->restore_draft("");
    first.app->open_fragment("#/join");
    first.frame(2);
    REQUIRE(first.click("Institution *##institution"));
    first.type("Bodleian Libraries");
    REQUIRE(first.click("Country *##country"));
    first.type("United Kingdom");
    hear(second, first);
    CHECK(second.app->draft().request.institution == "Bodleian Libraries");
    CHECK(second.app->draft().request.country == "United Kingdom");

    second.platform.wall_ms = first.platform.wall_ms + 5000;
    second.frame();
    REQUIRE(second.click("Role##role"));
    second.type("Curator");
    hear(first, second);
    CHECK(first.app->draft().request.institution == "Bodleian Libraries");
    CHECK(first.app->draft().request.country == "United Kingdom");
    CHECK(first.app->draft().request.role == "Curator");

    Ui third;
    third.app->restore_draft(second.platform.stored.back());
    CHECK(third.app->draft().request.institution == "Bodleian Libraries");
    CHECK(third.app->draft().request.country == "United Kingdom");
    CHECK(third.app->draft().request.role == "Curator");
}

TEST_CASE("what another tab saves arrives without touching the field being typed in") {
    Ui mine, other;
    for (Ui* t : {&mine, &other}) {
        t->app->restore_draft("");
        t->app->open_fragment("#/join");
        t->frame(2);
    }
    REQUIRE(other.click("Message##message"));
    other.type("Their message");
    REQUIRE(other.click("Website##website"));
    other.type("https://example.org");
    mine.platform.wall_ms = other.platform.wall_ms - 60000;  // this tab's edits are older, yet typed now
    mine.frame();
    REQUIRE(mine.click("Message##message"));
    mine.type("My mess");
    hear(mine, other);
    CHECK(mine.app->draft().request.website == "https://example.org");
    CHECK(mine.app->draft().request.message == "My mess");
    mine.type("age");  // the caret stayed at the end of this tab's text
    CHECK(mine.app->draft().request.message == "My message");
}

TEST_CASE("storage refused: the Join view says so once, offers the download, retries, and clears when saving works") {
    Ui ui;
    ui.platform.storage = StorageState::unavailable;   // the browser threw at the read
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join");
    ui.frame(2);
    CHECK(ui.app->storage_state() == StorageState::unavailable);
    const std::string sentence = storage_sentence(StorageState::unavailable);
    CHECK(ui.app->accessible_view_json().find(sentence) != std::string::npos);
    CHECK(ui.app->accessible_view_json().find("kept on this device") == std::string::npos);
    REQUIRE(ui.click("Institution *##institution"));
    ui.type("Wellcome Collection");
    CHECK(!ui.platform.refused.empty());
    CHECK(ui.platform.stored.empty());
    CHECK(std::count(ui.platform.announcements.begin(), ui.platform.announcements.end(), sentence) == 1);
    REQUIRE(ui.click("Download the request"));
    REQUIRE(ui.platform.downloads.size() == 1);
    CHECK(join_request_from_json(ui.platform.downloads[0].content, "x.json").request.institution == "Wellcome Collection");
    CHECK(ui.app->seconds_until_wakeup() > 0);
    CHECK(ui.app->seconds_until_wakeup() <= DraftKeeper::kRetrySeconds + 0.05);

    ui.platform.storage = StorageState::kept;            // the visitor allowed site data again
    ui.platform.now += DraftKeeper::kRetrySeconds;
    ui.frame();
    CHECK(ui.app->seconds_until_wakeup() == 0);          // the saved state is drawn at once
    ui.frame(2);
    REQUIRE(!ui.platform.stored.empty());
    CHECK(draft_from_json(ui.platform.stored.back(), iiifc_test::shipped_data()).draft.request.institution == "Wellcome Collection");
    CHECK(ui.app->storage_state() == StorageState::kept);
    CHECK(ui.find("Download the request") == nullptr);
    CHECK(ui.app->accessible_view_json().find(storage_sentence(StorageState::kept)) != std::string::npos);
}

TEST_CASE("a quota that is full, and a draft too large to store, are said as such") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join");
    ui.frame(2);
    ui.platform.storage = StorageState::full;
    ui.app->draft().request.institution = "Full";
    ui.frame(2);
    CHECK(ui.app->storage_state() == StorageState::full);
    CHECK(ui.find("Download the request"));

    ui.platform.storage = StorageState::kept;
    ui.app->draft().request.message = std::string(kMaxDraftBytes, 'x');
    ui.frame(2);
    CHECK(ui.app->storage_state() == StorageState::too_large);
    CHECK(ui.platform.stored.empty());   // never written: it would be ignored at the next start
    ui.app->draft().request.message = "Short again";
    ui.frame(2);
    CHECK(ui.app->storage_state() == StorageState::kept);
    CHECK(draft_from_json(ui.platform.stored.back(), iiifc_test::shipped_data()).draft.request.message == "Short again");
}

TEST_CASE("kiosk: nothing is stored, a draft left on the device is removed unread, and the Join view says so") {
    Draft left = new_draft(iiifc_test::shipped_data());
    left.request.contact_name = "Previous Visitor";
    AppOptions kiosk;
    kiosk.kiosk = true;
    Ui ui(kiosk);
    ui.app->restore_draft(draft_to_json(left));
    CHECK(ui.app->draft().request.contact_name.empty());
    CHECK(ui.platform.stored == std::vector<std::string>{""});
    ui.app->open_fragment("#/join");
    ui.frame(2);
    REQUIRE(ui.click("Contact name *##contact_name"));
    ui.type("Next Visitor");
    CHECK(ui.app->draft().request.contact_name == "Next Visitor");
    CHECK(ui.platform.stored == std::vector<std::string>{""});
    ui.app->on_draft_saved_elsewhere(draft_to_json(left));   // a non-kiosk tab's save is not merged in
    CHECK(ui.app->draft().request.contact_name == "Next Visitor");
    CHECK(ui.app->storage_state() == StorageState::memory_only);
    CHECK(ui.app->accessible_view_json().find("Nothing you type is stored on this device.") != std::string::npos);
}

TEST_CASE("start over in one tab clears the other tabs too: clearing is the latest edit") {
    Ui a, b;
    for (Ui* t : {&a, &b}) {
        t->app->restore_draft("");
        t->frame(2);
    }
    a.app->draft().request.institution = "To be cleared";
    a.frame(2);
    hear(b, a);
    CHECK(b.app->draft().request.institution == "To be cleared");
    b.platform.wall_ms += 1000;
    REQUIRE(b.click("Start over"));
    REQUIRE(b.click("Clear everything"));
    hear(a, b);
    CHECK(a.app->draft().request.institution.empty());
}

TEST_CASE("newer data found after the start is applied quietly; the draft stays, a removed tier is reset with a notice") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join?tier=full");
    ui.app->draft().request.institution = "Typed before";
    ui.frame(2);
    MembershipData newer = iiifc_test::shipped_data();
    newer.schedule.tiers[1].annual_fee.amount = 270000;
    ui.app->on_data_updated(newer);
    ui.frame(2);
    CHECK(ui.app->data().find_tier("associate")->annual_fee.amount == 270000);
    CHECK(ui.app->draft().request.institution == "Typed before");
    CHECK(ui.app->notice().empty());

    MembershipData without_full = newer;
    without_full.schedule.tiers.erase(without_full.schedule.tiers.begin());
    ui.app->on_data_updated(without_full);
    ui.frame(2);
    CHECK(ui.app->draft().request.tier == "associate");
    CHECK(ui.app->draft().request.institution == "Typed before");
    CHECK(ui.app->notice() == "The saved draft was restored, but the chosen tier \"full\" no longer exists.");
}

TEST_CASE("another tab's save that the draft reader refuses changes nothing here, and this tab's draft is written back") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->draft().request.institution = "Mine";
    ui.frame(2);
    const std::size_t saves = ui.platform.stored.size();
    ui.app->on_draft_saved_elsewhere(R"({"format":"iiifc-draft","version":1,"profile":{"years":"x"},"stamps":{"profile.years":[99999999999999,"z"]}})");
    ui.frame(2);
    CHECK(ui.app->draft().request.institution == "Mine");
    REQUIRE(ui.platform.stored.size() == saves + 1);
    const DraftRestore back = draft_from_json(ui.platform.stored.back(), iiifc_test::shipped_data());
    CHECK(back.ok);
    CHECK(back.draft.request.institution == "Mine");
    CHECK(back.draft.profile.years == 1);
}
