#pragma once
// The skills-lab report on a trainee's access: how far the needle docked from the ideal entry, how
// far its tip ended from the target, how far its aim was off, which walls it breached, which rules
// it broke, and the X-ray exposure it took; and a 0-100 score over those, with weights chosen from
// what published simulators score (docs/trainee.md; shared/reference/clinical.md "Trainee scoring").

#include "core/anatomy/VertebraLandmarks.h"
#include "core/mesh/MeshData.h"
#include "core/procedure/ProcedureOptions.h"
#include "core/trainee/BreachCheck.h"
#include "core/trainee/TraineePlan.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace spineviz {

struct NeedleResult {
    Side side = Side::Left;
    float entryError = 0.0f;     // metres from the ideal docking point to where the needle met the bone
    float targetError = 0.0f;    // metres from the target to the tip
    float angleError = 0.0f;     // radians between the aim and the ideal path
    float axialError = 0.0f;     // radians, in the transverse plane (medial-lateral aim); + medial
    float sagittalError = 0.0f;  // radians, in the sagittal plane (cranial-caudal aim); + cranial
    bool missedBone = false;     // the line never meets the vertebra
    std::vector<Breach> breaches;
    MedialWallRule medialRule;
    bool tooTight = false;       // the instrument is too wide for this pedicle
    float instrumentDiameter = 0.0f;
};

// Points each part of the score can lose (sum 100) and where each runs out.
struct ScoreWeights {
    float entry = 20.0f, target = 20.0f, angle = 15.0f, safety = 25.0f, exposure = 20.0f;
    float entryZeroAt = 0.010f;      // metres
    float targetZeroAt = 0.010f;     // metres
    float angleZeroAt = 0.2618f;     // radians (15 degrees)
    float perShot = 0.4f, perFluoroSecond = 0.1f;
    float ruleBroken = 10.0f;
    float gradeB = 8.0f, gradeC = 15.0f, gradeD = 20.0f, gradeE = 25.0f;
};

struct ScoreParts {
    float entry = 0, target = 0, angle = 0, safety = 0, exposure = 0;
    float total() const { return entry + target + angle + safety + exposure; }
};

struct TraineeReport {
    std::string level;
    Procedure procedure = Procedure::Kyphoplasty;
    std::vector<NeedleResult> needles;
    int shots = 0;
    double fluoroSeconds = 0.0;
    double doseMsv = 0.0;        // estimated patient effective dose
    double seconds = -1.0;       // time the attempt took (practice mode); < 0 when scripted
    ScoreParts parts;
    float score = 0.0f;          // 0..100
};

// Patient effective dose per second of fluoroscopy: 0.95 mSv for a single-level vertebroplasty under
// two C-arms (BMC Musculoskelet Disord 2013;14:38) over the 4.9 min of fluoroscopy a level takes
// (Kopparapu meta-analysis, shared/reference/clinical.md): a derived teaching estimate.
inline constexpr double kDoseMsvPerFluoroSecond = 0.95 / (4.9 * 60.0);
// A single shot counted as one second of beam (a digital spot frame is several fluoroscopy pulses
// at 7.5 pulses/s, Ortiz AJNR 2006): an estimate.
inline constexpr double kFluoroSecondsPerShot = 1.0;

// The instrument the trainee advances through the pedicle: the kyphoplasty working cannula's trocar
// (8 G) or the vertebroplasty needle (11 G) (core/instruments/InstrumentDimensions.h).
float traineeInstrumentDiameter(Procedure procedure);

// `bone`: the treated vertebra's outer surface in its node frame. The ideal path is the case's
// (`options`, with the access that the plan's needle count implies).
TraineeReport scoreAttempt(const TraineePlan& plan, const MeshData& bone, const VertebraLandmarks& landmarks,
                           const ProcedureOptions& options, const ScoreWeights& weights = {});

nlohmann::json traineeReportJson(const TraineeReport& report);

} // namespace spineviz
