#pragma once
// Where a trainee's needle should go for this case: the planned path through the pedicle and the
// point on it where the tip belongs. The yardstick the score measures an attempt against.

#include "core/anatomy/VertebraLandmarks.h"
#include "core/procedure/ProcedureOptions.h"
#include "core/procedure/Trajectory.h"

#include <glm/vec3.hpp>

namespace spineviz {

struct AccessTarget {
    Trajectory path;        // anatomical frame (x left, y superior, z anterior)
    float targetDepth = 0;  // metres along the path from the entry
    // The same in the vertebra's node frame (the frame of plans and landmarks).
    glm::vec3 entryLocal{0.0f}, axisLocal{0, 0, 1}, targetLocal{0.0f};
};

// The posterior third for kyphoplasty (the trocar stops there; the drill and balloon go on through
// the cannula), the anterior third for vertebroplasty (the needle delivers the cement there).
float trocarTargetFraction(Procedure procedure);

AccessTarget accessTarget(const VertebraLandmarks& landmarks, const ProcedureOptions& options, Side side);

} // namespace spineviz
