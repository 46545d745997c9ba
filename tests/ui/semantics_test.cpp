// Semantics: what the widgets say to assistive technology, and the actions that come back to the
// same widgets. (The page's half, the DOM controls, is tested in tests/browser/semantics.test.mjs.)
#include "ui_harness.h"

#include "semantics.h"

#include <doctest/doctest.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace iiifc;
using iiifc_test::shipped_data;
using iiifc_test::Ui;

namespace {

using nlohmann::json;

json tree_of(Ui& ui) {
    ui.app->commit();
    return json::parse(ui.platform.semantics);
}

void collect(const json& nodes, std::vector<json>& out) {
    for (const json& n : nodes) {
        out.push_back(n);
        if (n.contains("children")) collect(n["children"], out);
    }
}

std::vector<json> all_nodes(Ui& ui) {
    std::vector<json> out;
    collect(tree_of(ui), out);
    return out;
}

json node(Ui& ui, const std::string& role, const std::string& name) {
    for (const json& n : all_nodes(ui))
        if (n["role"] == role && n["name"] == name) return n;
    FAIL("no " << role << " named \"" << name << "\"");
    return {};
}

int count_role(Ui& ui, const std::string& role) {
    int n = 0;
    for (const json& j : all_nodes(ui)) n += j["role"] == role;
    return n;
}

void act(Ui& ui, const json& n, SemanticAction a, const std::string& value = "") {
    ui.app->on_semantic_action(n["id"].get<unsigned>(), a, value);
    ui.frame(2);
}

// The selected tab's name and the view's heading (level 2), as the last frame's tree says them.
std::pair<std::string, std::string> tab_and_heading(Ui& ui) {
    std::pair<std::string, std::string> said;
    for (const json& n : all_nodes(ui)) {
        if (n["role"] == "tab" && n.value("current", false)) said.first = n["name"];
        if (n["role"] == "heading" && n.value("level", 0) == 2) said.second = n["name"];
    }
    return said;
}

}  // namespace

TEST_CASE("semantics: every view says what it shows, with roles, names, values and states") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/tiers");
    ui.frame(2);
    CHECK(node(ui, "heading", "IIIF Consortium membership")["level"] == 1);
    CHECK(node(ui, "heading", "Compare the membership tiers")["level"] == 2);
    CHECK(count_role(ui, "tab") == 5);
    CHECK(node(ui, "tab", "Tiers")["current"] == true);
    CHECK_FALSE(node(ui, "tab", "Join").contains("current"));
    CHECK(node(ui, "table", "Membership tiers compared")["children"].size() == 1 + 1 + shipped_data().benefits.size() + 1);
    CHECK(count_role(ui, "columnheader") == 3);
    CHECK(node(ui, "button", "Choose Associate")["rect"][2].get<float>() > 0);
    CHECK(node(ui, "button", "\xE2\x9C\x93 Full chosen").is_object());
    CHECK(node(ui, "button", "Summary for your budget holder").is_object());

    ui.app->open_fragment("#/costs");
    ui.frame(2);
    const json years = node(ui, "slider", "Years of commitment");
    CHECK(years["value"] == "1");
    CHECK(years["min"] == 1);
    CHECK(years["max"] == 10);
    CHECK(node(ui, "spinbutton", "Conference attendees a year")["value"] == "0");
    CHECK(node(ui, "combobox", "Organisation type")["children"].size() == shipped_data().organisation_types.size());
    CHECK_FALSE(node(ui, "checkbox", "We want a vote in Executive Committee elections").contains("checked"));
    CHECK(node(ui, "button", "Assumptions (editable)")["expanded"] == false);  // a collapsed header says so
    CHECK(count_role(ui, "image") == 2);                                       // a bar pair per tier, each described

    ui.app->open_fragment("#/join?tier=associate&type=museum");
    ui.frame(2);
    const json institution = node(ui, "textbox", "Institution");
    CHECK(institution["required"] == true);
    CHECK(institution["autocomplete"] == "organization");
    CHECK(institution["value"] == "");
    CHECK(node(ui, "textbox", "Contact email")["kind"] == "email");
    CHECK(node(ui, "combobox", "Membership tier")["value"] == "Associate membership");
    CHECK(node(ui, "checkbox", "Purchase order needed").is_object());
    CHECK(node(ui, "textbox", "Message")["multiline"] == true);
    CHECK(node(ui, "textbox", "Preview")["readonly"] == true);
    CHECK(node(ui, "status", "The request can be sent once the form is complete: 4 fields need attention.").is_object());
    CHECK(node(ui, "button", "Open in my email program")["disabled"] == true);
}

