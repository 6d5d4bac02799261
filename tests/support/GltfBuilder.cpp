#include "GltfBuilder.h"

#include <glm/gtc/constants.hpp>
#include <glm/gtc/type_ptr.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace spineviz::test {

void GltfBuilder::ensureScene() {
    if (model_.scenes.empty()) {
        model_.scenes.emplace_back();
        model_.defaultScene = 0;
        model_.asset.version = "2.0";
        model_.asset.generator = "spineviz tests";
    }
    if (model_.buffers.empty()) model_.buffers.emplace_back();
}

int GltfBuilder::addMaterial(const glm::vec4& baseColor, float metallic, float roughness, const std::string& name) {
    tinygltf::Material material;
    material.name = name;
    material.pbrMetallicRoughness.baseColorFactor = {baseColor.x, baseColor.y, baseColor.z, baseColor.w};
    material.pbrMetallicRoughness.metallicFactor = metallic;
    material.pbrMetallicRoughness.roughnessFactor = roughness;
    model_.materials.push_back(material);
    return static_cast<int>(model_.materials.size()) - 1;
}

int GltfBuilder::addBufferView(const void* data, std::size_t bytes, int target) {
    ensureScene();
    std::vector<unsigned char>& buffer = model_.buffers[0].data;
    while (buffer.size() % 4) buffer.push_back(0);
    tinygltf::BufferView view;
    view.buffer = 0;
    view.byteOffset = buffer.size();
    view.byteLength = bytes;
    view.target = target;
    const auto* begin = static_cast<const unsigned char*>(data);
    buffer.insert(buffer.end(), begin, begin + bytes);
    model_.bufferViews.push_back(view);
    return static_cast<int>(model_.bufferViews.size()) - 1;
}

int GltfBuilder::addAccessor(int view, int componentType, int type, std::size_t count) {
    tinygltf::Accessor accessor;
    accessor.bufferView = view;
    accessor.componentType = componentType;
    accessor.type = type;
    accessor.count = count;
    model_.accessors.push_back(accessor);
    return static_cast<int>(model_.accessors.size()) - 1;
}

