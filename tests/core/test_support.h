// Shared helpers for the core tests: the shipped data, loaded once.
#pragma once

#include "data_loader.h"
#include "membership.h"
#include "schedules.h"

#include <nlohmann/json.hpp>

#include <string>

namespace iiifc_test {

inline std::string assets_path(const std::string& file) { return std::string(IIIFC_ASSETS_DIR) + "/" + file; }
inline std::string test_data_path(const std::string& file) { return std::string(IIIFC_TEST_DATA_DIR) + "/" + file; }

// The shipped data file showing the schedule in force on `today`.
inline iiifc::MembershipData shipped_on(const std::string& today) {
    iiifc::MembershipData data = iiifc::load_membership(iiifc::read_text_file(assets_path("membership.json")), "membership.json");
    iiifc::show_schedule_for_date(data, today);
    return data;
}

// The seed's schedule (2020-07 to 2025-12-31), as on 2025-06-01.
inline const iiifc::MembershipData& shipped() {
    static const iiifc::MembershipData data = shipped_on("2025-06-01");
    return data;
}

// The schedule from 2026, as on 2026-12-07.
inline const iiifc::MembershipData& schedule_2026() {
    static const iiifc::MembershipData data = shipped_on("2026-12-07");
    return data;
}

// The shipped data as the consortium might extend it, without any change to the code: a required
// VAT number for European invoicing, "How did you hear about IIIF?", and a goal for a seat on the
// Operating Committee.
inline const iiifc::MembershipData& with_extra_fields() {
    static const iiifc::MembershipData data = [] {
        nlohmann::ordered_json j = nlohmann::ordered_json::parse(iiifc::read_text_file(assets_path("membership.json")));
        using object = nlohmann::ordered_json;
        auto& fields = j["join"]["fields"];
        fields.insert(fields.begin() + 4,
                      object::object({{"id", "vat_number"},
                                      {"label", "VAT number"},
                                      {"kind", "text"},
                                      {"required", true},
                                      {"max_length", 20},
                                      {"placeholder", "e.g. FR12345678901"},
                                      {"section", "request"}}));
        fields.push_back(object::object({{"id", "heard_from"},
                                         {"label", "How did you hear about IIIF?"},
                                         {"kind", "text"},
                                         {"max_length", 200},
                                         {"section", "contact"}}));
        j["calculator_goals"].push_back(object::object({{"id", "operating_seat"},
                                                        {"label", "We want a seat on the Operating Committee"},
                                                        {"wants", "a seat on the Operating Committee"},
                                                        {"right", "operating_committee_seat"},
                                                        {"when_no", "It does not include a seat on the Operating Committee."}}));
        iiifc::MembershipData d = iiifc::load_membership(j.dump(), "membership-extra-fields.json");
        iiifc::show_schedule_for_date(d, "2025-06-01");
        return d;
    }();
    return data;
}

}  // namespace iiifc_test
