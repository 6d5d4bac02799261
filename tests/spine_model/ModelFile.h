#pragma once
// Test-side reader of models/spine.glb: nodes (name, local transform, world transform, extras,
// mesh) and meshes, parsed straight from the GLB's JSON and binary chunks so the tests do not depend
// on the generator's own code.

#include "core/mesh/MeshData.h"

#include <glm/mat4x4.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spine_model_test {

struct ModelNode {
    std::string name;
    glm::mat4 world{1.0f};
    int mesh = -1;
    std::string material;
    nlohmann::json extras;          // the "spineviz" object, or null
    std::vector<std::string> children;
};

struct ModelFile {
    std::vector<ModelNode> nodes;
    std::vector<spineviz::MeshData> meshes; // positions in metres, node-local
    std::size_t bytes = 0;

    const ModelNode* node(const std::string& name) const;
};

// Throws std::runtime_error when the file cannot be read or parsed.
ModelFile readModel(const std::string& path);

glm::vec3 vec3Of(const nlohmann::json& j);

} // namespace spine_model_test
