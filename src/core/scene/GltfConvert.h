#pragma once
// Turns a parsed tinygltf::Model into a spineviz Scene: the displayed scene's node tree, its meshes
// as indexed triangle lists with normals, materials and decoded images.

#include "core/scene/Scene.h"

#include <tiny_gltf.h>

#include <string>

namespace spineviz::gltf {

// Returns false with a reason in `error` when the model is inconsistent.
bool convertModel(const tinygltf::Model& model, Scene& scene, std::string& error);

} // namespace spineviz::gltf
