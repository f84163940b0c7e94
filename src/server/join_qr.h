// The QR code a youth worker shows so young people join a session by camera: a PNG of
// <origin>/join/KXM4P7, black on white with a quiet zone, made by libqrencode and our PNG
// writer (png.h). Not here: the route (server.cpp), what /join/CODE serves (the web app).
// Start at JoinQrPng.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace server {

inline constexpr int kQrModulePixels = 8;  // px per QR module: big enough to scan from a projector
inline constexpr int kQrQuietModules = 4;  // modules of white around it, as the standard asks

// A PNG of a QR code (error correction level M) of `text`; "" when libqrencode cannot make
// one (far too long a text).
std::string QrPng(std::string_view text);

// Where join links start: `public_url` (the --public-url option) when set, otherwise
// "http://" + the request's Host header when it is a plain host[:port]; nullopt when
// there is neither.
std::optional<std::string> JoinOrigin(std::string_view public_url, std::string_view host_header);

}  // namespace server
