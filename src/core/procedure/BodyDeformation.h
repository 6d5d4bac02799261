#pragma once
// How the fractured vertebra and its neighbours move, as a smooth map of points. Coordinates are
// the treated vertebra's anatomical frame (x left, y superior, z anterior, metres, origin at the
// body centre, healthy pose).
//
// The body collapses between its endplates: the superior endplate's rim tilts and drops (wedge and
// crush), the endplate centres cave in (biconcave). Everything above the fracture follows the
// superior endplate rigidly, hinged at the posterior-superior corner of the body (the intact middle
// column), so the posture stoops. The discs next to the body follow its endplates and fade back to
// rigid motion across their height; soft structures that run past the level (cord, roots) blend
// smoothly, so nothing tears.

#include "core/procedure/FracturePlan.h"

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace spineviz {

struct BodyFrame {
    float superiorY = 0.0f, inferiorY = 0.0f;    // endplate centres
    float posteriorZ = 0.0f, anteriorZ = 0.0f;   // walls
    float width = 0.0f, depth = 0.0f;            // endplate
    float discAboveHeight = 0.008f, discBelowHeight = 0.008f;

    static BodyFrame fromLandmarks(const VertebraLandmarks& landmarks);
};

class BodyDeformation {
public:
    BodyDeformation() = default;
    BodyDeformation(const BodyFrame& frame, const WallHeights& rest, const WallHeights& current);

    // The rigid motion of everything above the fracture.
    const glm::mat4& above() const { return above_; }
    glm::vec3 treated(const glm::vec3& a) const;   // the fractured vertebra itself (and what it holds)
    glm::vec3 discAbove(const glm::vec3& a) const;
    glm::vec3 discBelow(const glm::vec3& a) const;
    glm::vec3 straddling(const glm::vec3& a) const;
    bool isIdentity() const { return identity_; }
    const BodyFrame& frame() const { return frame_; }

private:
    float centralDepression(const glm::vec3& a) const; // how far each endplate centre caves in here
    glm::vec3 applyAbove(const glm::vec3& a) const { return glm::vec3(above_ * glm::vec4(a, 1.0f)); }

    BodyFrame frame_;
    glm::mat4 above_{1.0f};
    float posteriorDrop_ = 0.0f;
    float depression_ = 0.0f; // extra central loss beyond the rim, metres (split between the endplates)
    bool identity_ = true;
};

} // namespace spineviz
