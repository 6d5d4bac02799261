#pragma once
#include <cstddef>

namespace spineviz::gltf_limits {

// Bounds that keep a hostile file from exhausting memory or the stack.
inline constexpr std::size_t kMaxFileBytes = std::size_t(1) << 30;  // 1 GiB
inline constexpr int kMaxJsonDepth = 64;                            // tinygltf converts extras recursively
inline constexpr int kMaxImageSide = 16384;
inline constexpr std::size_t kMaxImagePixels = std::size_t(64) << 20;

} // namespace spineviz::gltf_limits
