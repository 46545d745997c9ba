#include "qr_code.h"

#include <qrcodegen.h>

#include <cstdint>

namespace iiifc {

QrCode encode_qr(const std::string& text) {
    QrCode out;
    // qrcodegen reads a C string: text with a NUL inside would be cut short, so it is refused.
    if (text.find('\0') != std::string::npos) return out;
    std::vector<std::uint8_t> qr(qrcodegen_BUFFER_LEN_MAX), scratch(qrcodegen_BUFFER_LEN_MAX);
    if (!qrcodegen_encodeText(text.c_str(), scratch.data(), qr.data(), qrcodegen_Ecc_LOW, qrcodegen_VERSION_MIN, qrcodegen_VERSION_MAX,
                              qrcodegen_Mask_AUTO, true))
        return out;
    out.size = qrcodegen_getSize(qr.data());
    out.dark.reserve(static_cast<std::size_t>(out.size * out.size));
    for (int y = 0; y < out.size; ++y)
        for (int x = 0; x < out.size; ++x) out.dark.push_back(qrcodegen_getModule(qr.data(), x, y));
    return out;
}

}  // namespace iiifc
