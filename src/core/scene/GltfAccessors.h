#pragma once
// Bounds-checked reads of glTF accessors. tinygltf 2.7 does not check that an accessor's range
// fits its buffer view and buffer, so every read here does.

#include <tiny_gltf.h>

#include <cstdint>
#include <string>
#include <vector>

namespace spineviz::gltf {

// Reads `components` floats per element (float, or normalized integer components). On failure
// returns false and sets `error`.
bool readFloats(const tinygltf::Model& model, int accessor, int components, std::vector<float>& out,
                std::string& error);

// Reads an index accessor (unsigned byte, short or int scalars).
bool readIndices(const tinygltf::Model& model, int accessor, std::vector<std::uint32_t>& out, std::string& error);

// Number of elements an accessor declares, or 0 if the index is invalid.
std::size_t accessorCount(const tinygltf::Model& model, int accessor);

} // namespace spineviz::gltf
