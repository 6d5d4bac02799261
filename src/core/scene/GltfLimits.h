#pragma once
// Bounds that keep a hostile file from exhausting memory, time or the stack. Each is far above what
// a real anatomical model needs (docs/reliability.md gives the reasoning and the figures): the
// bundled spine has 130 nodes, 130 meshes, 1 buffer of 7 MB and about 240 000 triangles.

#include <cstddef>
#include <cstdint>

namespace spineviz::gltf_limits {

// Files.
inline constexpr std::size_t kMaxFileBytes = std::size_t(1) << 30;     // 1 GiB: the model and each file it names
inline constexpr std::size_t kMaxJsonBytes = std::size_t(64) << 20;    // 64 MiB of JSON (embedded data uris included)
inline constexpr int kMaxJsonDepth = 64;                               // tinygltf converts extras recursively
inline constexpr std::uint64_t kMaxBytesRead = std::uint64_t(1) << 30; // all buffers and image files read, together

// Counts of glTF objects.
inline constexpr std::size_t kMaxNodes = 20000;
inline constexpr std::size_t kMaxMeshes = 10000;
inline constexpr std::size_t kMaxPrimitives = 20000; // over all meshes
inline constexpr std::size_t kMaxAccessors = 100000;
inline constexpr std::size_t kMaxBufferViews = 100000;
inline constexpr std::size_t kMaxBuffers = 256;
inline constexpr std::size_t kMaxImages = 256;
inline constexpr std::size_t kMaxTextures = 1024;
inline constexpr std::size_t kMaxMaterials = 4096;
inline constexpr std::size_t kMaxScenes = 64;

// Decoded geometry, summed over every primitive of every mesh a node uses (a mesh shared by many
// nodes counts once; an accessor shared by many primitives counts for each, as each gets a copy).
inline constexpr std::uint64_t kMaxVertices = 10'000'000;
inline constexpr std::uint64_t kMaxTriangles = 10'000'000;
inline constexpr std::uint64_t kMaxIndices = 3 * kMaxTriangles; // index elements read, before triangulation
inline constexpr std::uint64_t kMaxZeroElements = std::uint64_t(1) << 24; // one accessor without data (all zeros)

// Decoded images: each distinct image the materials show is decoded once. 4096 a side is what
// anatomical models ship with and what every GL 3.3 GPU we target takes; one 8192^2 texture took
// 37 s to appear on llvmpipe (docs/reliability.md), so larger ones are refused at their header.
inline constexpr int kMaxImageSide = 4096;
inline constexpr std::uint64_t kMaxTexels = std::uint64_t(32) << 20; // 32 Mi texels (128 MiB RGBA) in all: two 4096^2

} // namespace spineviz::gltf_limits
