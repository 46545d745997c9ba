// The portal's views, driven headlessly with synthetic input.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "join_view.h"
#include "ui_harness.h"
#include "../core/test_support.h"
#include "shaped_text.h"
#include "widgets.h"

#include "data_dates.h"
#include "draft.h"
#include "qr_code.h"
#include "route.h"
#include "theme.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cfloat>
#include <string>
#include <utility>

using namespace iiifc;
using iiifc_test::shipped_data;
using iiifc_test::Ui;

// The four fields the shipped data requires that a deep link does not fill.
static void fill_required_fields(JoinRequest& r) {
    r.at("institution") = "Musée d'Orsay";
    r.at("country") = "FR";
    r.at("contact_name") = "Ann";
    r.at("contact_email") = "ann@example.org";
}

// The messages the Join view shows now.
static std::vector<FieldError> shown_errors(Ui& ui) {
    const auto* join = dynamic_cast<const JoinView*>(ui.app->find_view("join"));
    REQUIRE(join != nullptr);
    return join->visible_errors(ui.app->draft().request, ui.app->data());
}

TEST_CASE("the tiers view draws a Choose button per tier of the data") {
    Ui ui;
    ui.app->restore_draft("");
    ui.frame(2);
    CHECK(ui.app->view() == "tiers");
    CHECK(ui.find("\xE2\x9C\x93 Full chosen##full"));
    CHECK(ui.find("Choose Associate##associate"));
}

namespace {
// The app on another day: its clock moved, the data applied again (as newer data would be).
void set_today(Ui& ui, double wall_ms) {
    ui.platform.wall_ms = wall_ms;
    ui.app->on_data_updated(iiifc_test::shipped_data());
    ui.frame(2);
}
constexpr double k2026_12_07 = 1796644800000.0;  // 2026-12-07 12:00 UTC
}  // namespace

TEST_CASE("on 2025-11-26 the seed's fees, with no banner; on 2026-12-07 the 2026 schedule, with none either") {
    Ui ui;
    ui.app->restore_draft("");
    ui.frame(2);
    CHECK(ui.app->semantics_json().find("US$10,000") != std::string::npos);
    CHECK(ui.app->semantics_json().find("These fees") == std::string::npos);
    CHECK_FALSE(ui.find("Choose Champion##champion"));
    set_today(ui, k2026_12_07);
    for (const char* view : {"Tiers##nav", "Costs##nav", "Members##nav"}) {
        REQUIRE(ui.click(view));
        ui.frame(1);
        CHECK_MESSAGE(ui.app->semantics_json().find("These fees") == std::string::npos, view);
    }
    REQUIRE(ui.click("Tiers##nav"));
    ui.frame(1);
    CHECK(ui.find("Choose Champion##champion"));
    const std::string said = ui.app->semantics_json();
    for (const char* fee : {"US$16,000", "US$8,000", "US$2,500", "US$1,000 for institutions in low- and middle-income countries"})
        CHECK_MESSAGE(said.find(fee) != std::string::npos, fee);
    CHECK(said.find("Optional add-on: Allmaps, US$2,000 a year.") != std::string::npos);
}

TEST_CASE("#/tiers?schedule=2020 on 2026-12-07: the seed's fees, said to be no longer in force; the switch returns to 2026's") {
    Ui ui;
    ui.app->restore_draft("");
    set_today(ui, k2026_12_07);
    ui.app->open_fragment("#/tiers?schedule=2020");
    ui.frame(2);
    const std::string line = "These fees applied until 2025-12-31 and are no longer in force; the fees in force today are Fees from 2026.";
    CHECK(ui.app->semantics_json().find(line) != std::string::npos);
    CHECK(ui.app->semantics_json().find("US$10,000") != std::string::npos);
    CHECK(ui.platform.fragments.back() == "#/tiers?tier=full&schedule=2020");
    CHECK(ui.app->data().schedule.id == "2026");  // the join request keeps the schedule in force
    REQUIRE(ui.click("Fees from 2026##schedule-2026"));
    ui.frame(2);
    CHECK(ui.app->semantics_json().find(line) == std::string::npos);
    CHECK(ui.platform.fragments.back() == "#/tiers?tier=full");
}

TEST_CASE("choosing a tier in Tiers carries it into Join and Costs") {
    Ui ui;
    ui.app->restore_draft("");
    ui.frame(2);
    REQUIRE(ui.click("Choose Associate##associate"));
    CHECK(ui.app->draft().request.get("tier") == "associate");
    CHECK(ui.app->draft().request.get("tier") == "associate");
    CHECK(ui.app->toast() == "Associate membership chosen");
    REQUIRE(ui.click("Join##nav"));
    CHECK(ui.app->view() == "join");
    CHECK(ui.platform.fragments.back() == "#/join?tier=associate");
    CHECK(ui.platform.fragment_pushed.back());
    // The saved draft carries the choice.
    const DraftRestore saved = draft_from_json(ui.platform.stored.back(), iiifc_test::shipped_data());
    CHECK(saved.draft.request.get("tier") == "associate");
}

