#pragma once
// A needle path through one pedicle into the vertebral body, in the treated vertebra's anatomical
// frame: a line from the pedicle entry along an aim, with the distances along it where the
// posterior and anterior walls are crossed.

#include "core/anatomy/VertebraLandmarks.h"
#include "core/procedure/ProcedureOptions.h"

#include <glm/vec3.hpp>

namespace spineviz {

struct Trajectory {
    Side side = Side::Left;
    glm::vec3 entry{0.0f};   // on the posterior bone surface
    glm::vec3 axis{0, 0, 1}; // unit, into the body
    float posteriorWall = 0.0f; // distance along the axis from the entry, metres
    float anteriorWall = 0.0f;
    float skin = 0.06f;         // distance back from the entry to the skin

    glm::vec3 at(float distance) const { return entry + axis * distance; }
    // Fraction of the way from the posterior to the anterior wall -> distance along the axis.
    float depthAt(float fraction) const { return posteriorWall + fraction * (anteriorWall - posteriorWall); }
};

// The path for one side. Bilateral paths follow each pedicle's own axis; a unilateral path aims
// more medially so its tip can reach the midline (within ~15 degrees of the pedicle axis).
Trajectory planTrajectory(const VertebraLandmarks& landmarks, Side side, Access access);

// Where a trocar tip belongs: the posterior third (kyphoplasty access) or the anterior third
// (vertebroplasty needle, drill, balloon front), with a margin from the anterior cortex.
inline constexpr float kPosteriorThird = 0.22f;
inline constexpr float kAnteriorThird = 0.80f;

} // namespace spineviz
