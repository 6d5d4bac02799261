#pragma once
// A vertebra's landmarks built in code, with L1-like numbers (heights from Busscher 2010, endplate
// width from Panjabi, via docs/anatomy.md), so the procedure core is tested without the model.

#include "core/anatomy/VertebraLandmarks.h"
#include "core/procedure/BodyDeformation.h"

namespace spineviz::test {

inline VertebraLandmarks syntheticL1() {
    VertebraLandmarks l;
    l.level = "L1";
    l.superiorEndplate = {{0.0f, 0.0135f, 0.0f}, {0.0f, 1.0f, 0.0f}};
    l.inferiorEndplate = {{0.0f, -0.0135f, 0.0f}, {0.0f, -1.0f, 0.0f}};
    l.anteriorWall = {0.0f, 0.0f, 0.016f};
    l.posteriorWall = {0.0f, 0.0f, -0.016f};
    const glm::vec3 axis = glm::normalize(glm::vec3(-0.0875f, -0.02f, 1.0f)); // ~5 deg medial (Dickman: L1 ~5 deg)
    l.pedicles[0] = {{0.021f, 0.004f, -0.038f}, axis, 0.0086f, 0.015f};
    l.pedicles[1] = {{-0.021f, 0.004f, -0.038f}, glm::vec3(-axis.x, axis.y, axis.z), 0.0086f, 0.015f};
    l.dimensions.anteriorHeight = 0.0255f;
    l.dimensions.middleHeight = 0.0262f;
    l.dimensions.posteriorHeight = 0.0285f;
    l.dimensions.endplateWidth = 0.041f;
    l.dimensions.endplateDepth = 0.032f;
    l.dimensions.corticalThickness = 0.0008f;
    l.dimensions.canalWidth = 0.0237f;
    l.dimensions.canalDepth = 0.019f;
    return l;
}

inline BodyFrame syntheticBody() {
    BodyFrame f = BodyFrame::fromLandmarks(syntheticL1());
    f.discAboveHeight = 0.009f;
    f.discBelowHeight = 0.010f;
    return f;
}

} // namespace spineviz::test