TEST_CASE("validation messages appear when a field is left wrong, and clear when it is fixed") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join");
    ui.frame(2);
    CHECK(shown_errors(ui).empty());  // nothing shouts at an untouched form
    REQUIRE(ui.click("Contact email"));
    ui.type("marie");
    CHECK(ui.app->draft().request.get("contact_email") == "marie");
    auto errors = errors_for(shown_errors(ui), "contact_email");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "Contact email is not a valid email address (expected name@example.org).");
    CHECK(ui.find("\xE2\x9A\xA0 Contact email is not a valid email address (expected name@example.org).") ==
          nullptr);  // text, not a widget
    ui.type("@bnf.fr");
    CHECK(errors_for(shown_errors(ui), "contact_email").empty());
}

TEST_CASE("the request can be sent only once the form validates") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join?tier=associate&type=museum");
    ui.frame(2);
    REQUIRE(ui.click("Open in my email program"));
    CHECK(ui.platform.opened.empty());
    CHECK(shown_errors(ui).size() == 4);  // institution, country, contact name, contact email
    JoinRequest& r = ui.app->draft().request;
    fill_required_fields(r);
    ui.frame(2);
    REQUIRE(ui.click("Open in my email program"));
    REQUIRE(ui.platform.opened.size() == 1);
    CHECK(ui.platform.opened[0] == mailto_uri(r, iiifc_test::shipped_data()));
    REQUIRE(ui.click("Copy request"));
    REQUIRE(ui.platform.clipboard.size() == 1);
    CHECK(ui.platform.clipboard[0].rfind(
              "To: admin@iiif.io\nSubject: IIIF Consortium membership request: Musée d'Orsay (Associate membership)\n\n", 0) == 0);
    ui.app->on_clipboard_result(true);
    CHECK(ui.app->toast() == "Copied to the clipboard");
    REQUIRE(ui.click("Download .json"));
    REQUIRE(ui.platform.downloads.size() == 1);
    CHECK(ui.platform.downloads[0].name == "iiif-consortium-join-request.json");
    CHECK(join_request_from_json(ui.platform.downloads[0].content, "x", shipped_data()).request == r);
}

TEST_CASE("a loaded .json draft fills the form; a bad one leaves it unchanged with a message") {
    Ui ui;
    ui.app->restore_draft("");
    ui.frame();
    JoinRequest r;
    r.at("institution") = "Loaded Library";
    r.at("tier") = "associate";
    ui.app->on_file_loaded("draft.json", join_request_to_json(r, shipped_data()));
    ui.frame();
    CHECK(ui.app->view() == "join");
    CHECK(ui.app->draft().request.get("institution") == "Loaded Library");
    CHECK(ui.app->draft().request.get("tier") == "associate");
    ui.app->on_file_loaded("broken.json", "{\"request\": ");
    CHECK(ui.app->draft().request.get("institution") == "Loaded Library");
    CHECK(ui.app->notice().rfind("That join request file could not be loaded: broken.json: line 1, column 13: JSON syntax error", 0) == 0);
}

TEST_CASE("deep links: parse, restore and format round-trip through the app") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/governance?tier=associate&type=museum");
    ui.frame(2);
    CHECK(ui.app->view() == "governance");
    CHECK(ui.app->draft().request.get("tier") == "associate");
    CHECK(ui.app->draft().request.get("organisation_type") == "museum");
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
        REQUIRE(ui.click("Institution"));
        ui.type("Yale");
        REQUIRE(!ui.platform.stored.empty());
        stored = ui.platform.stored.back();
    }
    Ui again;
    again.app->restore_draft(stored);
    CHECK(again.app->draft().request.get("institution") == "Yale");
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
    ui.app->draft().request.at("institution") = "Keep me";
    ui.frame(2);
    REQUIRE(ui.click("Start over"));
    REQUIRE(ui.click("Keep my work"));
    CHECK(ui.app->draft().request.get("institution") == "Keep me");
    REQUIRE(ui.click("Start over"));
    REQUIRE(ui.click("Clear everything"));
    CHECK(ui.app->draft().request.get("institution").empty());
    CHECK(ui.app->view() == "tiers");
}