TEST_CASE("semantics: actions on the DOM controls reach the same widgets") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/tiers");
    ui.frame(2);
    act(ui, node(ui, "tab", "Join"), SemanticAction::activate);
    CHECK(ui.app->view() == "join");
    CHECK(node(ui, "tab", "Join")["current"] == true);

    // Typing (and autofill) in the page's input: each value flows into the form.
    const json email = node(ui, "textbox", "Contact email");
    act(ui, email, SemanticAction::focus);
    act(ui, email, SemanticAction::set_value, "marie");
    CHECK(ui.app->draft().request.get("contact_email") == "marie");
    act(ui, email, SemanticAction::blur);  // leaving shows the message, on the field
    const json invalid = node(ui, "textbox", "Contact email");
    CHECK(invalid["invalid"] == true);
    CHECK(invalid["error"] == "Contact email is not a valid email address (expected name@example.org).");
    act(ui, email, SemanticAction::set_value, "marie@example.org");
    CHECK_FALSE(node(ui, "textbox", "Contact email").contains("invalid"));

    // A combo's option by its id; a checkbox; a button.
    const json type = node(ui, "combobox", "Organisation type");
    act(ui, type, SemanticAction::set_value, std::to_string(type["children"][1]["id"].get<unsigned>()));
    CHECK(ui.app->draft().request.get("organisation_type") == shipped_data().organisation_types[1].id);
    act(ui, node(ui, "checkbox", "Purchase order needed"), SemanticAction::set_value, "true");
    CHECK(ui.app->draft().request.get("purchase_order") == "yes");
    act(ui, node(ui, "button", "Show what is missing"), SemanticAction::activate);
    CHECK(node(ui, "textbox", "Institution")["error"] == "Institution is required.");

    ui.app->open_fragment("#/costs");
    ui.frame(2);
    act(ui, node(ui, "slider", "Years of commitment"), SemanticAction::set_value, "4");
    CHECK(ui.app->draft().calculator.years == 4);
    act(ui, node(ui, "slider", "Years of commitment"), SemanticAction::set_value, "40");
    CHECK(ui.app->draft().calculator.years == 10);  // clamped as the canvas clamps
    act(ui, node(ui, "spinbutton", "Training hours a year"), SemanticAction::set_value, "12");
    CHECK(ui.app->draft().calculator.training_hours == 12);
    act(ui, node(ui, "button", "Assumptions (editable)"), SemanticAction::activate);
    CHECK(node(ui, "button", "Assumptions (editable)")["expanded"] == true);
    CHECK(node(ui, "textbox", "Member conference price").is_object());
}

TEST_CASE("semantics: in every frame of a change of view, the selected tab is the view shown under it") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/tiers");
    ui.frame(2);
    std::vector<std::string> tabs;
    for (const json& n : all_nodes(ui))
        if (n["role"] == "tab") tabs.push_back(n["name"]);
    REQUIRE(tabs.size() == 5);
    std::map<std::string, std::string> heading_of;  // each tab's view, once settled
    for (const std::string& tab : tabs) {
        act(ui, node(ui, "tab", tab), SemanticAction::activate);
        ui.frame(2);
        REQUIRE(tab_and_heading(ui).first == tab);
        heading_of[tab] = tab_and_heading(ui).second;
    }
    ImGuiIO& io = ImGui::GetIO();
    for (const std::string& from : tabs) {
        for (const std::string& to : tabs) {
            if (from == to) continue;
            // By the page's DOM tab (a screen reader, voice control), then by a click on the canvas.
            for (const bool by_dom : {true, false}) {
                CAPTURE(from);
                CAPTURE(to);
                CAPTURE(by_dom);
                act(ui, node(ui, "tab", from), SemanticAction::activate);
                ui.frame(2);
                if (by_dom) {
                    ui.app->on_semantic_action(node(ui, "tab", to)["id"].get<unsigned>(), SemanticAction::activate, "");
                } else {
                    const iiifc::WidgetRect* r = ui.find(to + "##nav");
                    REQUIRE(r);
                    io.MousePos = ImVec2(r->x + r->w / 2, r->y + r->h / 2);
                }
                for (int frame = 0; frame < 5; ++frame) {
                    if (!by_dom) io.MouseDown[0] = frame == 1;
                    ui.frame();
                    const auto said = tab_and_heading(ui);
                    CHECK_MESSAGE(heading_of[said.first] == said.second, "tab: " << said.first << ", frame " << frame);
                }
                CHECK(tab_and_heading(ui).first == to);
            }
        }
    }
}

