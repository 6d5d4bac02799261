#pragma once
// A simple, fast cement model: cement fills in order of a seeded "ease of reach" — the balloon
// cavity first, from its front end back (kyphoplasty), then outward into the trabecular bone with
// irregular fingers (interdigitation); for vertebroplasty, outward from the needle tip. Flow is
// constant, so the volume grows linearly in time. No physics: a stand-in behind CementModel.

#include "core/sim/CementModel.h"

namespace spineviz {

class SimpleCementModel : public CementModel {
public:
    CementField fill(const CementSetup& setup) const override;
};

// Grid cell size the cement models use (metres).
inline constexpr float kCementCell = 0.0007f;

// The grid over a body with a margin for cement that spreads to (or beyond) its walls.
VoxelGrid cementGridFor(const BodyFrame& body);

// True inside the trabecular interior of the body (inside the cortical shell), healthy pose.
bool insideBodyInterior(const BodyFrame& body, float corticalThickness, const glm::vec3& p);

} // namespace spineviz
