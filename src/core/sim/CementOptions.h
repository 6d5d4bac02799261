#pragma once
// What the user may change about the cement injection, with clinical defaults. Kept apart from
// the procedure options so the procedure's choices (level, fracture, access) stay as they are.

#include "core/procedure/ProcedureOptions.h"
#include "core/sim/CementRheology.h"

#include <optional>
#include <string>

namespace spineviz {

// Bone the cement is pushed into. Osteoporotic is the default: it is who gets these procedures.
enum class BoneQuality { Osteoporotic, Osteopenic, Normal };

const char* boneQualityName(BoneQuality quality); // "osteoporotic", "osteopenic", "normal"
std::optional<BoneQuality> parseBoneQuality(const std::string& name);
std::optional<CementKind> parseCementKind(const std::string& name); // "low-viscosity", "high-viscosity" (or "low", "high")

struct CementOptions {
    // Which cement; default high viscosity for kyphoplasty (Kyphon HV-R is "designed to be delivered
    // while highly viscous", IFU), low viscosity for vertebroplasty.
    std::optional<CementKind> cement;
    // Minutes after mixing when the injection starts (earlier = runnier cement). Default 4 min: a
    // few minutes after mixing, once the cement is a paste (US7968616: ~500 Pa.s after 3 min 15 s).
    std::optional<float> injectionStartMinutes;
    // Volume to inject (mL); default the plan's (about a fifth of the body).
    std::optional<float> volumeTargetMl;
    float flowMlPerMinute = 4.0f; // ~4 mL/min (Baroud 2005, PMC3454663)
    BoneQuality bone = BoneQuality::Osteoporotic;
    bool stopAtPosteriorQuarter = true; // stop as the cement nears the posterior wall, as surgeons do

    static constexpr float kDefaultStartMinutes = 4.0f;

    CementKind cementFor(Procedure procedure) const {
        return cement ? *cement : procedure == Procedure::Kyphoplasty ? CementKind::HighViscosity : CementKind::LowViscosity;
    }
    float startMinutes() const { return injectionStartMinutes ? *injectionStartMinutes : kDefaultStartMinutes; }

    bool operator==(const CementOptions& o) const {
        return cement == o.cement && injectionStartMinutes == o.injectionStartMinutes && volumeTargetMl == o.volumeTargetMl &&
               flowMlPerMinute == o.flowMlPerMinute && bone == o.bone && stopAtPosteriorQuarter == o.stopAtPosteriorQuarter;
    }
    bool operator!=(const CementOptions& o) const { return !(*this == o); }
};

} // namespace spineviz