TEST_CASE("semantics: focus is one thing: the page's focus moves ImGui's, and ImGui's keyboard moves the page's") {
    Ui ui;
    ui.app->restore_draft("");
    ui.app->open_fragment("#/join");
    ui.frame(2);
    const json country = node(ui, "textbox", "Role");
    act(ui, country, SemanticAction::focus);
    CHECK(ImGui::GetCurrentContext()->NavId == country["id"].get<unsigned>());
    CHECK_FALSE(ImGui::GetCurrentContext()->NavDisableHighlight);  // the canvas draws its focus ring
    ui.platform.focused.clear();
    ui.key(ImGuiKey_DownArrow);
    ui.frame(2);
    REQUIRE_FALSE(ui.platform.focused.empty());
    CHECK(ui.platform.focused.back() == ImGui::GetCurrentContext()->NavId);
    CHECK(ui.platform.focused.back() != country["id"].get<unsigned>());
}

TEST_CASE("semantics: the tree's JSON nests containers, escapes text and keeps every field") {
    semantics::Context context;
    semantics::set_current(&context);
    semantics::begin_frame();
    SemanticNode group;
    group.id = 1;
    group.role = Role::group;
    group.name = "Fees";
    semantics::open(group);
    SemanticNode text;
    text.id = 2;
    text.name = "quote \" backslash \\ line\nbreak tab\t bell\x07 Latin-1 \xE9 emoji \xF0\x9F\x98\x80";
    text.x = 10.4f, text.y = 20.6f, text.w = 100, text.h = 18;
    semantics::add(text);
    SemanticNode slider;
    slider.id = 3;
    slider.role = Role::slider;
    slider.name = "Staff";
    slider.value = "3";
    slider.has_range = true, slider.min = -5, slider.max = 10, slider.step = 5;
    slider.x = 10, slider.y = 50, slider.w = 200, slider.h = 30;
    slider.caret_start = 1, slider.caret_end = 2;
    semantics::add(slider);
    semantics::close();
    SemanticNode field;
    field.id = 4294967295u;
    field.role = Role::textbox;
    field.name = "Email";
    field.required = true, field.error = "Enter an email address.", field.autocomplete = "email";
    field.x = std::numeric_limits<float>::quiet_NaN();
    semantics::add(field);
    SemanticNode combo;
    combo.id = 5;
    combo.role = Role::combobox;
    combo.name = "Tier";
    combo.expandable = true;
    semantics::add(combo);
    semantics::end_frame();

    const nlohmann::json tree = nlohmann::json::parse(semantics::json());
    REQUIRE(tree.size() == 3);
    const nlohmann::json& g = tree[0];
    CHECK(g["role"] == "group");
    CHECK(g["rect"] == nlohmann::json::array({10, 21, 200, 59}));  // its children's box, in whole pixels
    REQUIRE(g["children"].size() == 2);
    const nlohmann::json& t = g["children"][0];
    CHECK(t["name"] == "quote \" backslash \\ line\nbreak tab\t bell\x07 Latin-1 \xEF\xBF\xBD emoji \xF0\x9F\x98\x80");
    CHECK(t["rect"] == nlohmann::json::array({10, 21, 100, 18}));
    CHECK_FALSE(t.contains("children"));
    CHECK_FALSE(t.contains("value"));
    CHECK_FALSE(t.contains("expanded"));
    const nlohmann::json& s = g["children"][1];
    CHECK(s["value"] == "3");
    CHECK(s["min"] == -5);
    CHECK(s["max"] == 10);
    CHECK(s["step"] == 5);
    CHECK(s["caret"] == nlohmann::json::array({1, 2}));
    const nlohmann::json& f = tree[1];
    CHECK(f["id"] == 4294967295u);
    CHECK(f["value"] == "");  // a text box always says its value
    CHECK(f["required"] == true);
    CHECK(f["invalid"] == true);
    CHECK(f["error"] == "Enter an email address.");
    CHECK(f["autocomplete"] == "email");
    CHECK(f["rect"][0] == 0);
    CHECK_FALSE(f.contains("checked"));
    CHECK(tree[2]["expanded"] == false);  // expandable: says so while closed
    semantics::set_current(nullptr);
}
