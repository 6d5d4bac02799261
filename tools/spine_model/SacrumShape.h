#pragma once
// The sacrum and coccyx as one bone, in the S1 body's frame (mm; origin at the S1 body centre, +Y
// along its axis, +Z anterior, +X left). Five fused segments curve down and forward (concave in
// front), with alae, lateral masses, a fused posterior wall with its median crest, the sacral canal,
// four pairs of foramina, S1's superior articular processes cut to the L5-S1 facet joints, and a small
// coccyx of three segments. The S1 body reuses BodyShape, so the L5-S1 disc fits it like any other.
// All shape numbers here are estimates from general anatomy (no per-segment morphometry was found).

#include "BodyShape.h"
#include "FacetJoint.h"
#include "FieldSampling.h"
#include "Parts.h"
#include "VertebraShape.h"

#include <array>
#include <vector>

namespace spine_model {

class SacrumShape {
public:
    SacrumShape(const BodyParams& s1, const std::array<FacetJoint, 2>& l5Joints, const std::array<glm::vec3, 2>& jointAnchors);

    float distance(const glm::vec3& p) const;
    float bodyDistance(const glm::vec3& p) const { return body_.distance(p); }
    const BodyShape& body() const { return body_; }
    Box bounds() const { return bounds_; }

private:
    float canal(const glm::vec3& p) const;
    float foramina(const glm::vec3& p) const;

    BodyShape body_;
    std::array<FacetJoint, 2> joints_;
    std::vector<Part> mass_;      // segments, alae, lateral masses, posterior wall (while building)
    std::vector<Part> coccyx_;
    PartSet massSet_, coccyxSet_;
    std::vector<ArticularPlate> superior_;
    std::vector<JointCut> cuts_;
    std::vector<glm::vec3> canalPath_;
    Box bounds_;
};

} // namespace spine_model
