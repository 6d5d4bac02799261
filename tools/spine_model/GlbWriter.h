#pragma once
// A minimal glTF 2.0 scene description and a deterministic binary (.glb) encoder for it. Written by
// hand with nlohmann::json (whose objects are key-sorted) so the bytes depend only on the scene.

#include "core/mesh/MeshData.h"

#include <glm/gtc/quaternion.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace spine_model {

struct SceneMaterial {
    std::string name;
    glm::vec4 baseColour{1.0f};
    float metallic = 0.0f;
    float roughness = 0.7f;
};

struct SceneMesh {
    std::string name;
    spineviz::MeshData mesh; // metres
    int material = 0;
};

struct SceneNode {
    std::string name;
    glm::vec3 translation{0.0f};        // metres
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    int mesh = -1;
    std::vector<int> children;
    nlohmann::json extras;              // null: none
};

struct Scene {
    std::vector<SceneMaterial> materials;
    std::vector<SceneMesh> meshes;
    std::vector<SceneNode> nodes;
    std::vector<int> roots;
};

std::vector<std::uint8_t> encodeGlb(const Scene& scene);

// Writes to a temporary file beside `path` and renames it into place; throws on failure.
void writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes);

} // namespace spine_model
