#pragma once
// The vertebral body: a kidney- (lumbar) or heart-shaped (thoracic) cylinder with a concave waist,
// endplates wedged to the given anterior/posterior heights, a raised ring apophysis and a shallow
// concave centre. The same body closes the sacrum at S1, and discs are cut to its endplates.
//
// The endplate outline is a polygon traced from two superellipse halves: a round anterior half and a
// squarer posterior half whose wall is pushed forward at the midline (the posterior concavity), with
// the anterior half narrowed towards the front for the thoracic heart shape. Its distance is exact.

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <vector>

namespace spine_model {

struct BodyParams {
    float anteriorHeight = 25, posteriorHeight = 25; // mm, at z = +-(depth/2 - 2)
    float width = 40, depth = 30;                    // endplate, mm (depth mid-sagittal)
    float heartTaper = 0.0f;  // 0: kidney; >0 narrows the anterior half towards the front (heart shape)
    float notch = 2.0f;       // posterior wall concavity at the midline, mm
    float squareness = 2.6f;  // superellipse exponent of the posterior half (2: elliptical)
    float waist = 0.08f;      // fraction the outline shrinks at mid-height
    float concavity = 1.0f;   // central endplate depression below the rim plane, mm
    float rimWidth = 3.0f;    // ring apophysis band, mm
    float rimLip = 0.3f;      // ring apophysis height above the rim plane, mm
    float edgeRadius = 1.2f;  // rounding of the endplate margin, mm
};

class BodyShape {
public:
    explicit BodyShape(const BodyParams& params);

    float distance(const glm::vec3& p) const;
    // The outline's 2D distance at the endplates (negative inside), no waist.
    float outline(float x, float z) const;
    // Half width of the outline at depth z (0 outside its depth range).
    float halfWidthAt(float z) const;

    // Heights of the rim planes (through the ring apophysis) at depth z.
    float topPlane(float z) const;
    float bottomPlane(float z) const;
    // Frames of the rim planes: origin on the plane at x = z = 0; +Y along the outward-up direction of
    // the spine (for the inferior plane: into the body). Local to the body.
    glm::mat4 superiorPlaneFrame() const;
    glm::mat4 inferiorPlaneFrame() const;

    const BodyParams& params() const { return p_; }
    float wedgeSlope() const { return slope_; }

private:
    float endplateRelief(float x, float z) const; // concavity and rim, <= lip
    BodyParams p_;
    float centreHeight_, slope_;
    std::vector<glm::vec2> half_; // right half of the outline (x >= 0), from the front midline to the back midline
    struct Segment {
        glm::vec2 a, e;         // start and direction (to the next point)
        float inverseLength2;   // 1 / |e|^2
    };
    std::vector<Segment> segments_;
};

} // namespace spine_model
