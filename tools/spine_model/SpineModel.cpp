#include "SpineModel.h"

#include "Landmarks.h"
#include "Layout.h"
#include "SurfaceMesher.h"
#include "DiscShape.h"
#include "NeuralShape.h"
#include "SacrumShape.h"
#include "VertebraShape.h"

#include "core/anatomy/ModelFormat.h"
#include "core/anatomy/SpineLevels.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace spine_model {
namespace fmt = spineviz::model_format;
namespace {

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
MeshingOptions boneOuter() { return {0.5f, 0.05f, 0}; }
MeshingOptions boneInner() { return {0.8f, 0.1f, 0}; }
MeshingOptions discOuter() { return {0.5f, 0.08f, 0}; }
MeshingOptions nucleusSurface() { return {0.7f, 0.1f, 0}; }
MeshingOptions cordSurface() { return {0.6f, 0.06f, 0}; }
MeshingOptions caudaSurface() { return {0.5f, 0.08f, 0}; }

class SceneBuilder {
public:
    explicit SceneBuilder(const BuildOptions& options) : options_(options) {
        scene_.materials = materials();
        layout_ = layoutSpine();
    }

    Scene build() {
        for (int i = 0; i < kLevelCount; ++i) addVertebra(i);
        addSacrum();
        for (int i = 0; i < kLevelCount; ++i) addDisc(i);
        addNeural();
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
        SceneNode node = posedNode(name, pose);
        node.extras = vertebraExtras(level, fmt::kKindVertebra, bone, body, shape.body(), &g, g.corticalThickness);
        addBoneMeshes(node, bone, shape.bounds(), g.corticalThickness);
        report(name, started);
        addNode(std::move(node), true);
    }

    void addSacrum() {
        const std::string name = "sacrum";
        if (!wanted(name)) return;
        const auto started = std::chrono::steady_clock::now();
        const glm::mat4& pose = layout_.sacrumPose;
        const std::array<glm::vec3, 2> anchors = {layout_.sacrum.jointAnchor[0], layout_.sacrum.jointAnchor[1]};
        const SacrumShape shape(layout_.sacrum.body, localJoints(kLevelCount, pose), anchors);
        const Field bone = [&shape](const glm::vec3& p) { return shape.distance(p); };
        const Field body = [&shape](const glm::vec3& p) { return shape.bodyDistance(p); };
        const float cortical = levelTable().back().corticalThickness;
        SceneNode node = posedNode(name, pose);
        node.extras = vertebraExtras("S1", fmt::kKindSacrum, bone, body, shape.body(), nullptr, cortical);
        addBoneMeshes(node, bone, shape.bounds(), cortical);
        report(name, started);
        addNode(std::move(node), true);
    }

    // The outer surface on the node itself and the trabecular surface on a child.
    void addBoneMeshes(SceneNode& node, const Field& bone, const Box& bounds, float cortical) {
        const std::string& name = node.name;
        node.mesh = addMesh(name, meshField(name, bone, bounds, {{0.0f, boneOuter()}}).front(), kBone);
        SceneNode inner;
        inner.name = name + "_trabecular";
        inner.mesh = addMesh(inner.name, meshField(inner.name, bone, bounds, {{-cortical, boneInner()}}).front(), kTrabecular);
        inner.extras = kindExtras(fmt::kKindTrabecular);
        node.children.push_back(addNode(std::move(inner), false));
    }

    void addDisc(int i) {
        const std::string upper(spineviz::kVertebraLevels[static_cast<std::size_t>(i)]);
        const std::string lower = i + 1 < kLevelCount ? std::string(spineviz::kVertebraLevels[static_cast<std::size_t>(i + 1)]) : "S1";
        const std::string name = spineviz::discNodeName(upper, lower);
        if (!wanted(name)) return;
        const auto started = std::chrono::steady_clock::now();
        const glm::mat4& pose = layout_.discPose[static_cast<std::size_t>(i)];
        const BodyShape upperBody(bodyParamsOf(layout_, i)), lowerBody(bodyParamsOf(layout_, i + 1));
        const DiscShape disc(upperBody, glm::inverse(bonePose(layout_, i)) * pose, lowerBody, glm::inverse(bonePose(layout_, i + 1)) * pose,
                             layout_.discPlaneGap[static_cast<std::size_t>(i)]);
        const Box box{-disc.halfExtent(), disc.halfExtent()};
        const Field annulus = [&disc](const glm::vec3& p) { return disc.annulus(p); };
        const Field nucleus = [&disc](const glm::vec3& p) { return disc.nucleus(p); };
        SceneNode node = posedNode(name, pose);
        node.extras = {{fmt::kExtrasRoot, {{fmt::kFormat, fmt::kVersion}, {fmt::kKind, fmt::kKindDisc}, {fmt::kUpper, upper}, {fmt::kLower, lower}}}};
        node.mesh = addMesh(name, meshField(name, annulus, box, {{0.0f, discOuter()}}).front(), kAnnulus);
        SceneNode inner;
        inner.name = name + "_nucleus";
        inner.mesh = addMesh(inner.name, meshField(inner.name, nucleus, box, {{0.0f, nucleusSurface()}}).front(), kNucleus);
        inner.extras = kindExtras(fmt::kKindNucleus);
        node.children.push_back(addNode(std::move(inner), false));
        report(name, started);
        addNode(std::move(node), true);
    }

    void addNeural() {
        const NeuralShape neural(layout_);
        if (wanted("spinal_cord")) {
            const Field cord = [&neural](const glm::vec3& p) { return neural.cord(p); };
            SceneNode node;
            node.name = "spinal_cord";
            node.mesh = addMesh(node.name, meshField(node.name, cord, neural.cordBounds(), {{0.0f, cordSurface()}}).front(), kDural);
            node.extras = kindExtras(fmt::kKindDuralSac);
            addNode(std::move(node), true);
        }
        if (wanted("cauda_equina")) {
            const Field cauda = [&neural](const glm::vec3& p) { return neural.caudaEquina(p); };
            SceneNode node;
            node.name = "cauda_equina";
            node.mesh = addMesh(node.name, meshField(node.name, cauda, neural.caudaBounds(), {{0.0f, caudaSurface()}}).front(), kNerve);
            node.extras = kindExtras(fmt::kKindCaudaEquina);
            addNode(std::move(node), true);
        }
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
