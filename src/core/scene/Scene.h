#pragma once
// A loaded model on the CPU: nodes, meshes, materials and images, independent of glTF and of GL.
// The loader fills it; the renderer uploads it; the core reads names, transforms and extras from it.

#include "core/math/Aabb.h"
#include "core/mesh/MeshData.h"

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace spineviz {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba; // width * height * 4 bytes, sRGB-encoded colour
};

enum class AlphaMode { Opaque, Mask, Blend };

struct Material {
    std::string name;
    glm::vec4 baseColorFactor{1.0f}; // linear RGBA
    int baseColorImage = -1;         // index into Scene::images, or -1
    float metallic = 1.0f;
    float roughness = 1.0f;
    AlphaMode alphaMode = AlphaMode::Opaque;
    bool doubleSided = false;
};

struct Primitive {
    MeshData mesh;
    int material = -1; // index into Scene::materials, or -1 for the default material
    Aabb bounds;       // in the owning node's local space
};

struct Mesh {
    std::string name;
    std::vector<Primitive> primitives;
};

struct Node {
    std::string name;
    glm::mat4 local{1.0f};
    int parent = -1;
    std::vector<int> children;
    int mesh = -1;          // index into Scene::meshes, or -1
    nlohmann::json extras;  // the node's glTF extras (null when absent)
    int sourceIndex = -1;   // the node's index in the glTF file, for messages
};

struct Scene {
    std::vector<Node> nodes;
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    std::vector<Image> images;
    std::vector<int> roots; // nodes of the displayed scene without a parent

    // Node index by exact name, or -1.
    int findNode(const std::string& name) const;
    glm::mat4 worldTransform(int node) const;
    // World transforms of every node, parents before children.
    std::vector<glm::mat4> worldTransforms() const;
    // Bounds of all drawn geometry in world space.
    Aabb bounds() const;
    std::size_t triangleCount() const;
};

} // namespace spineviz
