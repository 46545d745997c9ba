// The join request: validation per field, the email, mailto: encoding per RFC 6068, and the
// JSON export that loads back.
#include "join_request.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace iiifc;
using iiifc_test::shipped;

static JoinRequest complete_request() {
    JoinRequest r;
    r.at("institution") = "Bibliothèque nationale de France";
    r.at("organisation_type") = "library";
    r.at("country") = "FR";  // chosen from the list: the body says "France"
    r.at("website") = "https://www.bnf.fr";
    r.at("contact_name") = "Marie Curie";
    r.at("contact_email") = "marie.curie@bnf.fr";
    r.at("role") = "Head of digital collections";
    r.at("tier") = "associate";
    r.at("start_date") = "2027-01-01";
    r.at("purchase_order") = "yes";
    r.at("message") = "We use IIIF since 2015.\nWe look forward to it.";
    return r;
}

// Decodes a mailto: URI's query into its parts, to check what a mail program would see.
static std::string query_param(const std::string& uri, const std::string& key) {
    const std::size_t q = uri.find('?');
    std::size_t start = q + 1;
    while (start < uri.size()) {
        std::size_t end = uri.find('&', start);
        if (end == std::string::npos) end = uri.size();
        const std::string pair = uri.substr(start, end - start);
        if (pair.rfind(key + "=", 0) == 0) return percent_decode(pair.substr(key.size() + 1));
        start = end + 1;
    }
    return "<absent>";
}

TEST_CASE("a complete request validates") { CHECK(validate(complete_request(), shipped()).empty()); }

TEST_CASE("required fields name themselves") {
    const std::vector<FieldError> errors = validate(JoinRequest{}, shipped());
    CHECK(errors ==
          std::vector<FieldError>{
              {"institution", "Institution is required."},
              {"organisation_type", "Organisation type is required."},
              {"country", "Country is required."},
              {"contact_name", "Contact name is required."},
              {"contact_email", "Contact email is required."},
              {"tier", "Membership tier is required."},
          });
}

TEST_CASE("field rules") {
    JoinRequest r = complete_request();
    SUBCASE("email syntax") {
        for (const char* bad :
             {"marie", "marie@", "@bnf.fr", "marie@bnf", "ma rie@bnf.fr", "marie@bnf..fr", "marie@-bnf.fr", "a<b>@x.org"}) {
            CAPTURE(bad);
            r.at("contact_email") = bad;
            CHECK(errors_for(validate(r, shipped()), "contact_email") ==
                  std::vector<FieldError>{{"contact_email", "Contact email is not a valid email address (expected name@example.org)."}});
        }
        for (const char* good : {"a@b.co", "first.last+tag@sub.example.org", "名前@例え.jp"}) {
            CAPTURE(good);
            r.at("contact_email") = good;
            CHECK(errors_for(validate(r, shipped()), "contact_email").empty());
        }
    }
    SUBCASE("billing email is optional but checked when given") {
        r.at("billing_email") = "billing";
        CHECK(errors_for(validate(r, shipped()), "billing_email").size() == 1);
    }
    SUBCASE("length limits count characters") {
        r.at("institution") = std::string(200, 'x');
        CHECK(errors_for(validate(r, shipped()), "institution").empty());
        r.at("institution") = std::string(199, 'x') + "é";
        CHECK(errors_for(validate(r, shipped()), "institution").empty());
        r.at("institution") = std::string(201, 'x');
        CHECK(errors_for(validate(r, shipped()), "institution") ==
              std::vector<FieldError>{{"institution", "Institution is too long: 201 characters, at most 200."}});
    }
    SUBCASE("control characters") {
        r.at("institution") = "Library\r\nBcc: victim@example.org";
        CHECK(errors_for(validate(r, shipped()), "institution") ==
              std::vector<FieldError>{{"institution", "Institution contains control characters (such as line breaks); remove them."}});
        r.at("message") = "line one\r\nline two\ttabbed";
        CHECK(errors_for(validate(r, shipped()), "message").empty());
        r.at("message") = std::string("bell\x07");
        CHECK(errors_for(validate(r, shipped()), "message").size() == 1);
    }
    SUBCASE("invalid UTF-8") {
        r.at("contact_name") = "\xC3\x28";
        CHECK(errors_for(validate(r, shipped()), "contact_name") ==
              std::vector<FieldError>{{"contact_name", "Contact name contains invalid characters (not UTF-8)."}});
    }
    SUBCASE("website, date, tier and organisation type") {
        r.at("website") = "www.bnf.fr";
        r.at("start_date") = "2027-02-30";
        r.at("tier") = "platinum";
        r.at("organisation_type") = "castle";
        const auto errors = validate(r, shipped());
        CHECK(errors_for(errors, "website").size() == 1);
        CHECK(errors_for(errors, "start_date") ==
              std::vector<FieldError>{{"start_date", "Preferred start date must be a date written YYYY-MM-DD."}});
        CHECK(errors_for(errors, "tier") == std::vector<FieldError>{{"tier", "Membership tier is not one of the membership tiers."}});
        CHECK(errors_for(errors, "organisation_type").size() == 1);
    }
    SUBCASE("leap days") {
        CHECK(is_valid_date("2028-02-29"));
        CHECK_FALSE(is_valid_date("2027-02-29"));
        CHECK_FALSE(is_valid_date("2100-02-29"));
        CHECK(is_valid_date("2000-02-29"));
        CHECK_FALSE(is_valid_date("2027-13-01"));
        CHECK_FALSE(is_valid_date("27-01-01"));
    }
}

