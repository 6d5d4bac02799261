#include "core/procedure/SpinePose.h"

#include "core/anatomy/SpineLevels.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_inverse.hpp>

namespace spineviz {
namespace {

constexpr float kBoundsSlack = 0.001f; // metres a node may dip across an endplate and still count as above/below

// Node bounds (its own geometry and its descendants') in the treated anatomical frame.
Aabb anatomicalBounds(const Scene& scene, const std::vector<glm::mat4>& world, int node, const glm::mat4& toAnatomical) {
    Aabb box;
    std::vector<int> nodes = descendantsOf(scene, node);
    nodes.push_back(node);
    for (int n : nodes) {
        if (scene.nodes[n].mesh < 0) continue;
        for (const Primitive& primitive : scene.meshes[scene.nodes[n].mesh].primitives)
            box.extend(primitive.bounds.transformed(toAnatomical * world[n]));
    }
    return box;
}

float discHeight(const SpineAnatomy& anatomy, const std::vector<glm::mat4>& world, const std::string& a,
                 const std::string& b, const glm::mat4& toAnatomical, bool above) {
    const VertebraNode* neighbour = anatomy.vertebra(above ? a : b);
    const VertebraNode* treated = anatomy.vertebra(above ? b : a);
    if (!neighbour || !treated) return 0.008f; // no neighbour in the model: a typical disc height
    const Endplate& far = above ? neighbour->landmarks.inferiorEndplate : neighbour->landmarks.superiorEndplate;
    const Endplate& near = above ? treated->landmarks.superiorEndplate : treated->landmarks.inferiorEndplate;
    const float farY = (toAnatomical * world[neighbour->node] * glm::vec4(far.centre, 1.0f)).y;
    const float nearY = (toAnatomical * world[treated->node] * glm::vec4(near.centre, 1.0f)).y;
    return std::max(0.002f, std::abs(farY - nearY));
}

} // namespace

SpinePose::SpinePose(const Scene& scene, const SpineAnatomy& anatomy, const std::string& level)
    : regions_(scene.nodes.size(), PoseRegion::Below) {
    const VertebraNode* treated = anatomy.vertebra(level);
    if (!treated) return;
    const std::vector<glm::mat4> world = scene.worldTransforms();
    anatomicalToWorld_ = world[treated->node] * treated->landmarks.anatomicalToLocal();
    worldToAnatomical_ = glm::inverse(anatomicalToWorld_);
    frame_ = BodyFrame::fromLandmarks(treated->landmarks);
    const int treatedIndex = *levelIndex(level);
    const auto levelAbove = treatedIndex > 0 ? std::string(kVertebraLevels[treatedIndex - 1]) : std::string();
    const auto levelBelow = treatedIndex + 1 < static_cast<int>(kVertebraLevels.size()) ? std::string(kVertebraLevels[treatedIndex + 1]) : "S1";
    frame_.discAboveHeight = discHeight(anatomy, world, levelAbove, level, worldToAnatomical_, true);
    frame_.discBelowHeight = discHeight(anatomy, world, level, levelBelow, worldToAnatomical_, false);

    std::vector<bool> assigned(scene.nodes.size(), false);
    const auto assign = [&](int node, const std::vector<int>& descendants, PoseRegion region) {
        regions_[node] = region;
        assigned[node] = true;
        for (int d : descendants) {
            regions_[d] = region;
            assigned[d] = true;
        }
    };
    for (const VertebraNode& v : anatomy.vertebrae()) {
        const int index = *levelIndex(v.level);
        assign(v.node, v.descendants, index < treatedIndex ? PoseRegion::Above : index > treatedIndex ? PoseRegion::Below : PoseRegion::Treated);
    }
    for (const DiscNode& d : anatomy.discs()) {
        PoseRegion region = PoseRegion::Below;
        if (d.lower == level) region = PoseRegion::DiscAbove;
        else if (d.upper == level) region = PoseRegion::DiscBelow;
        else if (const auto upper = levelIndex(d.upper); upper && *upper < treatedIndex) region = PoseRegion::Above;
        assign(d.node, d.descendants, region);
    }
    // Anything else (cord, roots, ribs, sacrum, user geometry) by where its geometry lies.
    for (int n = 0; n < static_cast<int>(scene.nodes.size()); ++n) {
        if (assigned[n]) continue;
        const Aabb box = anatomicalBounds(scene, world, n, worldToAnatomical_);
        if (box.empty()) continue; // a transform-only node: its children are judged on their own
        if (box.min.y >= frame_.superiorY - kBoundsSlack) regions_[n] = PoseRegion::Above;
        else if (box.max.y <= frame_.inferiorY + kBoundsSlack) regions_[n] = PoseRegion::Below;
        else regions_[n] = PoseRegion::Straddling;
    }
}

glm::mat4 SpinePose::aboveWorld(const BodyDeformation& deformation) const {
    return anatomicalToWorld_ * deformation.above() * worldToAnatomical_;
}

glm::vec3 SpinePose::deformWorld(const glm::vec3& world, PoseRegion region, const BodyDeformation& deformation) const {
    const glm::vec3 a(worldToAnatomical_ * glm::vec4(world, 1.0f));
    glm::vec3 moved = a;
    switch (region) {
    case PoseRegion::Below: break;
    case PoseRegion::Above: moved = glm::vec3(deformation.above() * glm::vec4(a, 1.0f)); break;
    case PoseRegion::Treated: moved = deformation.treated(a); break;
    case PoseRegion::DiscAbove: moved = deformation.discAbove(a); break;
    case PoseRegion::DiscBelow: moved = deformation.discBelow(a); break;
    case PoseRegion::Straddling: moved = deformation.straddling(a); break;
    }
    return glm::vec3(anatomicalToWorld_ * glm::vec4(moved, 1.0f));
}

void SpinePose::deformMesh(const MeshData& in, const glm::mat4& nodeWorld, PoseRegion region,
                           const BodyDeformation& deformation, MeshData& out) const {
    out.indices = in.indices;
    out.texcoords = in.texcoords;
    out.positions.resize(in.positions.size());
    out.normals.resize(in.normals.size());
    const glm::mat4 worldToNode = glm::inverse(nodeWorld);
    const glm::mat3 normalToWorld = glm::inverseTranspose(glm::mat3(nodeWorld));
    const glm::mat3 normalToNode = glm::inverseTranspose(glm::mat3(worldToNode));
    constexpr float h = 2e-4f; // metres: finite-difference step for the map's Jacobian
    for (std::size_t i = 0; i < in.positions.size(); ++i) {
        const glm::vec3 p(nodeWorld * glm::vec4(in.positions[i], 1.0f));
        const glm::vec3 q = deformWorld(p, region, deformation);
        out.positions[i] = glm::vec3(worldToNode * glm::vec4(q, 1.0f));
        if (i >= in.normals.size()) continue;
        // Normals transform by the inverse transpose of the local Jacobian of the map.
        glm::mat3 jacobian;
        for (int axis = 0; axis < 3; ++axis) {
            glm::vec3 step(0.0f);
            step[axis] = h;
            jacobian[axis] = (deformWorld(p + step, region, deformation) - q) / h;
        }
        const glm::vec3 n = glm::inverseTranspose(jacobian) * (normalToWorld * in.normals[i]);
        const glm::vec3 local = normalToNode * n;
        const float length = glm::length(local);
        out.normals[i] = length > 0.0f ? local / length : in.normals[i];
    }
}

} // namespace spineviz
