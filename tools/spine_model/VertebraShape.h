#pragma once
// The signed-distance field of one vertebra in its canonical frame (mm): the body, and a posterior
// arch of pedicles, laminae, spinous, transverse and articular processes blended with fillets, the
// canal carved through it, the articular processes built on the joints they share with the
// neighbours (and anything of this bone that strays into a neighbour's facet region cut back), and
// in the thoracic spine the costal facets cupped around the rib heads and tubercles.

#include "BodyShape.h"
#include "FacetJoint.h"
#include "FieldSampling.h"
#include "Parts.h"
#include "VertebraGeometry.h"

#include <array>
#include <vector>

namespace spine_model {

// The field of a facet joint's articular process: a plate on one side of the joint surface, from the
// joint space to `thickness` behind it, its outline a rounded rectangle in the joint's (tangent, up)
// coordinates. `processSide` is -1 for a superior process (lower bone), +1 for an inferior one.
struct ArticularPlate {
    FacetJoint joint;
    float processSide = -1.0f;
    float thickness = 4.0f;
    glm::vec2 outlineCentre{0.0f};   // (tangent, up) offsets from the joint centre
    glm::vec2 outlineHalf{6.0f};
    float cornerRadius = 3.0f;
    float edge = 1.0f;               // rim rounding
    float distance(const glm::vec3& p) const;
};

// The articular processes on a joint: the superior one (on the lower bone) and the inferior one (on
// the upper bone), sized by the joint's kind (thoracic: planar; lumbar: curved).
ArticularPlate superiorProcess(const FacetJoint& joint);
ArticularPlate inferiorProcess(const FacetJoint& joint);

// Removes from a bone whatever of it lies where the neighbour's articular process sits on a shared
// joint: a pocket shaped like that process, a little larger, on the neighbour's side of the joint space.
// The pocket starts `clearance` behind the neighbour's side of the joint space: applied with a
// positive clearance to everything but this bone's own articular process (so nothing else of it
// comes near the joint), then with a small negative one to the finished bone (clipping fillets).
struct JointCut {
    ArticularPlate neighbour;
    float margin = 1.5f; // beyond the neighbour's process, along the joint and in depth, mm
    // Whether the cut can change the field near a surface at p (it is far below it far from the joint).
    bool reaches(const glm::vec3& p, float f, float k) const;
    // Distance to the kept region (negative where this bone may be).
    float keep(const glm::vec3& p, float clearance) const;
};

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
    void addLaminae();
    void addLaminarJunction();
    void addSpinous();
    void addTransverseProcesses();
    void addArticularProcesses();
    float canal(const glm::vec3& p) const;

    VertebraGeometry g_;
    BodyShape body_;
    std::array<FacetJoint, 2> above_, below_;
    std::vector<Socket> sockets_;
    std::vector<Part> parts_; // while building
    PartSet arch_;
    std::vector<ArticularPlate> articular_;
    std::vector<JointCut> cuts_;
    Box bounds_;
    struct {
        glm::vec3 centre{0.0f}, half{0.0f};
    } bodyBox_;
};

} // namespace spine_model
