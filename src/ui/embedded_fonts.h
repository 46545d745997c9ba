// Subsets of Inter compiled into the binary (generated at build time by scripts/embed_fonts.py).
#pragma once

namespace iiifc {
extern const unsigned char kInterRegular[];
extern const unsigned int kInterRegularSize;
extern const unsigned char kInterSemiBold[];
extern const unsigned int kInterSemiBoldSize;
}  // namespace iiifc
