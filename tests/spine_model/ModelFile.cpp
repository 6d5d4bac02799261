#include "ModelFile.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace spine_model_test {
namespace {

std::uint32_t u32(const std::vector<std::uint8_t>& b, std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, b.data() + at, 4);
    return v;
}

glm::mat4 localTransform(const nlohmann::json& node) {
    glm::mat4 m(1.0f);
    if (node.contains("translation")) m = glm::translate(m, glm::vec3(node["translation"][0], node["translation"][1], node["translation"][2]));
    if (node.contains("rotation")) {
        const auto& r = node["rotation"];
        m *= glm::mat4_cast(glm::quat(r[3].get<float>(), r[0].get<float>(), r[1].get<float>(), r[2].get<float>()));
    }
    return m;
}

template <typename T>
std::vector<T> accessor(const nlohmann::json& gltf, const std::vector<std::uint8_t>& bin, int index) {
    const auto& a = gltf["accessors"][static_cast<std::size_t>(index)];
    const auto& v = gltf["bufferViews"][a["bufferView"].get<std::size_t>()];
    const std::size_t offset = v.value("byteOffset", 0u) + a.value("byteOffset", 0u);
    std::vector<T> out(a["count"].get<std::size_t>());
    std::memcpy(out.data(), bin.data() + offset, out.size() * sizeof(T));
    return out;
}

} // namespace

const ModelNode* ModelFile::node(const std::string& name) const {
    for (const ModelNode& n : nodes)
        if (n.name == name) return &n;
    return nullptr;
}

ModelFile readModel(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 20 || u32(bytes, 0) != 0x46546C67u) throw std::runtime_error(path + ": not a GLB");
    const std::uint32_t jsonLength = u32(bytes, 12);
    const nlohmann::json gltf = nlohmann::json::parse(bytes.begin() + 20, bytes.begin() + 20 + jsonLength);
    const std::size_t binAt = 20 + jsonLength;
    const std::vector<std::uint8_t> bin(bytes.begin() + static_cast<std::ptrdiff_t>(binAt + 8), bytes.end());

    ModelFile model;
    model.bytes = bytes.size();
    for (const auto& m : gltf["meshes"]) {
        const auto& prim = m["primitives"][0];
        spineviz::MeshData mesh;
        mesh.positions = accessor<glm::vec3>(gltf, bin, prim["attributes"]["POSITION"]);
        mesh.normals = accessor<glm::vec3>(gltf, bin, prim["attributes"]["NORMAL"]);
        const int indexAccessor = prim["indices"];
        if (gltf["accessors"][static_cast<std::size_t>(indexAccessor)]["componentType"] == 5123) {
            const auto small = accessor<std::uint16_t>(gltf, bin, indexAccessor);
            mesh.indices.assign(small.begin(), small.end());
        } else {
            mesh.indices = accessor<std::uint32_t>(gltf, bin, indexAccessor);
        }
        model.meshes.push_back(std::move(mesh));
    }
    const auto& nodes = gltf["nodes"];
    model.nodes.resize(nodes.size());
    // World transforms, walking down from the scene's roots.
    std::vector<std::pair<std::size_t, glm::mat4>> stack;
    for (const auto& root : gltf["scenes"][0]["nodes"]) stack.push_back({root.get<std::size_t>(), glm::mat4(1.0f)});
    while (!stack.empty()) {
        const auto [index, parent] = stack.back();
        stack.pop_back();
        const auto& n = nodes[index];
        ModelNode& out = model.nodes[index];
        out.name = n.value("name", "");
        out.world = parent * localTransform(n);
        out.mesh = n.value("mesh", -1);
        if (out.mesh >= 0) {
            const int material = gltf["meshes"][static_cast<std::size_t>(out.mesh)]["primitives"][0]["material"];
            out.material = gltf["materials"][static_cast<std::size_t>(material)]["name"];
        }
        if (n.contains("extras") && n["extras"].contains("spineviz")) out.extras = n["extras"]["spineviz"];
        for (const auto& c : n.value("children", nlohmann::json::array())) {
            out.children.push_back(nodes[c.get<std::size_t>()].value("name", ""));
            stack.push_back({c.get<std::size_t>(), out.world});
        }
    }
    return model;
}


glm::vec3 vec3Of(const nlohmann::json& j) { return glm::vec3(j[0].get<float>(), j[1].get<float>(), j[2].get<float>()); }

} // namespace spine_model_test