TEST_CASE("the email: subject and body") {
    const JoinRequest r = complete_request();
    CHECK(email_subject(r, shipped()) == "IIIF Consortium membership request: Bibliothèque nationale de France (Associate membership)");
    const std::string body = email_body(r, shipped());
    CHECK(body.find("We would like to join the IIIF Consortium, at the level of Associate membership.\n") != std::string::npos);
    CHECK(body.find("Institution: Bibliothèque nationale de France\n") != std::string::npos);
    CHECK(body.find("Organisation type: Library\n") != std::string::npos);
    CHECK(body.find("Annual contribution: US$2,500\n") != std::string::npos);
    CHECK(body.find("Purchase order needed: Yes\n") != std::string::npos);
    CHECK(body.find("Contact email: marie.curie@bnf.fr\n") != std::string::npos);
    CHECK(body.find("Billing contact") == std::string::npos);  // not given: not shown
    CHECK(body.find("\nWe use IIIF since 2015.\nWe look forward to it.\n") != std::string::npos);
}

TEST_CASE("mailto: encoding per RFC 6068") {
    JoinRequest r = complete_request();
    SUBCASE("UTF-8 percent-encoded, CRLF line breaks, address first") {
        const std::string uri = mailto_uri(r, shipped());
        CHECK(uri.rfind("mailto:admin%40iiif.io?subject=IIIF%20Consortium%20membership%20request%3A%20Biblioth%C3%A8que%20nationale", 0) ==
              0);
        CHECK(uri.find("%0D%0A") != std::string::npos);
        CHECK(uri.find('\n') == std::string::npos);
        CHECK(uri.find(' ') == std::string::npos);
        CHECK(query_param(uri, "subject") == email_subject(r, shipped()));
        std::string crlf_body;
        for (char c : email_body(r, shipped())) crlf_body += c == '\n' ? std::string("\r\n") : std::string(1, c);
        CHECK(query_param(uri, "body") == crlf_body);
    }
    SUBCASE("reserved characters in every field survive the round trip") {
        r.at("institution") = "A&B ?Library #1 100% + more=yes";
        r.at("contact_name") = "O'Brien & Søn";
        r.at("message") = "a&b=c?d#e%f+g h";
        const std::string uri = mailto_uri(r, shipped());
        CHECK(query_param(uri, "subject") == "IIIF Consortium membership request: A&B ?Library #1 100% + more=yes (Associate membership)");
        CHECK(query_param(uri, "body").find("Institution: A&B ?Library #1 100% + more=yes\r\n") != std::string::npos);
        CHECK(query_param(uri, "body").find("a&b=c?d#e%f+g h") != std::string::npos);
        CHECK(uri.find("+") == std::string::npos);  // '+' is data, never a space: always %2B
        CHECK(uri.find("#") == std::string::npos);
        CHECK(std::count(uri.begin(), uri.end(), '&') == 1);  // only the separator between subject and body
        CHECK(std::count(uri.begin(), uri.end(), '?') == 1);
    }
    SUBCASE("Japanese text") {
        r.at("institution") = "国文学研究資料館";
        const std::string uri = mailto_uri(r, shipped());
        CHECK(uri.find("%E5%9B%BD%E6%96%87%E5%AD%A6") != std::string::npos);
        CHECK(query_param(uri, "subject") == "IIIF Consortium membership request: 国文学研究資料館 (Associate membership)");
    }
    SUBCASE("header injection through CR/LF in any field cannot add a header") {
        r.at("institution") = "Evil\r\nBcc: victim@example.org";
        r.at("contact_name") = "x\r\nCc: a@b.org";
        r.at("role") = "\nTo: other@example.org";
        const std::string subject = query_param(mailto_uri(r, shipped()), "subject");
        CHECK(subject.find('\r') == std::string::npos);
        CHECK(subject.find('\n') == std::string::npos);
        CHECK(subject == "IIIF Consortium membership request: Evil  Bcc: victim@example.org (Associate membership)");
        const std::string uri = mailto_uri(r, shipped());
        CHECK(uri.find("&bcc=") == std::string::npos);
        CHECK(uri.find("&cc=") == std::string::npos);
        CHECK(std::count(uri.begin(), uri.end(), '&') == 1);
        const std::string body = query_param(uri, "body");
        CHECK(body.find("Institution: Evil  Bcc: victim@example.org\r\n") != std::string::npos);  // stays one line
        CHECK(body.find("Role: To: other@example.org\r\n") != std::string::npos);
    }
    SUBCASE("long requests are flagged for copy or download instead") {
        CHECK_FALSE(mailto_too_long(mailto_uri(r, shipped())));
        r.at("message") = std::string(1500, 'x');
        CHECK(mailto_too_long(mailto_uri(r, shipped())));
    }
}

