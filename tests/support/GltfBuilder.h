#pragma once
// Builds small glTF models for tests: meshes with chosen index types, node hierarchies, materials.
// Tests write them to a temporary folder and load or render them.

#include "core/mesh/MeshData.h"

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <tiny_gltf.h>

#include <string>

namespace spineviz::test {

enum class IndexType { None, UnsignedByte, UnsignedShort, UnsignedInt };

struct MeshOptions {
    IndexType indexType = IndexType::UnsignedInt;
    bool normals = true;
    int material = -1;
};

class GltfBuilder {
public:
    int addMaterial(const glm::vec4& baseColor, float metallic = 0.0f, float roughness = 0.6f, const std::string& name = "");
    int addMesh(const MeshData& mesh, const MeshOptions& options = {});
    int addNode(const std::string& name, int mesh = -1, int parent = -1);
    void setTranslation(int node, const glm::vec3& t);
    void setRotation(int node, const glm::vec4& xyzw);
    void setScale(int node, const glm::vec3& s);
    void setMatrix(int node, const glm::mat4& m);

    tinygltf::Model& model() { return model_; }
    // Writes .glb (binary) or .gltf with an external .bin beside it. Returns false on failure.
    bool write(const std::string& path, bool binary = true);

private:
    int addBufferView(const void* data, std::size_t bytes, int target);
    int addAccessor(int view, int componentType, int type, std::size_t count);
    void ensureScene();

    tinygltf::Model model_;
};

MeshData makeBox(const glm::vec3& halfExtent);
MeshData makeSphere(float radius, int segments = 32, int rings = 16);

} // namespace spineviz::test
