#pragma once
// What the procedure looks like at one moment: a pure function of the plan and the time.
// Positions are in the treated vertebra's anatomical frame, healthy pose; whoever draws them applies
// `deformation` (the body and what is inside it move with the fracture and its repair).

#include "core/instruments/Instrument.h"
#include "core/procedure/Measurements.h"
#include "core/procedure/ProcedurePlan.h"

#include <vector>

namespace spineviz {

struct InstrumentPlacement {
    InstrumentKind kind;
    Side side = Side::Left;
    glm::vec3 tip{0.0f};      // where the instrument's working tip is
    glm::vec3 axis{0, 0, 1};  // insertion direction (the instrument's +Z)
    float roll = 0.0f;        // radians about the axis (drill spin, handle orientation)
    InstrumentParams params;
    int attachedTo = -1;      // index of the instrument whose attach frame carries this one (the
                              // inflation syringe on its balloon tamp); tip and axis are then unused
};

struct ProcedureState {
    double time = 0.0;
    PhaseTime phase;
    WallHeights heights;
    BodyDeformation deformation;
    std::vector<InstrumentPlacement> instruments;
    std::vector<Ellipsoid> cavities;  // after the balloons come out (kyphoplasty)
    float cementTime = -1.0f;         // seconds into the injection (< 0: no cement yet)
    float cementCure = 0.0f;          // 0 liquid .. 1 set
    Measurements measurements;
};

ProcedureState computeState(const ProcedurePlan& plan, double time);

// The timeline time at which the injection has run `injectionSeconds` (e.g. when a leak starts:
// CementLeak::startSeconds), for markers on the timeline. Clamped to the injection.
double timelineTimeOfInjection(const ProcedurePlan& plan, float injectionSeconds);

} // namespace spineviz