TEST_CASE("JSON export round-trips into the form model") {
    JoinRequest r = complete_request();
    r.at("billing_name") = "Accounts \"payable\"";
    r.at("message") = "Line 1\nLine 2 \\ back\tslash ☃";
    const JoinImport back = join_request_from_json(join_request_to_json(r, shipped()), "request.json", shipped());
    REQUIRE(back.ok);
    CHECK(back.request == r);
}

TEST_CASE("JSON import errors name the position or the field") {
    CHECK(join_request_from_json("{\"format\": \"iiifc-join-request\",", "draft.json", shipped())
              .error.rfind("draft.json: line 1, column 33: JSON syntax error", 0) == 0);
    CHECK(join_request_from_json("{\"format\":\"other\",\"request\":{}}", "d.json", shipped()).error ==
          "d.json: format: expected \"iiifc-join-request\": this is not a join request file");
    CHECK(join_request_from_json("{\"request\":{\"institution\":5}}", "d.json", shipped()).error ==
          "d.json: request.institution: expected a string, found number 5");
    CHECK(join_request_from_json("{\"request\":{\"purchase_order\":\"yes\"}}", "d.json", shipped()).error ==
          "d.json: request.purchase_order: expected true or false, found string \"yes\"");
    CHECK(join_request_from_json("{\"version\":9,\"request\":{}}", "d.json", shipped()).error ==
          "d.json: version: this join request was saved by a newer version of the app");
    CHECK(join_request_from_json("[]", "d.json", shipped()).error == "d.json: (top level): expected a JSON object, found an array");
    const JoinImport partial = join_request_from_json("{\"request\":{\"institution\":\"X\",\"unknown\":1}}", "d.json", shipped());
    CHECK(partial.ok);
    CHECK(partial.request.get("institution") == "X");
}

