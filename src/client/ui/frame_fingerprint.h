// A fingerprint of what a frame draws, so the loop can leave the screen as it is when a
// frame would draw exactly what is already there (an idle map, a screen being read).
// Every frame the browser composites is work for the phone's GPU, and with software
// WebGL (a computer whose GPU the browser does not trust) most of the page's main-thread
// time: redrawing an unchanged screen 60 times a second only spends the battery.
#pragma once

#include <cstdint>

struct ImDrawData;

namespace ui {

// Covers every vertex, index and draw command (clip rectangles, textures, offsets) of
// `draw` and the framebuffer's size in pixels. Equal fingerprints mean equal pictures as
// long as no texture changed its pixels under the same name: the caller draws anyway in a
// frame that made or rebuilt a texture.
std::uint64_t FrameFingerprint(const ImDrawData& draw, int framebuffer_width, int framebuffer_height);

}  // namespace ui
