#pragma once
// The signed-distance field of one vertebra in its canonical frame (mm): the body, and a posterior
// arch of pedicles, laminae, spinous, transverse and articular processes blended with fillets, the
// canal carved through it, the facets cut to the joints they share with the neighbours, and (in the
// thoracic spine) costal facets cupped around the rib heads and tubercles.

#include "BodyShape.h"
#include "FacetJoint.h"
#include "Polygonise.h"
#include "Sdf.h"
#include "VertebraGeometry.h"

#include <array>
#include <vector>

namespace spine_model {

struct Socket {
    glm::vec3 centre{0.0f};
    float radius = 1.0f;
};

// A limb with a bounding sphere, so far-away parts can be skipped cheaply.
struct BoundedLimb {
    sdf::Limb limb;
    glm::vec3 centre{0.0f};
    float radius = 0.0f;
};
BoundedLimb bound(const sdf::Limb& limb);

// Smooth union of limbs with fillet k, skipping those that cannot change the result.
float unionOfLimbs(const std::vector<BoundedLimb>& limbs, const glm::vec3& p, float k, float start = 1e9f);

class VertebraShape {
public:
    // Joints are in this vertebra's frame: `above` shared with the bone above (this one carries the
    // superior processes), `below` with the bone below (inferior processes).
    VertebraShape(const VertebraGeometry& geometry, const std::array<FacetJoint, 2>& above,
                  const std::array<FacetJoint, 2>& below, std::vector<Socket> sockets);

    float distance(const glm::vec3& p) const;
    float bodyDistance(const glm::vec3& p) const { return body_.distance(p); }
    const BodyShape& body() const { return body_; }
    Box bounds() const { return bounds_; }

private:
    void addPedicles();
    void addLaminaeAndSpinous();
    void addTransverseProcesses();
    void addArticularProcesses();
    float articular(const glm::vec3& p) const;
    float arch(const glm::vec3& p) const;
    float canal(const glm::vec3& p) const;

    VertebraGeometry g_;
    BodyShape body_;
    std::array<FacetJoint, 2> above_, below_;
    std::vector<Socket> sockets_;
    std::vector<BoundedLimb> limbs_;
    std::array<BoundedLimb, 2> superior_, inferior_;
    Box bounds_;
};

} // namespace spine_model
