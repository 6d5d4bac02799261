#include "core/procedure/BalloonModel.h"

#include "core/math/SeededRandom.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

float smoothstep(float lo, float hi, float x) {
    const float t = std::clamp((x - lo) / std::max(hi - lo, 1e-6f), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// Shape of the teaching curve (model values).
constexpr float kDeadSpaceMl = 0.15f;  // filling the folded balloon and its tubing
constexpr float kOpeningPsi = 25.0f;   // pressure once the balloon meets the bone
constexpr float kYieldEase = 0.3f;     // share of the yield pressure lost as the bone gives way...
constexpr float kEaseMl = 0.2f;        // ...over this much more volume
constexpr float kReducedPsiPerMl = 450.0f; // past full reduction the endplates and cortex hold
constexpr float kVolumeStepMl = 0.005f;

} // namespace

const char* balloonStopName(BalloonStop stop) {
    switch (stop) {
    case BalloonStop::TargetVolume: return "target volume";
    case BalloonStop::RatedPressure: return "rated pressure";
    case BalloonStop::CortexNear: return "cortex near";
    case BalloonStop::MaxVolume: return "maximum volume";
    }
    return "target volume";
}

BalloonSize chooseBalloon(float availableLengthMm) {
    if (availableLengthMm >= 20.0f) return {20.0f, 3.0f};
    if (availableLengthMm >= 15.0f) return {15.0f, 3.0f};
    return {10.0f, 3.0f};
}

float BalloonCurve::pressureAt(float v) const {
    v = std::max(v, 0.0f);
    if (v <= kDeadSpaceMl) return kOpeningPsi * v / kDeadSpaceMl;
    const float vy = std::max(yieldVolumeMl, kDeadSpaceMl + 0.01f);
    if (v <= vy) return kOpeningPsi + (yieldPressurePsi - kOpeningPsi) * std::pow((v - kDeadSpaceMl) / (vy - kDeadSpaceMl), 1.3f);
    const float ease = smoothstep(vy, vy + kEaseMl, v);
    const float yielded = yieldPressurePsi * (1.0f - kYieldEase * ease) + slopePsiPerMl * (v - vy) * ease;
    return yielded + kReducedPsiPerMl * std::max(0.0f, v - reducedVolumeMl);
}

float BalloonCurve::liftAt(float v) const {
    const float start = 0.8f * yieldVolumeMl;
    if (finalVolumeMl <= start) return 0.0f;
    return smoothstep(start, finalVolumeMl, v);
}

float BalloonCurve::reduction() const {
    const float span = reducedVolumeMl - yieldVolumeMl;
    if (span <= 1e-4f) return 1.0f;
    return std::clamp((finalVolumeMl - yieldVolumeMl) / span, 0.0f, 1.0f);
}

void BalloonCurve::inflate(float targetMl, float cortexLimitMl, float maxVolumeMl) {
    // The first criterion met, as volume goes up in small steps (as a surgeon turns the syringe).
    const float limit = std::min({targetMl, cortexLimitMl, maxVolumeMl});
    for (float v = kVolumeStepMl; v < limit; v += kVolumeStepMl)
        if (pressureAt(v) >= kRatedPressurePsi) {
            finalVolumeMl = v;
            stop = BalloonStop::RatedPressure;
            return;
        }
    finalVolumeMl = std::max(limit, 0.0f);
    stop = limit == targetMl ? BalloonStop::TargetVolume : limit == cortexLimitMl ? BalloonStop::CortexNear : BalloonStop::MaxVolume;
}

BalloonCurve balloonResistance(BoneQuality bone, std::uint64_t seed) {
    // Model values (no pressure-volume curve in bone is published in our sources, biomech.md 5):
    // osteoporotic bone gives way near 1 MPa; denser bone holds longer and harder (trabecular
    // strength rises with density, as its permeability falls, Nauman 1999) so the same balloon may
    // reach its rated pressure before it has made its cavity.
    SeededRandom r(seed);
    BalloonCurve c;
    float strength = 1.0f, stiffness = 1.0f;
    switch (bone) {
    case BoneQuality::Osteoporotic: break;
    case BoneQuality::Osteopenic: strength = 1.4f, stiffness = 2.2f; break;
    case BoneQuality::Normal: strength = 1.9f, stiffness = 4.0f; break;
    }
    c.yieldPressurePsi = strength * r.uniform(110.0f, 170.0f);
    c.yieldVolumeMl = (0.85f + 0.15f * strength) * r.uniform(0.4f, 0.6f);
    c.slopePsiPerMl = stiffness * r.uniform(25.0f, 45.0f);
    return c;
}

} // namespace spineviz
