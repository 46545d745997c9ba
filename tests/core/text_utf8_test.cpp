// The UTF-8 helpers that validation, the encoders and the semantics tree share.
#include "text_utf8.h"

#include <doctest/doctest.h>

using namespace iiifc;

TEST_CASE("ill-formed UTF-8 bytes are each replaced by U+FFFD, well-formed text is kept") {
    CHECK(replace_invalid_utf8("Caf\xC3\xA9 \xF0\x9F\x98\x80") == "Caf\xC3\xA9 \xF0\x9F\x98\x80");
    CHECK(replace_invalid_utf8("Caf\xE9!") == "Caf\xEF\xBF\xBD!");                            // Latin-1
    CHECK(replace_invalid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                    // overlong "/"
    CHECK(replace_invalid_utf8("\xED\xA0\x80x") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");  // a surrogate
    CHECK(replace_invalid_utf8("ab\xE2\x82") == "ab\xEF\xBF\xBD\xEF\xBF\xBD");                // cut short
    CHECK(is_valid_utf8(replace_invalid_utf8("\xFF\xFE\x80 ok")));
}

TEST_CASE("a position in UTF-16 units (the browser's) is found in UTF-8 text, at most at its end") {
    const std::string s = "a\xC3\xA9\xE6\x9D\xB1\xF0\x9F\x98\x80z";  // a é 東 😀 z: 1, 2, 3, 4 bytes; 1, 1, 1, 2 units
    CHECK(utf8_offset_of_utf16(s, 0) == 0);
    CHECK(utf8_offset_of_utf16(s, 1) == 1);
    CHECK(utf8_offset_of_utf16(s, 2) == 3);
    CHECK(utf8_offset_of_utf16(s, 3) == 6);
    CHECK(utf8_offset_of_utf16(s, 5) == 10);
    CHECK(utf8_offset_of_utf16(s, 6) == 11);
    CHECK(utf8_offset_of_utf16(s, 99) == 11);
}
