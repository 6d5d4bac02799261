#pragma once
// Plausibility of a vertebra's landmarks. A patient's model comes from outside, so the values the
// procedure and the cement model will use are checked against real anatomy (millimetres to
// centimetres, ranges in docs/reliability.md) and for a consistent local frame before use.

#include "core/anatomy/VertebraLandmarks.h"

#include <string>

namespace spineviz {

struct LandmarkProblem {
    std::string item;   // path below the "spineviz" extras object, e.g. "dimensions.endplate_width"; "" if none
    std::string reason;
};

// The first implausible or inconsistent value, or an empty item when all are usable.
LandmarkProblem implausibleLandmark(const VertebraLandmarks& landmarks);

} // namespace spineviz
