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

std::vector<float> rayHits(const spineviz::MeshData& mesh, const glm::vec3& origin, const glm::vec3& dir) {
    std::vector<float> hits;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]], c = mesh.positions[mesh.indices[t + 2]];
        const glm::vec3 e1 = b - a, e2 = c - a, p = glm::cross(dir, e2);
        const float det = glm::dot(e1, p);
        if (std::abs(det) < 1e-14f) continue;
        const glm::vec3 s = origin - a;
        const float u = glm::dot(s, p) / det;
        if (u < 0.0f || u > 1.0f) continue;
        const glm::vec3 q = glm::cross(s, e1);
        const float v = glm::dot(dir, q) / det;
        if (v < 0.0f || u + v > 1.0f) continue;
        const float d = glm::dot(e2, q) / det;
        if (d > 0.0f) hits.push_back(d);
    }
    std::sort(hits.begin(), hits.end());
    return hits;
}

bool insideMesh(const spineviz::MeshData& mesh, const glm::vec3& p) {
    // Parity along a slightly skewed direction (so rays do not graze shared edges), majority of three.
    const glm::vec3 dirs[3] = {glm::normalize(glm::vec3(0.123f, 0.981f, 0.071f)), glm::normalize(glm::vec3(0.97f, -0.11f, 0.21f)),
                               glm::normalize(glm::vec3(-0.05f, 0.2f, -0.98f))};
    int votes = 0;
    for (const glm::vec3& d : dirs) votes += rayHits(mesh, p, d).size() % 2 == 1;
    return votes >= 2;
}

float distanceToMesh(const spineviz::MeshData& mesh, const glm::vec3& p) {
    float best = 1e30f;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]], c = mesh.positions[mesh.indices[t + 2]];
        // Closest point on triangle (Ericson, Real-Time Collision Detection 5.1.5).
        const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
        const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
        glm::vec3 q;
        if (d1 <= 0 && d2 <= 0) q = a;
        else {
            const glm::vec3 bp = p - b;
            const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
            const glm::vec3 cp = p - c;
            const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
            const float vc = d1 * d4 - d3 * d2, vb = d5 * d2 - d1 * d6, va = d3 * d6 - d5 * d4;
            if (d3 >= 0 && d4 <= d3) q = b;
            else if (d6 >= 0 && d5 <= d6) q = c;
            else if (vc <= 0 && d1 >= 0 && d3 <= 0) q = a + ab * (d1 / (d1 - d3));
            else if (vb <= 0 && d2 >= 0 && d6 <= 0) q = a + ac * (d2 / (d2 - d6));
            else if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) q = b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
            else {
                const float denom = 1.0f / (va + vb + vc);
                q = a + ab * (vb * denom) + ac * (vc * denom);
            }
        }
        best = std::min(best, glm::distance(p, q));
    }
    return best;
}

glm::vec3 vec3Of(const nlohmann::json& j) { return glm::vec3(j[0].get<float>(), j[1].get<float>(), j[2].get<float>()); }

} // namespace spine_model_test
