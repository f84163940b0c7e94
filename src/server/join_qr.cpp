// This is the implementation of join_qr.h: libqrencode's modules drawn as squares of pixels.
#include "server/join_qr.h"

#include <qrencode.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "server/png.h"

namespace server {

std::string QrPng(std::string_view text) {
  const std::string terminated(text);
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code || code->width <= 0) return "";
  const int modules = code->width + 2 * kQrQuietModules;
  const int pixels = modules * kQrModulePixels;
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(pixels) * pixels * 3, 0xFF);
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      if ((code->data[y * code->width + x] & 1) == 0) continue;  // bit 0: a dark module
      const int left = (x + kQrQuietModules) * kQrModulePixels;
      const int top = (y + kQrQuietModules) * kQrModulePixels;
      for (int row = top; row < top + kQrModulePixels; ++row)
        std::fill_n(rgb.begin() + (static_cast<std::ptrdiff_t>(row) * pixels + left) * 3, kQrModulePixels * 3, 0x00);
    }
  }
  return EncodePng(pixels, pixels, rgb);
}

std::optional<std::string> JoinOrigin(std::string_view public_url, std::string_view host_header) {
  if (!public_url.empty()) return std::string(public_url);
  // Only what a host and port are made of: the header is the client's, and ends up in a link.
  constexpr std::size_t kMaxHostChars = 255;
  if (host_header.empty() || host_header.size() > kMaxHostChars) return std::nullopt;
  for (char c : host_header)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' && c != '[' && c != ']')
      return std::nullopt;
  return "http://" + std::string(host_header);
}

}  // namespace server
