// This is the implementation of frame_fingerprint.h.
#include "client/ui/frame_fingerprint.h"

#include <imgui.h>

#include <cstring>

namespace ui {
namespace {

// Mixes bytes eight at a time (a frame of a busy map is about a megabyte of vertices, so
// this runs at memory speed rather than byte by byte); the multiply-rotate steps are
// those of a 64-bit MurmurHash-style mix. Not for security: only "did this frame change".
class Mixer {
 public:
  void Add(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes + i, 8);
      Word(word);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes + i, size - i);
    Word(tail ^ (static_cast<std::uint64_t>(size) << 56));
  }
  void Add(std::uint64_t value) { Word(value); }
  std::uint64_t Value() const {
    std::uint64_t h = hash_;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
  }

 private:
  void Word(std::uint64_t word) {
    word *= 0x87c37b91114253d5ULL;
    word = (word << 31) | (word >> 33);
    word *= 0x4cf5ad432745937fULL;
    hash_ ^= word;
    hash_ = ((hash_ << 27) | (hash_ >> 37)) * 5 + 0x52dce729;
  }
  std::uint64_t hash_ = 0x9e3779b97f4a7c15ULL;
};

}  // namespace

std::uint64_t FrameFingerprint(const ImDrawData& draw, int framebuffer_width, int framebuffer_height) {
  Mixer mix;
  mix.Add(static_cast<std::uint64_t>(framebuffer_width) << 32 | static_cast<std::uint32_t>(framebuffer_height));
  mix.Add(&draw.DisplayPos, sizeof draw.DisplayPos);
  mix.Add(&draw.DisplaySize, sizeof draw.DisplaySize);
  mix.Add(&draw.FramebufferScale, sizeof draw.FramebufferScale);
  mix.Add(static_cast<std::uint64_t>(draw.CmdListsCount));
  for (int n = 0; n < draw.CmdListsCount; ++n) {
    const ImDrawList& list = *draw.CmdLists[n];
    mix.Add(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    mix.Add(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      mix.Add(&cmd.ClipRect, sizeof cmd.ClipRect);
      mix.Add(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.TextureId)));
      mix.Add(static_cast<std::uint64_t>(cmd.VtxOffset) << 32 | cmd.IdxOffset);
      mix.Add(static_cast<std::uint64_t>(cmd.ElemCount));
      // A callback (none today) may draw anything: such a frame never matches another.
      static std::uint64_t callbacks = 0;
      if (cmd.UserCallback != nullptr) mix.Add(++callbacks);
    }
  }
  return mix.Value();
}

}  // namespace ui
