#pragma once
// Turns a parsed tinygltf::Model into a spineviz Scene: the displayed scene's node tree, its meshes
// as indexed triangle lists with normals, materials and decoded images.

#include "core/scene/Scene.h"

#include <tiny_gltf.h>

#include <string>
#include <vector>

namespace spineviz::gltf {

// Returns false with a reason in `error` when the model is inconsistent. `imageSlots[i]` is the
// index in scene.images of glTF image i (decoded beforehand, see GltfImages.h), or -1.
bool convertModel(const tinygltf::Model& model, const std::vector<int>& imageSlots, Scene& scene, std::string& error);

} // namespace spineviz::gltf
