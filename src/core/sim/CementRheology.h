#pragma once
// How PMMA bone cement thickens after the powder and liquid are mixed: viscosity against minutes
// since mixing, and the phases a surgeon works with (liquid, paste / working, setting, set).
//
// No source gives a full viscosity curve, so each cement is an exponential fit through two sourced
// points (a FIT, not a measurement; see docs/cement.md):
//   high viscosity (Kyphon HV-R type, kyphoplasty): ~500 Pa.s at 3 min 15 s and set at ~13 min
//     (Kyphon patent US7968616), taking "set" as the 75e3 Pa.s plateau the arthroplasty cements
//     reached (Nicholas 2007, doi 10.1007/s10856-007-0125-2);
//   low viscosity (vertebroplasty): liquid for 5.1 min, then paste for 3.4 min (handling 8.5 min,
//     22 C; BMC Musculoskelet Disord 2012, PMID 23072273), taking the end of the liquid phase as the
//     ~500 Pa.s paste the HV cement is delivered at, and hardening ~11 min after mixing at body
//     temperature (Hindawi 2011/571728).

namespace spineviz {

enum class CementKind { LowViscosity, HighViscosity };

enum class CementPhase { Liquid, Paste, Setting, Set };

const char* cementKindName(CementKind kind);   // "low-viscosity", "high-viscosity"
const char* cementPhaseName(CementPhase phase); // "liquid", "paste", "setting", "set"

struct CementRheology {
    CementKind kind = CementKind::HighViscosity;
    // Two anchors of the exponential fit: viscosity (Pa.s) at minutes after mixing.
    float anchorMinutesA = 3.25f, anchorViscosityA = 500.0f;
    float anchorMinutesB = 13.0f, anchorViscosityB = 75e3f;

    static CementRheology of(CementKind kind);

    float viscosityAt(float minutesSinceMixing) const; // Pa.s
    float minutesAtViscosity(float viscosity) const;   // inverse of viscosityAt
    CementPhase phaseAt(float minutesSinceMixing) const;
    float pasteMinutes() const { return minutesAtViscosity(kPasteViscosity); }     // liquid -> paste
    float settingMinutes() const { return minutesAtViscosity(kSettingViscosity); } // paste -> setting
    float setMinutes() const { return minutesAtViscosity(kSetViscosity); }         // no longer flows

    // Phase boundaries as viscosities (Pa.s). Paste: the ~500 Pa.s an HV cement is delivered at
    // (US7968616). Setting: where the low-viscosity fit ends its 8.5 min handling time (PMID
    // 23072273), ~9.0e3 Pa.s. Set: the 75e3 Pa.s plateau (Nicholas 2007).
    static constexpr float kPasteViscosity = 500.0f;
    static constexpr float kSettingViscosity = 9.0e3f;
    static constexpr float kSetViscosity = 75e3f;
};

} // namespace spineviz