int GltfBuilder::addMesh(const MeshData& mesh, const MeshOptions& options) {
    tinygltf::Primitive primitive;
    primitive.mode = TINYGLTF_MODE_TRIANGLES;
    primitive.material = options.material;

    // A non-indexed primitive repeats each vertex per corner.
    std::vector<glm::vec3> positions = mesh.positions, normals = mesh.normals;
    if (options.indexType == IndexType::None) {
        positions.clear();
        normals.clear();
        for (std::uint32_t i : mesh.indices) {
            positions.push_back(mesh.positions[i]);
            if (!mesh.normals.empty()) normals.push_back(mesh.normals[i]);
        }
    }
    const int positionView = addBufferView(positions.data(), positions.size() * sizeof(glm::vec3), TINYGLTF_TARGET_ARRAY_BUFFER);
    const int positionAccessor = addAccessor(positionView, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, positions.size());
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (const glm::vec3& p : positions) { lo = glm::min(lo, p); hi = glm::max(hi, p); }
    model_.accessors[positionAccessor].minValues = {lo.x, lo.y, lo.z};
    model_.accessors[positionAccessor].maxValues = {hi.x, hi.y, hi.z};
    primitive.attributes["POSITION"] = positionAccessor;
    if (options.normals && !normals.empty()) {
        const int view = addBufferView(normals.data(), normals.size() * sizeof(glm::vec3), TINYGLTF_TARGET_ARRAY_BUFFER);
        primitive.attributes["NORMAL"] = addAccessor(view, TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, normals.size());
    }
    if (options.indexType != IndexType::None) {
        int view = -1, componentType = 0;
        if (options.indexType == IndexType::UnsignedByte) {
            std::vector<std::uint8_t> small(mesh.indices.begin(), mesh.indices.end());
            view = addBufferView(small.data(), small.size(), TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
            componentType = TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE;
        } else if (options.indexType == IndexType::UnsignedShort) {
            std::vector<std::uint16_t> small(mesh.indices.begin(), mesh.indices.end());
            view = addBufferView(small.data(), small.size() * 2, TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
            componentType = TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT;
        } else {
            view = addBufferView(mesh.indices.data(), mesh.indices.size() * 4, TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
            componentType = TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT;
        }
        primitive.indices = addAccessor(view, componentType, TINYGLTF_TYPE_SCALAR, mesh.indices.size());
    }
    tinygltf::Mesh gltfMesh;
    gltfMesh.primitives.push_back(primitive);
    model_.meshes.push_back(gltfMesh);
    return static_cast<int>(model_.meshes.size()) - 1;
}

int GltfBuilder::addNode(const std::string& name, int mesh, int parent) {
    ensureScene();
    tinygltf::Node node;
    node.name = name;
    node.mesh = mesh;
    model_.nodes.push_back(node);
    const int index = static_cast<int>(model_.nodes.size()) - 1;
    if (parent >= 0) model_.nodes[parent].children.push_back(index);
    else model_.scenes[0].nodes.push_back(index);
    return index;
}

void GltfBuilder::setTranslation(int node, const glm::vec3& t) { model_.nodes[node].translation = {t.x, t.y, t.z}; }
void GltfBuilder::setRotation(int node, const glm::vec4& q) { model_.nodes[node].rotation = {q.x, q.y, q.z, q.w}; }
void GltfBuilder::setScale(int node, const glm::vec3& s) { model_.nodes[node].scale = {s.x, s.y, s.z}; }
void GltfBuilder::setMatrix(int node, const glm::mat4& m) {
    model_.nodes[node].matrix.assign(glm::value_ptr(m), glm::value_ptr(m) + 16);
}

bool GltfBuilder::write(const std::string& path, bool binary) {
    ensureScene();
    if (!binary) {
        // External buffer beside the .gltf, so the loader's file access is exercised.
        const std::size_t slash = path.find_last_of('/');
        const std::string stem = path.substr(slash + 1, path.rfind('.') - slash - 1);
        model_.buffers[0].uri = stem + ".bin";
    }
    tinygltf::TinyGLTF writer;
    return writer.WriteGltfSceneToFile(&model_, path, true, binary, !binary, binary);
}

MeshData makeBox(const glm::vec3& h) {
    MeshData mesh;
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        // Two axes spanning the face with u x v = n, so corners in (u, v) order wind counter-clockwise
        // seen from outside.
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3(0, 0, 1) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(n, u);
        const std::uint32_t base = static_cast<std::uint32_t>(mesh.positions.size());
        const float corners[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (const auto& c : corners) {
            mesh.positions.push_back((n + u * c[0] + v * c[1]) * h);
            mesh.normals.push_back(n);
        }
        for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) mesh.indices.push_back(base + i);
    }
    return mesh;
}

MeshData makeSphere(float radius, int segments, int rings) {
    // One vertex per pole and one ring of `segments` vertices per latitude: no seam, no duplicates.
    MeshData mesh;
    const float pi = glm::pi<float>();
    const auto add = [&](const glm::vec3& n) {
        mesh.positions.push_back(n * radius);
        mesh.normals.push_back(n);
    };
    add({0.0f, 1.0f, 0.0f});
    for (int r = 1; r < rings; ++r) {
        const float theta = pi * float(r) / float(rings);
        for (int s = 0; s < segments; ++s) {
            const float phi = 2.0f * pi * float(s) / float(segments);
            add({std::sin(theta) * std::sin(phi), std::cos(theta), std::sin(theta) * std::cos(phi)});
        }
    }
    add({0.0f, -1.0f, 0.0f});
    const std::uint32_t bottom = static_cast<std::uint32_t>(mesh.positions.size() - 1);
    const auto at = [&](int r, int s) { return static_cast<std::uint32_t>(1 + (r - 1) * segments + (s % segments)); };
    for (int s = 0; s < segments; ++s) {
        mesh.indices.insert(mesh.indices.end(), {0u, at(1, s), at(1, s + 1)});
        mesh.indices.insert(mesh.indices.end(), {bottom, at(rings - 1, s + 1), at(rings - 1, s)});
        for (int r = 1; r < rings - 1; ++r)
            mesh.indices.insert(mesh.indices.end(), {at(r, s), at(r + 1, s), at(r + 1, s + 1), at(r, s), at(r + 1, s + 1), at(r, s + 1)});
    }
    return mesh;
}

} // namespace spineviz::test
