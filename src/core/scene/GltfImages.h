#pragma once
// Decodes the images a model's materials show to 8-bit RGBA: each distinct source (buffer view or
// uri) once, however many image entries name it, within the texel budget of GltfLimits.h, with
// every byte range checked and JPEGs that stb would decode from uninitialised tables refused.

#include "core/scene/GltfPrecheck.h"
#include "core/scene/Scene.h"

#include <tiny_gltf.h>

#include <filesystem>
#include <string>
#include <vector>

namespace spineviz::gltf {

// `slotOf[i]` becomes the index into `out` of glTF image i, or -1 for images nothing shows.
bool decodeImages(const tinygltf::Model& model, const std::vector<ImageSource>& sources, const std::filesystem::path& folder,
                  std::vector<Image>& out, std::vector<int>& slotOf, std::string& error);

} // namespace spineviz::gltf
