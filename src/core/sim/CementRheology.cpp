#include "core/sim/CementRheology.h"

#include <algorithm>
#include <cmath>

namespace spineviz {

const char* cementKindName(CementKind kind) {
    return kind == CementKind::LowViscosity ? "low-viscosity" : "high-viscosity";
}

const char* cementPhaseName(CementPhase phase) {
    switch (phase) {
    case CementPhase::Liquid: return "liquid";
    case CementPhase::Paste: return "paste";
    case CementPhase::Setting: return "setting";
    case CementPhase::Set: return "set";
    }
    return "liquid";
}

CementRheology CementRheology::of(CementKind kind) {
    CementRheology r;
    r.kind = kind;
    if (kind == CementKind::HighViscosity) {
        // ~500 Pa.s after 3 min 15 s, sets ~13 min (Kyphon patent US7968616); plateau 75e3 Pa.s (Nicholas 2007).
        r.anchorMinutesA = 3.25f;
        r.anchorViscosityA = kPasteViscosity;
        r.anchorMinutesB = 13.0f;
        r.anchorViscosityB = kSetViscosity;
    } else {
        // Liquid phase 5.1 min (PMID 23072273), then a paste; hardens ~11 min at 37 C (Hindawi 2011/571728).
        r.anchorMinutesA = 5.1f;
        r.anchorViscosityA = kPasteViscosity;
        r.anchorMinutesB = 11.0f;
        r.anchorViscosityB = kSetViscosity;
    }
    return r;
}

float CementRheology::viscosityAt(float minutes) const {
    // mu(t) = muA * exp((t - tA) / tau), tau = (tB - tA) / ln(muB / muA): the exponential through both anchors.
    const float tau = (anchorMinutesB - anchorMinutesA) / std::log(anchorViscosityB / anchorViscosityA);
    const float mu = anchorViscosityA * std::exp((std::max(minutes, 0.0f) - anchorMinutesA) / tau);
    return std::min(mu, kSetViscosity);
}

float CementRheology::minutesAtViscosity(float viscosity) const {
    const float tau = (anchorMinutesB - anchorMinutesA) / std::log(anchorViscosityB / anchorViscosityA);
    return anchorMinutesA + tau * std::log(std::max(viscosity, 1e-3f) / anchorViscosityA);
}

CementPhase CementRheology::phaseAt(float minutes) const {
    const float mu = viscosityAt(minutes);
    if (mu < kPasteViscosity) return CementPhase::Liquid;
    if (mu < kSettingViscosity) return CementPhase::Paste;
    if (mu < kSetViscosity * 0.999f) return CementPhase::Setting;
    return CementPhase::Set;
}

} // namespace spineviz
