#pragma once
// An intervertebral disc, in its own mid-plane frame (mm): the space between the two vertebral
// bodies' endplates, bounded laterally by an outline that blends the lower endplate's outline into
// the upper's and bulges slightly at mid-height. Being cut by the bodies' own fields, it is congruent
// with both endplates (the concavities are filled) at any wedge. The nucleus pulposus is a smaller
// lens inside it, a little posterior of centre. Rib heads level with the disc (ribs 2-9) are cupped
// into its posterolateral margin, as into the bodies.

#include "BodyShape.h"
#include "Parts.h"

#include <vector>

#include <glm/mat4x4.hpp>

namespace spine_model {

class DiscShape {
public:
    // `toUpper` / `toLower` map disc-frame points into the frames of the bodies above and below.
    DiscShape(const BodyShape& upper, const glm::mat4& toUpper, const BodyShape& lower, const glm::mat4& toLower, float planeGap,
              std::vector<Socket> sockets = {});

    float annulus(const glm::vec3& p) const;
    float nucleus(const glm::vec3& p) const;
    glm::vec3 halfExtent() const { return halfExtent_; }

private:
    const BodyShape& upper_;
    const BodyShape& lower_;
    glm::mat4 toUpper_, toLower_;
    float planeGap_;
    glm::vec3 halfExtent_;
    glm::vec3 nucleusCentre_, nucleusRadii_;
    std::vector<Socket> sockets_; // rib heads that meet the disc, in its frame
};

} // namespace spine_model
