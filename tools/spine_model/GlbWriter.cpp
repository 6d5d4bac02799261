#include "GlbWriter.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace spine_model {
namespace {

constexpr std::uint32_t kArrayBuffer = 34962, kElementArrayBuffer = 34963;
constexpr std::uint32_t kFloat = 5126, kUnsignedShort = 5123, kUnsignedInt = 5125;

class BinaryBuilder {
public:
    // Appends raw bytes as a new buffer view (4-byte aligned) and returns its index.
    int addView(const void* data, std::size_t size, std::uint32_t target, nlohmann::json& views) {
        while (bytes_.size() % 4) bytes_.push_back(0);
        const std::size_t offset = bytes_.size();
        bytes_.resize(offset + size);
        std::memcpy(bytes_.data() + offset, data, size);
        views.push_back({{"buffer", 0}, {"byteOffset", offset}, {"byteLength", size}, {"target", target}});
        return static_cast<int>(views.size() - 1);
    }
    std::vector<std::uint8_t>& bytes() { return bytes_; }

private:
    std::vector<std::uint8_t> bytes_;
};

nlohmann::json vecJson(const glm::vec3& v) { return {static_cast<double>(v.x), static_cast<double>(v.y), static_cast<double>(v.z)}; }

nlohmann::json materialJson(const SceneMaterial& m) {
    return {{"name", m.name},
            {"pbrMetallicRoughness",
             {{"baseColorFactor", {m.baseColour.x, m.baseColour.y, m.baseColour.z, m.baseColour.w}},
              {"metallicFactor", m.metallic},
              {"roughnessFactor", m.roughness}}}};
}

nlohmann::json meshJson(const SceneMesh& sm, BinaryBuilder& bin, nlohmann::json& views, nlohmann::json& accessors) {
    const spineviz::MeshData& mesh = sm.mesh;
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
    for (const glm::vec3& p : mesh.positions) lo = glm::min(lo, p), hi = glm::max(hi, p);
    const std::size_t n = mesh.positions.size();
    const int posView = bin.addView(mesh.positions.data(), n * sizeof(glm::vec3), kArrayBuffer, views);
    accessors.push_back({{"bufferView", posView}, {"componentType", kFloat}, {"count", n}, {"type", "VEC3"},
                         {"min", vecJson(lo)}, {"max", vecJson(hi)}});
    const int posAccessor = static_cast<int>(accessors.size() - 1);
    const int normalView = bin.addView(mesh.normals.data(), n * sizeof(glm::vec3), kArrayBuffer, views);
    accessors.push_back({{"bufferView", normalView}, {"componentType", kFloat}, {"count", n}, {"type", "VEC3"}});
    const int normalAccessor = static_cast<int>(accessors.size() - 1);

    int indexView = 0;
    std::uint32_t indexType = kUnsignedInt;
    if (n < 65536) {
        std::vector<std::uint16_t> small(mesh.indices.begin(), mesh.indices.end());
        indexView = bin.addView(small.data(), small.size() * sizeof(std::uint16_t), kElementArrayBuffer, views);
        indexType = kUnsignedShort;
    } else {
        indexView = bin.addView(mesh.indices.data(), mesh.indices.size() * sizeof(std::uint32_t), kElementArrayBuffer, views);
    }
    accessors.push_back({{"bufferView", indexView}, {"componentType", indexType}, {"count", mesh.indices.size()}, {"type", "SCALAR"}});
    const int indexAccessor = static_cast<int>(accessors.size() - 1);
    return {{"name", sm.name},
            {"primitives",
             {{{"attributes", {{"POSITION", posAccessor}, {"NORMAL", normalAccessor}}},
               {"indices", indexAccessor},
               {"material", sm.material},
               {"mode", 4}}}}};
}

nlohmann::json nodeJson(const SceneNode& node) {
    nlohmann::json j = {{"name", node.name}};
    if (node.translation != glm::vec3(0.0f)) j["translation"] = vecJson(node.translation);
    const glm::quat q = glm::normalize(node.rotation);
    if (q != glm::quat(1.0f, 0.0f, 0.0f, 0.0f)) j["rotation"] = {q.x, q.y, q.z, q.w};
    if (node.mesh >= 0) j["mesh"] = node.mesh;
    if (!node.children.empty()) j["children"] = node.children;
    if (!node.extras.is_null()) j["extras"] = node.extras;
    return j;
}

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

} // namespace

std::vector<std::uint8_t> encodeGlb(const Scene& scene) {
    BinaryBuilder bin;
    nlohmann::json views = nlohmann::json::array(), accessors = nlohmann::json::array(), meshes = nlohmann::json::array();
    for (const SceneMesh& m : scene.meshes) meshes.push_back(meshJson(m, bin, views, accessors));
    nlohmann::json materials = nlohmann::json::array(), nodes = nlohmann::json::array();
    for (const SceneMaterial& m : scene.materials) materials.push_back(materialJson(m));
    for (const SceneNode& n : scene.nodes) nodes.push_back(nodeJson(n));
    while (bin.bytes().size() % 4) bin.bytes().push_back(0);

    const nlohmann::json gltf = {{"asset", {{"version", "2.0"}, {"generator", "spineviz spine_model"}}},
                                 {"scene", 0},
                                 {"scenes", {{{"name", "spine"}, {"nodes", scene.roots}}}},
                                 {"nodes", nodes},
                                 {"meshes", meshes},
                                 {"materials", materials},
                                 {"accessors", accessors},
                                 {"bufferViews", views},
                                 {"buffers", {{{"byteLength", bin.bytes().size()}}}}};
    std::string text = gltf.dump();
    while (text.size() % 4) text.push_back(' ');

    std::vector<std::uint8_t> out;
    const std::size_t total = 12 + 8 + text.size() + 8 + bin.bytes().size();
    appendU32(out, 0x46546C67u); // "glTF"
    appendU32(out, 2);
    appendU32(out, static_cast<std::uint32_t>(total));
    appendU32(out, static_cast<std::uint32_t>(text.size()));
    appendU32(out, 0x4E4F534Au); // "JSON"
    out.insert(out.end(), text.begin(), text.end());
    appendU32(out, static_cast<std::uint32_t>(bin.bytes().size()));
    appendU32(out, 0x004E4942u); // "BIN\0"
    out.insert(out.end(), bin.bytes().begin(), bin.bytes().end());
    return out;
}

void writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    const std::string temp = path + ".tmp";
    {
        std::ofstream file(temp, std::ios::binary | std::ios::trunc);
        if (!file) throw std::runtime_error("cannot open " + temp + " for writing");
        file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        file.flush();
        if (!file) {
            std::remove(temp.c_str());
            throw std::runtime_error("failed writing " + temp);
        }
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        std::remove(temp.c_str());
        throw std::runtime_error("cannot rename " + temp + " to " + path);
    }
}

} // namespace spine_model
