#include "core/scene/GltfConvert.h"

#include "core/mesh/MeshNormals.h"
#include "core/scene/GltfAccessors.h"

#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/gtx/transform.hpp>

#include <cmath>
#include <map>

namespace spineviz::gltf {
namespace {

// Converts to float first: 1e300 is finite as a double and infinite as a float.
template <std::size_t N>
bool toFloats(const std::vector<double>& values, float (&out)[N]) {
    if (values.size() != N) return false;
    for (std::size_t i = 0; i < N; ++i) {
        out[i] = static_cast<float>(values[i]);
        if (!std::isfinite(out[i])) return false;
    }
    return true;
}

bool finite(const glm::mat4& m) {
    for (int i = 0; i < 16; ++i)
        if (!std::isfinite(glm::value_ptr(m)[i])) return false;
    return true;
}

bool nodeTransform(const tinygltf::Node& node, int index, glm::mat4& out, std::string& error) {
    const auto bad = [&](const char* what) {
        error = "nodes[" + std::to_string(index) + "]." + what + " is malformed or not finite";
        return false;
    };
    if (!node.matrix.empty()) {
        float m[16];
        if (!toFloats(node.matrix, m)) return bad("matrix");
        out = glm::make_mat4(m);
        return true;
    }
    float t[3] = {0, 0, 0}, s[3] = {1, 1, 1}, q[4] = {0, 0, 0, 1};
    if (!node.translation.empty() && !toFloats(node.translation, t)) return bad("translation");
    if (!node.rotation.empty() && !toFloats(node.rotation, q)) return bad("rotation");
    if (!node.scale.empty() && !toFloats(node.scale, s)) return bad("scale");
    glm::quat r(q[3], q[0], q[1], q[2]);
    const float length = glm::length(r);
    r = length > 0.0f && std::isfinite(length) ? r / length : glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
    out = glm::translate(glm::make_vec3(t)) * glm::mat4_cast(r) * glm::scale(glm::make_vec3(s));
    if (!finite(out)) return bad("transform");
    return true;
}

bool allFinite(const std::vector<double>& values) {
    for (double v : values)
        if (!std::isfinite(static_cast<float>(v))) return false;
    return true;
}

// tinygltf::Value to JSON. Depth is bounded by the loader's pre-check, so recursion is safe.
nlohmann::json toJson(const tinygltf::Value& value) {
    switch (value.Type()) {
    case tinygltf::BOOL_TYPE: return value.Get<bool>();
    case tinygltf::INT_TYPE: return value.Get<int>();
    case tinygltf::REAL_TYPE: return value.Get<double>();
    case tinygltf::STRING_TYPE: return value.Get<std::string>();
    case tinygltf::ARRAY_TYPE: {
        nlohmann::json array = nlohmann::json::array();
        for (std::size_t i = 0; i < value.ArrayLen(); ++i) array.push_back(toJson(value.Get(static_cast<int>(i))));
        return array;
    }
    case tinygltf::OBJECT_TYPE: {
        nlohmann::json object = nlohmann::json::object();
        for (const std::string& key : value.Keys()) object[key] = toJson(value.Get(key));
        return object;
    }
    default: return nullptr;
    }
}

// Triangle-list indices for any triangle topology; other topologies give an empty list.
std::vector<std::uint32_t> triangulate(int mode, const std::vector<std::uint32_t>& in) {
    std::vector<std::uint32_t> out;
    if (mode == TINYGLTF_MODE_TRIANGLES) {
        out.assign(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(in.size() - in.size() % 3));
    } else if (mode == TINYGLTF_MODE_TRIANGLE_STRIP) {
        for (std::size_t i = 2; i < in.size(); ++i) {
            const bool odd = i % 2 == 1; // keep winding consistent along the strip
            out.insert(out.end(), {in[i - 2], odd ? in[i] : in[i - 1], odd ? in[i - 1] : in[i]});
        }
    } else if (mode == TINYGLTF_MODE_TRIANGLE_FAN) {
        for (std::size_t i = 2; i < in.size(); ++i) out.insert(out.end(), {in[0], in[i - 1], in[i]});
    }
    return out;
}

bool toVec3s(const std::vector<float>& flat, std::vector<glm::vec3>& out) {
    out.resize(flat.size() / 3);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = glm::vec3(flat[3 * i], flat[3 * i + 1], flat[3 * i + 2]);
        if (!std::isfinite(out[i].x) || !std::isfinite(out[i].y) || !std::isfinite(out[i].z)) return false;
    }
    return true;
}

bool convertPrimitive(const tinygltf::Model& model, const tinygltf::Primitive& in, Primitive& out, std::string& error) {
    const auto attribute = [&](const char* name) {
        const auto it = in.attributes.find(name);
        return it == in.attributes.end() ? -1 : it->second;
    };
    const int positionAccessor = attribute("POSITION");
    if (positionAccessor < 0) {
        error = "a primitive has no POSITION attribute";
        return false;
    }
    std::vector<float> flat;
    if (!readFloats(model, positionAccessor, 3, flat, error)) return false;
    if (!toVec3s(flat, out.mesh.positions)) {
        error = "accessor " + std::to_string(positionAccessor) + " holds non-finite positions";
        return false;
    }
    const std::size_t vertexCount = out.mesh.positions.size();

    std::vector<std::uint32_t> indices;
    if (in.indices >= 0) {
        if (!readIndices(model, in.indices, indices, error)) return false;
        for (std::uint32_t index : indices)
            if (index >= vertexCount) {
                error = "index accessor " + std::to_string(in.indices) + " points past the last vertex";
                return false;
            }
    } else {
        indices.resize(vertexCount);
        for (std::size_t i = 0; i < vertexCount; ++i) indices[i] = static_cast<std::uint32_t>(i);
    }
    out.mesh.indices = triangulate(in.mode, indices);

    const int normalAccessor = attribute("NORMAL");
    if (normalAccessor >= 0) {
        if (!readFloats(model, normalAccessor, 3, flat, error)) return false;
        if (flat.size() != vertexCount * 3 || !toVec3s(flat, out.mesh.normals)) {
            error = "accessor " + std::to_string(normalAccessor) + " does not hold one finite normal per vertex";
            return false;
        }
    } else {
        computeVertexNormals(out.mesh);
    }
    const int uvAccessor = attribute("TEXCOORD_0");
    if (uvAccessor >= 0) {
        if (!readFloats(model, uvAccessor, 2, flat, error)) return false;
        if (flat.size() != vertexCount * 2) {
            error = "accessor " + std::to_string(uvAccessor) + " does not hold one texture coordinate per vertex";
            return false;
        }
        out.mesh.texcoords.resize(vertexCount);
        for (std::size_t i = 0; i < vertexCount; ++i) out.mesh.texcoords[i] = glm::vec2(flat[2 * i], flat[2 * i + 1]);
    }
    for (const glm::vec3& p : out.mesh.positions) out.bounds.extend(p);
    out.material = in.material >= 0 && in.material < static_cast<int>(model.materials.size()) ? in.material : -1;
    return true;
}

Material convertMaterial(const tinygltf::Model& model, const std::vector<int>& imageSlots, const tinygltf::Material& in) {
    Material out;
    out.name = in.name;
    const auto& pbr = in.pbrMetallicRoughness;
    if (pbr.baseColorFactor.size() == 4 && allFinite(pbr.baseColorFactor))
        out.baseColorFactor = glm::vec4(pbr.baseColorFactor[0], pbr.baseColorFactor[1], pbr.baseColorFactor[2],
                                        pbr.baseColorFactor[3]);
    out.metallic = std::isfinite(static_cast<float>(pbr.metallicFactor)) ? static_cast<float>(pbr.metallicFactor) : 1.0f;
    out.roughness = std::isfinite(static_cast<float>(pbr.roughnessFactor)) ? static_cast<float>(pbr.roughnessFactor) : 1.0f;
    const int texture = pbr.baseColorTexture.index;
    if (texture >= 0 && texture < static_cast<int>(model.textures.size())) {
        const int source = model.textures[texture].source;
        if (source >= 0 && source < static_cast<int>(imageSlots.size())) out.baseColorImage = imageSlots[source];
    }
    out.alphaMode = in.alphaMode == "BLEND" ? AlphaMode::Blend : in.alphaMode == "MASK" ? AlphaMode::Mask : AlphaMode::Opaque;
    out.doubleSided = in.doubleSided;
    return out;
}

// Roots of the displayed scene: the default scene, else the first, else every parentless node.
std::vector<int> sceneRoots(const tinygltf::Model& model) {
    if (!model.scenes.empty()) {
        const int s = model.defaultScene >= 0 && model.defaultScene < static_cast<int>(model.scenes.size())
                          ? model.defaultScene : 0;
        return model.scenes[s].nodes;
    }
    std::vector<bool> isChild(model.nodes.size(), false);
    for (const tinygltf::Node& node : model.nodes)
        for (int child : node.children)
            if (child >= 0 && child < static_cast<int>(isChild.size())) isChild[child] = true;
    std::vector<int> roots;
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
        if (!isChild[i]) roots.push_back(static_cast<int>(i));
    return roots;
}

class Converter {
public:
    Converter(const tinygltf::Model& model, const std::vector<int>& imageSlots, Scene& scene)
        : model_(model), imageSlots_(imageSlots), scene_(scene) {}

