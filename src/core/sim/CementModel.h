#pragma once
// The interface every cement model implements: given the treated body, the delivery points and the
// amount to inject, decide when the cement reaches each voxel. The procedure only sees the result,
// a CementField, so models can be swapped without touching it.

#include "core/math/Ellipsoid.h"
#include "core/procedure/BodyDeformation.h"
#include "core/procedure/ProcedureOptions.h"
#include "core/sim/BoneDamage.h"
#include "core/sim/CementField.h"
#include "core/sim/CementOptions.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace spineviz {

struct CementSetup {
    Procedure procedure = Procedure::Kyphoplasty;
    BodyFrame body;                   // the healthy body, anatomical frame
    float corticalThickness = 0.001f; // metres
    std::vector<Ellipsoid> cavities;  // balloon cavities (kyphoplasty), anatomical frame
    std::vector<glm::vec3> tips;      // where cement leaves the cannula or needle
    std::vector<glm::vec3> tipAxes;   // insertion directions at those tips (unit)
    float targetVolumeMl = 4.0f;
    float flowMlPerSecond = 4.0f / 60.0f; // ~4 mL/min (Baroud 2005, PMC3454663)
    std::uint32_t seed = 1;

    // The fracture: where it opens the body (cleft, endplate and wall breaks).
    Morphology morphology = Morphology::Wedge;
    int grade = 2;                    // Genant 1..3
    float canalWidth = 0.022f;        // metres (where a posterior-wall leak can spread)
    // The cement and the bone.
    CementKind cement = CementKind::HighViscosity;
    float injectionStartMinutes = CementOptions::kDefaultStartMinutes; // after mixing
    BoneQuality bone = BoneQuality::Osteoporotic;
    bool stopAtPosteriorQuarter = true;
    // Exits and clefts to use instead of drawing them from the fracture and seed.
    std::optional<BoneDamage> damage;
};

class CementModel {
public:
    virtual ~CementModel() = default;
    virtual CementField fill(const CementSetup& setup) const = 0;
};

} // namespace spineviz
