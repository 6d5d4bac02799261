#pragma once
// Where each node of the model goes when the treated vertebra is fractured or restored: rigid
// nodes get a transform, nodes that bend get their vertices moved. Built once per model and
// level; applied for any BodyDeformation.

#include "core/anatomy/SpineAnatomy.h"
#include "core/procedure/BodyDeformation.h"
#include "core/scene/Scene.h"

#include <string>
#include <vector>

namespace spineviz {

enum class PoseRegion { Below, Above, Treated, DiscAbove, DiscBelow, Straddling };

class SpinePose {
public:
    SpinePose() = default;
    SpinePose(const Scene& scene, const SpineAnatomy& anatomy, const std::string& level);

    PoseRegion region(int node) const { return regions_[node]; }
    bool deforms(int node) const { return regions_[node] != PoseRegion::Below && regions_[node] != PoseRegion::Above; }
    // Treated-vertebra anatomical frame -> world, in the healthy pose.
    const glm::mat4& anatomicalToWorld() const { return anatomicalToWorld_; }
    const glm::mat4& worldToAnatomical() const { return worldToAnatomical_; }
    const BodyFrame& frame() const { return frame_; }

    // World transform of everything above the fracture, for this deformation.
    glm::mat4 aboveWorld(const BodyDeformation& deformation) const;
    // The deformed world position of a world point of `node`.
    glm::vec3 deformWorld(const glm::vec3& world, PoseRegion region, const BodyDeformation& deformation) const;
    // Moves a node's mesh (positions and normals, in node-local space with world transform `nodeWorld`).
    void deformMesh(const MeshData& in, const glm::mat4& nodeWorld, PoseRegion region,
                    const BodyDeformation& deformation, MeshData& out) const;

private:
    std::vector<PoseRegion> regions_;
    glm::mat4 anatomicalToWorld_{1.0f}, worldToAnatomical_{1.0f};
    BodyFrame frame_;
};

} // namespace spineviz
