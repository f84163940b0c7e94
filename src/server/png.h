// PNG encoding, ours (zlib deflate and CRC, 8-bit RGB), so no image library is needed:
// the synthetic map tiles (synthetic_tiles.h) and the join QR codes (join_qr.h) share it.
// Writing only; decoding pictures is the platform's. Start at EncodePng.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace server {

// A minimal PNG: 8-bit RGB, no interlace. `rgb` holds width * height * 3 bytes, row by
// row. "" when the sizes do not match or zlib fails.
std::string EncodePng(int width, int height, const std::vector<std::uint8_t>& rgb);

}  // namespace server
