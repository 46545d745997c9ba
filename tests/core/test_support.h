// Shared helpers for the core tests: the shipped data, loaded once.
#pragma once

#include "data_loader.h"
#include "membership.h"

#include <string>

namespace iiifc_test {

inline std::string assets_path(const std::string& file) { return std::string(IIIFC_ASSETS_DIR) + "/" + file; }
inline std::string test_data_path(const std::string& file) { return std::string(IIIFC_TEST_DATA_DIR) + "/" + file; }
inline std::string shared_data_path(const std::string& file) { return std::string(IIIFC_SHARED_DATA_DIR) + "/" + file; }

inline const iiifc::MembershipData& shipped() {
    static const iiifc::MembershipData data =
        iiifc::load_membership(iiifc::read_text_file(assets_path("membership.json")), "membership.json");
    return data;
}

inline const iiifc::MembershipData& schedule_2026() {
    static const iiifc::MembershipData data =
        iiifc::load_membership(iiifc::read_text_file(test_data_path("membership-2026.json")), "membership-2026.json");
    return data;
}

}  // namespace iiifc_test