TEST_CASE("kiosk: after the idle timeout the draft is cleared and the app returns to the start") {
    AppOptions kiosk;
    kiosk.kiosk = true;
    kiosk.idle_timeout = 30;
    Ui ui(kiosk);
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join");
    ui.app->draft().request.at("institution") = "Visitor's museum";
    ui.frame(2);
    CHECK(ui.find("Download .json") == nullptr);  // nothing that leaves the app
    CHECK(ui.find("Open in my email program") == nullptr);
    ui.app->note_user_input();
    CHECK(ui.app->seconds_until_wakeup() == doctest::Approx(30.05));
    ui.platform.now += 20;
    ui.frame();
    CHECK(ui.app->draft().request.get("institution") == "Visitor's museum");
    ui.app->note_user_input();
    ui.platform.now += 25;
    ui.frame();
    CHECK(ui.app->draft().request.get("institution") == "Visitor's museum");  // input reset the timer
    ui.platform.now += 31;
    ui.frame();
    CHECK(ui.app->draft().request.get("institution").empty());
    CHECK(ui.app->view() == "tiers");
}

TEST_CASE("costs view: results for every tier and the recommendation follow the goals") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/costs");
    ui.frame(2);
    REQUIRE(ui.click("We want a vote in Executive Committee elections"));
    CHECK(ui.app->draft().goals.wants("executive_vote"));
    CHECK(ui.find("Choose Full membership##recommended") == nullptr);  // full is already chosen
    REQUIRE(ui.click("Choose Associate##associate") == false);         // not on this view
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
    CHECK(encode_qr(std::string(3000, 'a')).size == 0);          // over a version-40 code's 2,953 bytes
    CHECK(encode_qr(std::string("mailto:a\0b", 10)).size == 0);  // would be cut at the NUL
    CHECK(encode_qr("mailto:é").size == 21);                     // UTF-8 in byte mode
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
    r.at("message") = std::string(1500, 'x') + "\xC3\xA9 " + std::string(1500, 'y');  // valid (≤ 4,000), too long to scan
    ui.frame(2);
    CHECK(ui.find("QR code") == nullptr);
    CHECK(shown_errors(ui).empty());
}

