// libFuzzer: any text in every join request field, through validation and every encoder.
// The mailto: must stay one URI with exactly one '?' and one '&', no raw CR, LF or space.
#include "data_loader.h"
#include "join_request.h"
#include "text_utf8.h"

#include <cstdint>
#include <string>

static const iiifc::MembershipData& data() {
    static const iiifc::MembershipData d = iiifc::load_membership(iiifc::read_text_file(IIIFC_ASSETS_DIR "/membership.json"), "membership.json");
    return d;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(bytes), size);
    iiifc::JoinRequest r;
    // Split the input on NUL into the fields, so one input can fill several.
    const char* ids[] = {"institution", "organisation_type", "country", "website", "contact_name", "contact_email",
                         "role", "billing_name", "billing_email", "tier", "start_date", "message"};
    std::size_t start = 0, field = 0;
    while (start <= text.size() && field < sizeof ids / sizeof *ids) {
        std::size_t end = text.find('\0', start);
        if (end == std::string::npos) end = text.size();
        *iiifc::text_field(r, ids[field++]) = text.substr(start, end - start);
        start = end + 1;
    }
    r.purchase_order = size % 2 == 1;
    (void)iiifc::validate(r, data());
    const std::string subject = iiifc::email_subject(r, data());
    if (subject.find_first_of("\r\n") != std::string::npos) __builtin_trap();
    (void)iiifc::email_body(r, data());
    const std::string uri = iiifc::mailto_uri(r, data());
    int amps = 0, questions = 0;
    for (char c : uri) {
        if (c == '\r' || c == '\n' || c == ' ') __builtin_trap();
        amps += c == '&';
        questions += c == '?';
    }
    if (amps != 1 || questions != 1) __builtin_trap();
    const iiifc::JoinImport back = iiifc::join_request_from_json(iiifc::join_request_to_json(r), "fuzz.json");
    if (!back.ok) __builtin_trap();
    if (iiifc::is_valid_utf8(text) && !(back.request == r)) __builtin_trap();  // valid text round-trips exactly
    return 0;
}
