#include "core/procedure/BalloonModel.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

float smoothstep(float lo, float hi, float x) {
    const float t = std::clamp((x - lo) / (hi - lo), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// Shape of the teaching curve, in fractions of the final volume.
constexpr float kDeadSpace = 0.08f; // filling the folded balloon and tubing
constexpr float kYield = 0.50f;     // trabecular bone gives way
constexpr float kOpeningPsi = 40.0f;
constexpr float kYieldDropPsi = 75.0f;

} // namespace

BalloonSize chooseBalloon(float availableLengthMm) {
    if (availableLengthMm >= 20.0f) return {20.0f, 3.0f};
    if (availableLengthMm >= 15.0f) return {15.0f, 3.0f};
    return {10.0f, 3.0f};
}

float BalloonCurve::pressureAt(float volumeMl) const {
    const float v = std::clamp(volumeMl / std::max(finalVolumeMl, 1e-3f), 0.0f, 1.0f);
    if (v <= kDeadSpace) return kOpeningPsi * v / kDeadSpace;
    if (v <= kYield) return kOpeningPsi + (peakPressurePsi - kOpeningPsi) * std::pow((v - kDeadSpace) / (kYield - kDeadSpace), 1.3f);
    const float dropped = peakPressurePsi - kYieldDropPsi * smoothstep(kYield, kYield + 0.08f, v);
    const float regain = (finalPressurePsi - (peakPressurePsi - kYieldDropPsi)) * smoothstep(kYield + 0.08f, 1.0f, v);
    return dropped + regain;
}

float BalloonCurve::liftAt(float volumeMl) const {
    const float v = std::clamp(volumeMl / std::max(finalVolumeMl, 1e-3f), 0.0f, 1.0f);
    return smoothstep(kYield - 0.12f, 1.0f, v);
}

} // namespace spineviz