namespace {
// A view written for this test: one module, added to the list with one line.
class ExtraView final : public View {
public:
    const char* id() const override { return "extra"; }
    const char* title() const override { return "Extra"; }
    void draw(ViewContext& ctx) override { heading("An extra view", ctx.fonts.heading, 2); }
};

// A node of the semantics tree, at any depth, with every field of `fields`.
bool has_node(const nlohmann::json& nodes, const nlohmann::json& fields) {
    for (const nlohmann::json& n : nodes) {
        bool all = true;
        for (const auto& f : fields.items()) all = all && n.contains(f.key()) && n[f.key()] == f.value();
        if (all || (n.contains("children") && has_node(n["children"], fields))) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("adding a view is one module in the list: navigation, deep link, page title and semantics follow") {
    Views views = default_views();
    views.push_back(std::make_unique<ExtraView>());
    Ui ui({}, 1280, 800, std::move(views));
    ui.app->restore_draft("");
    ui.app->open_fragment("#/extra");
    ui.frame(2);
    CHECK(ui.app->view() == "extra");
    CHECK(ui.platform.titles.back() == "Extra \xC2\xB7 IIIF Consortium membership");
    CHECK(ui.find("Extra##nav"));
    const nlohmann::json tree = nlohmann::json::parse(ui.app->semantics_json());
    CHECK(has_node(tree, {{"role", "tab"}, {"name", "Extra"}}));
    CHECK(has_node(tree, {{"role", "heading"}, {"level", 2}, {"name", "An extra view"}}));
    REQUIRE(ui.click("Tiers##nav"));
    ui.frame(2);
    CHECK(ui.app->view() == "tiers");
    CHECK(ui.platform.fragments.back() == "#/tiers?tier=full");
    REQUIRE(ui.click("Extra##nav"));
    ui.frame(2);
    CHECK(ui.platform.fragments.back() == "#/extra?tier=full");
    CHECK(ui.platform.fragment_pushed.back());  // a new view is a new history entry
}

TEST_CASE("a page opened without a view: its address is completed in place, not as a new history entry") {
    for (const char* opened : {"", "#/no-such-view"}) {
        Ui ui({}, 1280, 800);
        ui.app->restore_draft("");
        ui.app->open_fragment(opened);
        ui.frame(2);
        CHECK(ui.app->view() == "tiers");
        REQUIRE(!ui.platform.fragments.empty());
        CHECK(ui.platform.fragments.back() == "#/tiers?tier=full");
        CHECK(!ui.platform.fragment_pushed.back());  // back leaves the portal, as it came
        CHECK(ui.platform.titles.size() == 1);
    }
}

TEST_CASE("a join field added to the data is a row of the form, validated, and in the copied request") {
    Ui ui({}, 1280, 800, default_views(), &iiifc_test::with_extra_fields());
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join?tier=associate&type=museum");
    ui.frame(2);
    const WidgetRect* vat = ui.find("VAT number");
    REQUIRE(vat);
    const WidgetRect* website = ui.find("Website");
    REQUIRE(website);
    CHECK(vat->y > website->y);  // in the data's order
    fill_required_fields(ui.app->draft().request);
    ui.frame();
    CHECK(errors_for(shown_errors(ui), "vat_number").empty());  // untouched: nothing shouts yet
    REQUIRE(ui.click("Open in my email program"));
    ui.frame(2);
    CHECK(errors_for(shown_errors(ui), "vat_number") == std::vector<FieldError>{{"vat_number", "VAT number is required."}});
    REQUIRE(ui.click("VAT number"));
    ui.type("FR12345678901");
    ui.frame(2);
    CHECK(ui.app->draft().request.get("vat_number") == "FR12345678901");
    CHECK(shown_errors(ui).empty());
    REQUIRE(ui.click("Copy request"));
    REQUIRE(ui.platform.clipboard.size() == 1);
    CHECK(ui.platform.clipboard[0].find("\nVAT number: FR12345678901\n") != std::string::npos);
}

TEST_CASE("form rows: the label is before its field, and under a phone's width above it") {
    Ui wide({}, 1280, 800);
    wide.app->restore_draft("");
    wide.app->open_fragment("#/join");
    wide.frame(2);
    REQUIRE(wide.find("Institution"));
    const WidgetRect field = *wide.find("Institution");  // a copy: the registry holds the last frame drawn
    Ui phone({}, 390, 800);
    phone.app->restore_draft("");
    phone.app->open_fragment("#/join");
    phone.frame(2);
    const WidgetRect* narrow_field = phone.find("Institution");
    REQUIRE(narrow_field);
    CHECK(field.x > 13 * 13.0f);             // beside a label column of 13 em (13 px font in tests)
    CHECK(narrow_field->x < 40.0f);          // under its label, at the column's start
    CHECK(narrow_field->w > 390.0f * 0.8f);  // and the screen's width
}

TEST_CASE("at 320 px nothing is cut off: checkbox labels wrap beside their box, rows of buttons go on new lines") {
    Ui phone({}, 320, 640);
    phone.app->restore_draft("");
    phone.app->open_fragment("#/costs");
    phone.frame(2);
    const char* trc = "We want a guaranteed seat on the Technical Review Committee";
    const WidgetRect* box = phone.find(trc);
    REQUIRE(box);
    const float line = ImGui::GetTextLineHeight();
    CHECK(box->h > 1.8f * line);                 // two lines
    CHECK(box->x + box->w <= 320.0f);            // inside the screen
    CHECK(ImGui::CalcTextSize(trc).x > box->w);  // which the label on one line would not be
    const std::string before = phone.app->semantics_json();
    REQUIRE(phone.click(trc));  // at the widget's centre: the label's lines (box and label, one target)
    phone.frame(2);
    const std::string after = phone.app->semantics_json();
    auto checked = [&](const std::string& json) { return json.substr(json.find(trc), 120).find("\"checked\":true") != std::string::npos; };
    CHECK_FALSE(checked(before));
    CHECK(checked(after));

    phone.app->open_fragment("#/join");
    phone.frame(2);
    for (const char* label : {"Copy request", "Download .txt", "Download .json", "Load .json"}) {
        const WidgetRect* b = phone.find(label);
        REQUIRE(b);
        CHECK(b->x + b->w <= 320.0f);
    }
    CHECK(phone.find("Load .json")->y > phone.find("Copy request")->y);  // a row of its own, or more
}

TEST_CASE("with_line_breaks: the spaces that end lines become line breaks, offsets kept; a longer word stays whole") {
    Ui ui;
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const std::string text = "Institution: Biblioth\xC3\xA8que nationale et universitaire de Strasbourg\nCountry: France";
    const float wrap = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "Institution: Biblioth\xC3\xA8que nationale").x + 1;
    const std::string lines = with_line_breaks(text, font, wrap);
    CHECK(lines == "Institution: Biblioth\xC3\xA8que nationale\net universitaire de Strasbourg\nCountry: France");
    CHECK(lines.size() == text.size());
    CHECK(with_line_breaks("https://example.org/a-very-long-address-without-spaces", font, 20) ==
          "https://example.org/a-very-long-address-without-spaces");
}