    bool run(std::string& error) {
        visited_.assign(model_.nodes.size(), false);
        for (const tinygltf::Material& material : model_.materials)
            scene_.materials.push_back(convertMaterial(model_, imageSlots_, material));
        for (int root : sceneRoots(model_)) {
            int index = -1;
            if (!addNode(root, -1, index, error)) return false;
            scene_.roots.push_back(index);
        }
        return true;
    }

private:
    // Adds a glTF node and its subtree without recursion (a hostile file may nest deeply).
    bool addNode(int gltfRoot, int parentRoot, int& rootIndex, std::string& error) {
        std::vector<std::pair<int, int>> pending{{gltfRoot, parentRoot}};
        rootIndex = -1;
        while (!pending.empty()) {
            const auto [gltfIndex, parent] = pending.back();
            pending.pop_back();
            if (gltfIndex < 0 || gltfIndex >= static_cast<int>(model_.nodes.size())) {
                error = "a scene refers to missing node " + std::to_string(gltfIndex);
                return false;
            }
            if (visited_[gltfIndex]) {
                error = "node " + std::to_string(gltfIndex) + " appears twice in the node tree (a cycle or shared child)";
                return false;
            }
            visited_[gltfIndex] = true;
            const tinygltf::Node& in = model_.nodes[gltfIndex];
            Node node;
            node.name = in.name;
            node.parent = parent;
            node.sourceIndex = gltfIndex;
            if (!nodeTransform(in, gltfIndex, node.local, error)) return false;
            if (in.extras.Type() != tinygltf::NULL_TYPE) node.extras = toJson(in.extras);
            if (in.mesh >= 0 && !meshFor(in.mesh, node.mesh, error)) return false;
            const int index = static_cast<int>(scene_.nodes.size());
            scene_.nodes.push_back(std::move(node));
            if (parent >= 0) scene_.nodes[parent].children.push_back(index);
            if (rootIndex < 0) rootIndex = index;
            for (auto it = in.children.rbegin(); it != in.children.rend(); ++it) pending.emplace_back(*it, index);
        }
        return true;
    }

