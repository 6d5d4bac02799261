#pragma once
// The inflatable bone tamp: which size fits this body, the pressure a gauge shows as it fills, and
// when the surgeon stops. The pressure-volume curve is a teaching model (measured curves in bone and
// clinical pressures are a GAP in our sources, biomech.md 5): pressure climbs while the trabecular
// bone resists, eases as it yields (the common teaching description, clinical.md "Balloon tamp"),
// then rises as the cavity grows and, once the endplates have come as far as the fracture lets
// them, climbs steeply. Denser bone yields later and at a higher pressure.
//
// Inflation stops at the first of the criteria a surgeon uses: the planned volume, the rated
// pressure, the balloon nearing an endplate or the cortex, or the balloon's maximum volume.

#include "core/sim/CementOptions.h"

#include <cstdint>

namespace spineviz {

struct BalloonSize {
    float nominalLengthMm = 15.0f; // Kyphon Xpander: 10/3, 15/3, 20/3 (length mm / max volume mL; Medtronic IFU)
    float maxVolumeMl = 3.0f;
};

// The largest standard balloon whose length fits between the cannula tip and the anterior target.
BalloonSize chooseBalloon(float availableLengthMm);

// The pressure a surgeon does not go past: a model working limit at three quarters of the 400 psi
// constrained-burst acceptance criterion (FDA K223709); no clinical figure is sourced (GAP).
inline constexpr float kRatedPressurePsi = 300.0f;

enum class BalloonStop { TargetVolume, RatedPressure, CortexNear, MaxVolume };
const char* balloonStopName(BalloonStop stop); // "target volume", "rated pressure", "cortex near", "maximum volume"

struct BalloonCurve {
    // How the bone resists one balloon (balloonResistance draws them for a bone quality).
    float yieldPressurePsi = 150.0f; // where the trabecular bone gives way
    float yieldVolumeMl = 0.5f;      // the volume at which it does
    float slopePsiPerMl = 35.0f;     // rise while the cavity grows in yielded bone
    float reducedVolumeMl = 3.0f;    // past this the endplates can lift no further: pressure climbs steeply
    // Where inflation stopped, and why.
    float finalVolumeMl = 2.5f;
    BalloonStop stop = BalloonStop::TargetVolume;

    // Pressure at `volumeMl` during inflation (psi).
    float pressureAt(float volumeMl) const;
    float finalPressurePsi() const { return pressureAt(finalVolumeMl); }
    // How much of this inflation's height gain has happened at `volumeMl` (0..1): the endplates
    // start to lift as the bone yields.
    float liftAt(float volumeMl) const;
    // Share of the fracture's reducible height this inflation takes back (0..1): from yield to the
    // fully reduced volume.
    float reduction() const;

    // Fills until the first stop: `targetMl`, the rated pressure, `cortexLimitMl` (the balloon would
    // come within reach of an endplate or the cortex) or the balloon's maximum.
    void inflate(float targetMl, float cortexLimitMl, float maxVolumeMl);
};

// The bone's resistance to a balloon, drawn for this bone quality and seed (model values; see
// docs/cement.md "Balloon"): osteoporotic bone yields near 1 MPa (150 psi; a model value, no
// sourced trabecular strength), denser bone later and higher.
BalloonCurve balloonResistance(BoneQuality bone, std::uint64_t seed);

} // namespace spineviz
