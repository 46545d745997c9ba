// The kiosk's QR code of the mailto: link, so a visitor sends the request from their own phone.
// Encoded with Nayuki's qrcodegen (its C version: no exceptions or iostreams in the .wasm).
#pragma once

#include <string>
#include <vector>

namespace iiifc {

struct QrCode {
    int size = 0;            // modules per side; 0 when the text does not fit in a QR code
    std::vector<bool> dark;  // size * size, row by row
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Byte mode, lowest error correction (the most room for a long request), any version up to 40.
QrCode encode_qr(const std::string& text);

}  // namespace iiifc