    bool meshFor(int gltfMesh, int& meshIndex, std::string& error) {
        if (gltfMesh >= static_cast<int>(model_.meshes.size())) {
            error = "a node refers to missing mesh " + std::to_string(gltfMesh);
            return false;
        }
        const auto known = meshMap_.find(gltfMesh);
        if (known != meshMap_.end()) {
            meshIndex = known->second;
            return true;
        }
        Mesh mesh;
        mesh.name = model_.meshes[gltfMesh].name;
        for (const tinygltf::Primitive& in : model_.meshes[gltfMesh].primitives) {
            Primitive primitive;
            if (!convertPrimitive(model_, in, primitive, error)) {
                error = "mesh '" + mesh.name + "': " + error;
                return false;
            }
            if (!primitive.mesh.empty()) mesh.primitives.push_back(std::move(primitive));
        }
        meshIndex = static_cast<int>(scene_.meshes.size());
        meshMap_.emplace(gltfMesh, meshIndex);
        scene_.meshes.push_back(std::move(mesh));
        return true;
    }

    const tinygltf::Model& model_;
    const std::vector<int>& imageSlots_;
    Scene& scene_;
    std::vector<bool> visited_;
    std::map<int, int> meshMap_;
};

} // namespace

bool convertModel(const tinygltf::Model& model, const std::vector<int>& imageSlots, Scene& scene, std::string& error) {
    return Converter(model, imageSlots, scene).run(error);
}

} // namespace spineviz::gltf
