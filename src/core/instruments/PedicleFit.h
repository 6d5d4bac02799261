#pragma once
// Does the access instrument fit down this pedicle? A trocar or cannula must pass the pedicle's
// transverse width with bone to spare on both sides; when it does not, a vertebroplasty can use a
// finer needle (upper thoracic pedicles take 15 gauge, openradiology.org via clinical.md) and a
// kyphoplasty, whose working cannula is fixed, goes beside the pedicle: the extrapedicular
// (parapedicular, intercostovertebral in the thorax) route.

namespace spineviz {

enum class AccessRoute { Transpedicular, Extrapedicular };
const char* accessRouteName(AccessRoute route); // "transpedicular", "extrapedicular"

// Bone kept on each side of the instrument inside the pedicle (mm): a model margin so that the
// instrument does not breach the pedicle's cortex (no sourced figure).
inline constexpr float kPedicleWallMarginMm = 1.0f;

struct PedicleFit {
    float pedicleWidthMm = 0.0f;
    int gauge = 11;                // of the instrument that goes in (the cannula's for kyphoplasty)
    float instrumentMm = 0.0f;     // its outer diameter
    int plannedGauge = 11;         // what the kit would use in a roomy pedicle
    float plannedMm = 0.0f;        // and its outer diameter
    AccessRoute route = AccessRoute::Transpedicular;
    bool smallerGauge() const { return gauge != plannedGauge; }
    bool fits() const { return route == AccessRoute::Transpedicular; }
};

// The instrument (11-gauge vertebroplasty needle, or kyphoplasty's 8-gauge working cannula) against
// a pedicle `pedicleWidthMm` wide (transverse), and what to do when it is too tight.
PedicleFit fitPedicle(bool kyphoplasty, float pedicleWidthMm);

} // namespace spineviz