TEST_CASE("a field added to the data is in the form's validation, the email, the mailto: and the file, with no code") {
    const MembershipData& data = iiifc_test::with_extra_fields();
    JoinRequest r = complete_request();
    SUBCASE("required and limited like every field") {
        CHECK(errors_for(validate(r, data), "vat_number") == std::vector<FieldError>{{"vat_number", "VAT number is required."}});
        r.at("vat_number") = std::string(21, '9');
        CHECK(errors_for(validate(r, data), "vat_number") ==
              std::vector<FieldError>{{"vat_number", "VAT number is too long: 21 characters, at most 20."}});
        CHECK(errors_for(validate(r, data), "heard_from").empty());  // optional
    }
    r.at("vat_number") = "FR12345678901";
    r.at("heard_from") = "A colleague at the conference";
    REQUIRE(validate(r, data).empty());
    SUBCASE("written into the email in its section, in the data's order") {
        const std::string body = email_body(r, data);
        CHECK(body.find("Website: https://www.bnf.fr\nVAT number: FR12345678901\nMembership tier: Associate membership\n") !=
              std::string::npos);
        CHECK(body.find("Role: Head of digital collections\nHow did you hear about IIIF?: A colleague at the conference\n") !=
              std::string::npos);
        CHECK(query_param(mailto_uri(r, data), "body").find("VAT number: FR12345678901\r\n") != std::string::npos);
    }
    SUBCASE("kept by the join request file") {
        const std::string file = join_request_to_json(r, data);
        CHECK(file.find("\"vat_number\": \"FR12345678901\"") != std::string::npos);
        const JoinImport back = join_request_from_json(file, "request.json", data);
        REQUIRE(back.ok);
        CHECK(back.request == r);
        // A file made with the extended form, loaded where the form lacks the field: the value is kept, not shown.
        const JoinImport older = join_request_from_json(file, "request.json", shipped());
        REQUIRE(older.ok);
        CHECK(older.request.get("vat_number") == "FR12345678901");
        CHECK(email_body(older.request, shipped()).find("VAT number") == std::string::npos);
    }
}

TEST_CASE("the join request file the app downloads is what the CLI reads: fields in the data's order, yes/no as true/false") {
    JoinRequest r = complete_request();
    const std::string file = join_request_to_json(r, shipped());
    CHECK(file.rfind("{\n  \"format\": \"iiifc-join-request\",\n  \"version\": 1,\n  \"request\": {\n    \"institution\": \"Biblioth", 0) ==
          0);
    CHECK(file.find("\"purchase_order\": true,\n    \"message\"") != std::string::npos);
    r.at("purchase_order") = "";
    CHECK(join_request_to_json(r, shipped()).find("\"purchase_order\": false") != std::string::npos);
}

TEST_CASE("add-ons: the 2026 schedule's chosen ones are named with their price in the email, the mailto and the file") {
    const MembershipData& data = iiifc_test::schedule_2026();
    JoinRequest r = complete_request();
    const JoinField* field = data.join.field_of_kind(FieldKind::add_ons);
    REQUIRE(field != nullptr);
    CHECK(field_asked(r, *field, data));
    set_chosen_add_ons(r, data, {"strategic_initiatives_fund", "allmaps", "gold"});  // kept in the schedule's order, known ones only
    CHECK(r.get("add_ons") == "allmaps,strategic_initiatives_fund");
    CHECK(chosen_add_ons(r, data) == std::vector<std::string>{"allmaps", "strategic_initiatives_fund"});
    CHECK(validate(r, data).empty());
    const std::string body = email_body(r, data);
    CHECK(body.find("Membership tier: Associate membership\n"
                    "Annual contribution: US$2,500\n"
                    "Fee schedule: Fees from 2026 (from 2026-01-01)\n"
                    "Add-ons: Allmaps (US$2,000 a year), Strategic Initiatives Fund (US$2,000 a year)\n"
                    "Preferred start date: 2027-01-01\n") != std::string::npos);
    CHECK(query_param(mailto_uri(r, data), "body")
              .find("Add-ons: Allmaps (US$2,000 a year), Strategic Initiatives Fund (US$2,000 a year)\r\n") != std::string::npos);
    const std::string file = join_request_to_json(r, data);
    CHECK(file.find("\"add_ons\": [\n      \"allmaps\",\n      \"strategic_initiatives_fund\"\n    ],\n") != std::string::npos);
    const JoinImport back = join_request_from_json(file, "request.json", data);
    REQUIRE(back.ok);
    CHECK(back.request == r);
    SUBCASE("none chosen: the line says so, the file has an empty list") {
        set_chosen_add_ons(r, data, {});
        CHECK(email_body(r, data).find("Fee schedule: Fees from 2026 (from 2026-01-01)\nAdd-ons: -\nPreferred") != std::string::npos);
        CHECK(join_request_to_json(r, data).find("\"add_ons\": [],") != std::string::npos);
    }
    SUBCASE("an id the schedule does not offer (set by hand) is named by validation") {
        r.at("add_ons") = "allmaps,gold";
        CHECK(errors_for(validate(r, data), "add_ons") ==
              std::vector<FieldError>{{"add_ons",
                                       "Add-ons lists \"gold\", which is not an add-on (Fees from 2026 offers allmaps, "
                                       "community_development_fund, strategic_initiatives_fund)."}});
    }
}

