#pragma once
// Everything about one procedure that does not change with time, worked out once from the options
// and the treated vertebra's landmarks: the fracture, the needle paths, the balloon, the cement.

#include "core/instruments/PedicleFit.h"
#include "core/math/Ellipsoid.h"
#include "core/procedure/BalloonModel.h"
#include "core/procedure/BodyDeformation.h"
#include "core/procedure/FracturePlan.h"
#include "core/procedure/Timeline.h"
#include "core/procedure/Trajectory.h"
#include "core/sim/CementField.h"
#include "core/sim/CementModel.h"
#include "core/sim/CementOptions.h"

#include <memory>
#include <string>
#include <vector>

namespace spineviz {

struct SidePlan {
    Trajectory path;
    float posteriorTarget = 0.0f; // distance along the path: trocar / cannula tip (posterior third)
    float anteriorTarget = 0.0f;  // drill, needle and balloon front (anterior third)
    Ellipsoid balloonAtFull;      // the inflated balloon
    Ellipsoid cavity;             // the cavity it leaves: the balloon's shape, sprung back a little
};

struct ProcedurePlan {
    ProcedureOptions options;
    VertebraLandmarks landmarks;
    BodyFrame body;
    FracturePlan fracture;
    Timeline timeline{Procedure::Kyphoplasty};
    std::vector<SidePlan> sides;  // one per pedicle used
    BalloonSize balloonSize;
    BalloonCurve balloonCurve;    // per balloon
    float bodyVolumeMl = 0.0f;
    float cementTargetMl = 0.0f;
    CementOptions cementOptions;  // as chosen (defaults resolved in cementSetup)
    CementSetup cementSetup;      // what the cement model was given
    PedicleFit pedicleFit;        // the access instrument against the narrower pedicle
    float needleLength = 0.0f;    // vertebroplasty needle, tip to hub (metres): where the cement device docks
    std::shared_ptr<const CementField> cement; // shared: plans are copied, the field is large

    // `body` must come from the same landmarks, with disc heights filled in where known.
    static ProcedurePlan make(const ProcedureOptions& options, const VertebraLandmarks& landmarks,
                              const BodyFrame& body, const CementModel& cementModel,
                              const CementOptions& cementOptions = {});
};

// The inflated balloon as an ellipsoid, for a balloon tamp whose tip is `tipDistance` along the
// path: the instrument model's balloon (core/instruments) gives its span and width.
Ellipsoid balloonEllipsoid(const Trajectory& path, float tipDistance, const BalloonSize& size, float volumeMl);
// The cavity a balloon of that shape leaves behind once deflated and withdrawn.
Ellipsoid cavityOfBalloon(const Ellipsoid& balloon);

} // namespace spineviz
