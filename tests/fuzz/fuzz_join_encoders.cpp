// libFuzzer: any text in every join request field, through validation and every encoder.
// The mailto: must stay one URI with exactly one '?' and one '&', no raw CR, LF or space.
#include "data_loader.h"
#include "join_request.h"
#include "text_utf8.h"

#include <cstdint>
#include <string>
#include <vector>

static const iiifc::MembershipData& data() {
    static const iiifc::MembershipData d =
        iiifc::load_membership(iiifc::read_text_file(IIIFC_ASSETS_DIR "/membership.json"), "membership.json");
    return d;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(bytes), size);
    iiifc::JoinRequest r;
    // Split the input on NUL into the data's text fields, so one input can fill several; a yes/no
    // is ticked by an odd-sized input; the add-ons are a choice among the schedule's (the form
    // offers no other, and a file naming another is refused on import), one bit of the size each.
    std::size_t start = 0;
    for (const iiifc::JoinField& f : data().join.fields) {
        if (f.kind == iiifc::FieldKind::yes_no) {
            r.at(f.id) = size % 2 == 1 ? "yes" : "";
            continue;
        }
        if (f.kind == iiifc::FieldKind::add_ons) {
            std::vector<std::string> chosen;
            for (std::size_t i = 0; i < data().schedule.add_ons.size(); ++i)
                if ((size >> (i + 1)) & 1) chosen.push_back(data().schedule.add_ons[i].id);
            iiifc::set_chosen_add_ons(r, data(), chosen);
            continue;
        }
        if (start > text.size()) continue;
        std::size_t end = text.find('\0', start);
        if (end == std::string::npos) end = text.size();
        r.at(f.id) = text.substr(start, end - start);
        start = end + 1;
    }
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
    const iiifc::JoinImport back = iiifc::join_request_from_json(iiifc::join_request_to_json(r, data()), "fuzz.json", data());
    if (!back.ok) __builtin_trap();
    if (iiifc::is_valid_utf8(text) && !(back.request == r)) __builtin_trap();  // valid text round-trips exactly
    return 0;
}
