#pragma once
// A rib stub (head, neck, tubercle and the first centimetres of the shaft) as a signed-distance field
// in its node's frame (the frame of the vertebra of the same number), from the layout's attachment.

#include "Layout.h"
#include "Parts.h"

#include <vector>

namespace spine_model {

class RibShape {
public:
    // `toNode` maps world coordinates (mm) into the node frame.
    RibShape(const RibAttachment& rib, const glm::mat4& toNode);

    float distance(const glm::vec3& p) const { return set_.distance(p); }
    Box bounds() const { return bounds_; }

private:
    PartSet set_;
    Box bounds_;
};

} // namespace spine_model
