#pragma once
// The inflatable bone tamp: which size fits this body, how far it is filled, and the pressure a
// gauge would show. The pressure-volume curve is a teaching model (no measured curves in bone are
// published in our sources): pressure climbs while the bone resists, drops as the trabecular bone
// yields, then rises gently as the cavity grows. It never nears the 400 psi burst criterion
// (FDA K223709).

namespace spineviz {

struct BalloonSize {
    float nominalLengthMm = 15.0f; // Kyphon Xpander: 10/3, 15/3, 20/3 (length mm / max volume mL; Medtronic IFU)
    float maxVolumeMl = 3.0f;
};

// The largest standard balloon whose length fits between the cannula tip and the anterior target.
BalloonSize chooseBalloon(float availableLengthMm);

struct BalloonCurve {
    float finalVolumeMl = 2.5f;
    float peakPressurePsi = 200.0f;  // where the bone yields
    float finalPressurePsi = 160.0f;

    // Pressure at `volumeMl` during inflation.
    float pressureAt(float volumeMl) const;
    // How much of the balloon's height gain has happened at `volumeMl` (0..1): the endplates start
    // to lift once the bone yields.
    float liftAt(float volumeMl) const;
};

} // namespace spineviz