TEST_CASE("add-ons: the 2020 schedule has none, so the field is not asked, written or kept in the file") {
    JoinRequest r = complete_request();
    const JoinField* field = shipped().join.field_of_kind(FieldKind::add_ons);
    REQUIRE(field != nullptr);
    CHECK_FALSE(field_asked(r, *field, shipped()));
    CHECK(email_body(r, shipped()).find("Add-ons") == std::string::npos);
    CHECK(join_request_to_json(r, shipped()).find("add_ons") == std::string::npos);
    CHECK(validate(r, shipped()).empty());
}

TEST_CASE("add-ons: bad input in a loaded file names the field and the position") {
    const MembershipData& data = iiifc_test::schedule_2026();
    CHECK(join_request_from_json("{\"request\":{\"add_ons\":[\"allmaps\",\"gold\"]}}", "d.json", data).error ==
          "d.json: request.add_ons[1]: unknown add-on \"gold\" (Fees from 2026 offers allmaps, community_development_fund, "
          "strategic_initiatives_fund)");
    CHECK(join_request_from_json("{\"request\":{\"add_ons\":\"allmaps\"}}", "d.json", data).error ==
          "d.json: request.add_ons: expected an array, found string \"allmaps\"");
    CHECK(join_request_from_json("{\"request\":{\"add_ons\":[7]}}", "d.json", data).error ==
          "d.json: request.add_ons[0]: expected a string, found number 7");
    CHECK(join_request_from_json("{\"request\":{\"add_ons\":[\"allmaps\"]}}", "d.json", shipped()).error ==
          "d.json: request.add_ons[0]: unknown add-on \"allmaps\" (Fees 2020–2025 offers none)");
}

TEST_CASE("the email's body is laid out by the data (join.body): today's layout, whole") {
    JoinRequest r = complete_request();
    r.at("billing_email") = "accounts@bnf.fr";
    CHECK(email_body(r, iiifc_test::schedule_2026()) ==
          "Dear IIIF Consortium,\n\n"
          "We would like to join the IIIF Consortium, at the level of Associate membership.\n\n"
          "Institution: Bibliothèque nationale de France\nOrganisation type: Library\nCountry: France\nWebsite: https://www.bnf.fr\n"
          "Membership tier: Associate membership\nAnnual contribution: US$2,500\nFee schedule: Fees from 2026 (from 2026-01-01)\n"
          "Add-ons: -\nPreferred start date: 2027-01-01\nPurchase order needed: Yes\n\n"
          "Contact name: Marie Curie\nContact email: marie.curie@bnf.fr\nRole: Head of digital collections\n"
          "Billing contact: -\nBilling email: accounts@bnf.fr\n\n"
          "We use IIIF since 2015.\nWe look forward to it.\n\n"
          "Kind regards,\nMarie Curie\n");
}

TEST_CASE("a wording edit of join.body changes the email with no code; a value is never read as a placeholder") {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(read_text_file(iiifc_test::assets_path("membership.json")));
    auto& body = j["join"]["body"];
    body["paragraphs"] = {
        {"Hello,"}, {"{institution} asks to join as {tier}."}, {"{section request}", "{section message}"}, {"{contact_name}"}};
    body["field_line"] = "- {label}: {value}";
    body["no_value"] = "(none)";
    body["fee_line"] = "  fee {fee}";
    body["schedule_line"] = "  under {schedule}";
    MembershipData data = load_membership(j.dump(), "edited.json");
    show_schedule_for_date(data, "2025-06-01");
    JoinRequest r = complete_request();
    r.at("institution") = "{tier} Library";
    r.at("message") = "";
    CHECK(email_body(r, data) ==
          "Hello,\n\n"
          "{tier} Library asks to join as Associate membership.\n\n"
          "- Institution: {tier} Library\n- Organisation type: Library\n- Country: France\n- Website: https://www.bnf.fr\n"
          "- Membership tier: Associate membership\n  fee US$2,500\n  under Fees 2020–2025\n- Preferred start date: 2027-01-01\n"
          "- Purchase order needed: Yes\n\n"
          "Marie Curie\n");
    CHECK(email_subject(r, data) == "IIIF Consortium membership request: {tier} Library (Associate membership)");
}
