#include "SpineModel.h"

#include "Landmarks.h"
#include "Layout.h"
#include "SurfaceMesher.h"
#include "VertebraShape.h"

#include "core/anatomy/ModelFormat.h"
#include "core/anatomy/SpineLevels.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace spine_model {
namespace fmt = spineviz::model_format;
namespace {

float envFloat(const char* name, float fallback) {
    const char* v = std::getenv(name);
    return v ? std::strtof(v, nullptr) : fallback;
}

enum MaterialIndex { kBone, kTrabecular, kAnnulus, kNucleus, kDural, kNerve };

std::vector<SceneMaterial> materials() {
    // Linear base colours; roughness as for wet, matte tissue.
    return {
        {fmt::kMaterialBone, {0.80f, 0.74f, 0.62f, 1.0f}, 0.0f, 0.65f},
        {fmt::kMaterialTrabecular, {0.62f, 0.34f, 0.26f, 1.0f}, 0.0f, 0.80f},
        {fmt::kMaterialAnnulus, {0.80f, 0.84f, 0.90f, 1.0f}, 0.0f, 0.55f},
        {fmt::kMaterialNucleus, {0.60f, 0.68f, 0.80f, 1.0f}, 0.0f, 0.40f},
        {fmt::kMaterialDuralSac, {0.93f, 0.86f, 0.58f, 1.0f}, 0.0f, 0.60f},
        {fmt::kMaterialNerve, {0.95f, 0.78f, 0.22f, 1.0f}, 0.0f, 0.60f},
    };
}

// Meshing quality per part: the bones get the finest sampling and tightest error.
MeshingOptions boneOuter() { return {envFloat("SM_CELL", 0.5f), envFloat("SM_ERR", 0.04f), 0}; }
MeshingOptions boneInner() { return {envFloat("SM_ICELL", 0.8f), envFloat("SM_IERR", 0.08f), 0}; }

class SceneBuilder {
public:
    explicit SceneBuilder(const BuildOptions& options) : options_(options) {
        scene_.materials = materials();
        layout_ = layoutSpine();
    }

    Scene build() {
        for (int i = 0; i < kLevelCount; ++i) addVertebra(i);
        if (options_.verbose) std::fprintf(stderr, "sacral slope %.1f deg\n", static_cast<double>(layout_.sacralSlopeDegrees));
        return std::move(scene_);
    }

private:
    bool wanted(const std::string& name) const {
        return options_.onlyNodes.empty() || std::find(options_.onlyNodes.begin(), options_.onlyNodes.end(), name) != options_.onlyNodes.end();
    }

    int addMesh(const std::string& name, spineviz::MeshData mesh, int material) {
        for (glm::vec3& p : mesh.positions) p *= 0.001f;
        scene_.meshes.push_back({name, std::move(mesh), material});
        return static_cast<int>(scene_.meshes.size() - 1);
    }

    int addNode(SceneNode node, bool root) {
        scene_.nodes.push_back(std::move(node));
        const int index = static_cast<int>(scene_.nodes.size() - 1);
        if (root) scene_.roots.push_back(index);
        return index;
    }

    static SceneNode posedNode(const std::string& name, const glm::mat4& pose) {
        SceneNode node;
        node.name = name;
        node.translation = glm::vec3(pose[3]) * 0.001f;
        node.rotation = glm::quat_cast(glm::mat3(pose));
        return node;
    }

    static nlohmann::json kindExtras(const char* kind) {
        return {{fmt::kExtrasRoot, {{fmt::kFormat, fmt::kVersion}, {fmt::kKind, kind}}}};
    }

    // Sockets for the rib heads and tubercles that meet this vertebra, in its frame.
    std::vector<Socket> costalSockets(int level) const {
        std::vector<Socket> sockets;
        const glm::mat4 toLocal = glm::inverse(layout_.vertebraPose[static_cast<std::size_t>(level)]);
        for (const RibAttachment& rib : layout_.ribs) {
            if (rib.vertebra == level || rib.upperVertebra == level)
                sockets.push_back({glm::vec3(toLocal * glm::vec4(rib.head, 1.0f)), rib.headRadius + 0.8f});
            if (rib.vertebra == level && rib.hasTubercle)
                sockets.push_back({glm::vec3(toLocal * glm::vec4(rib.tubercle, 1.0f)), rib.tubercleRadius + 0.8f});
        }
        return sockets;
    }

    std::array<FacetJoint, 2> localJoints(int jointIndex, const glm::mat4& pose) const {
        const glm::mat4 toLocal = glm::inverse(pose);
        const auto& j = layout_.joints[static_cast<std::size_t>(jointIndex)];
        return {transformJoint(j[0], toLocal), transformJoint(j[1], toLocal)};
    }

    void addVertebra(int i) {
        const std::string level(spineviz::kVertebraLevels[static_cast<std::size_t>(i)]);
        const std::string name = spineviz::vertebraNodeName(level);
        if (!wanted(name)) return;
        const auto started = std::chrono::steady_clock::now();
        const glm::mat4& pose = layout_.vertebraPose[static_cast<std::size_t>(i)];
        const VertebraGeometry& g = layout_.vertebrae[static_cast<std::size_t>(i)];
        const VertebraShape shape(g, localJoints(i, pose), localJoints(i + 1, pose), costalSockets(i));
        const Field bone = [&shape](const glm::vec3& p) { return shape.distance(p); };
        const Field body = [&shape](const glm::vec3& p) { return shape.bodyDistance(p); };
        std::vector<spineviz::MeshData> meshes = meshField(name, bone, shape.bounds(), {{0.0f, boneOuter()}});
        meshes.push_back(meshField(name + "_trabecular", bone, shape.bounds(), {{-g.corticalThickness, boneInner()}}).front());

        SceneNode node = posedNode(name, pose);
        node.extras = vertebraExtras(level, fmt::kKindVertebra, bone, body, shape.body(), &g, g.corticalThickness);
        node.mesh = addMesh(name, std::move(meshes[0]), kBone);
        SceneNode inner;
        inner.name = name + "_trabecular";
        inner.mesh = addMesh(inner.name, std::move(meshes[1]), kTrabecular);
        inner.extras = kindExtras(fmt::kKindTrabecular);
        node.children.push_back(addNode(std::move(inner), false));
        report(name, started);
        addNode(std::move(node), true);
    }

    void report(const std::string& name, std::chrono::steady_clock::time_point started) const {
        if (!options_.verbose) return;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::size_t triangles = 0;
        for (const SceneMesh& m : scene_.meshes) triangles += m.mesh.triangleCount();
        std::fprintf(stderr, "%-16s %6.2f s  (model so far: %zu triangles)\n", name.c_str(), seconds, triangles);
    }

    BuildOptions options_;
    SpineLayout layout_;
    Scene scene_;
};

} // namespace

Scene buildSpineScene(const BuildOptions& options) { return SceneBuilder(options).build(); }

} // namespace spine_model
