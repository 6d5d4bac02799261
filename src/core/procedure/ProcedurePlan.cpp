#include "core/procedure/ProcedurePlan.h"

#include "core/instruments/Instrument.h"
#include "core/math/SeededRandom.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

enum : std::uint64_t { kFillDraw = 11, kPressureDraw = 12 };

constexpr float kMinTipOffset = 0.003f;      // bilateral tips stay this far from the midline
constexpr float kAnteriorCortexGap = 0.004f; // metres kept between a tip and the anterior cortex
constexpr float kCavityToCement = 1.2f;      // cement fills the cavity and interdigitates ~20 % beyond it (model)
constexpr float kCavityShareOfBalloon = 0.67f; // the cavity's volume, of the balloon's (model; see cavityOfBalloon)
constexpr float kUnilateralSavingMl = 1.3f;  // unilateral kyphoplasty uses ~1.3 mL less (meta-analysis, clinical.md)

// Distance along the path where the tip reaches a fraction of the body depth, kept off the anterior
// cortex and, with two needles, off the midline.
float anteriorTargetOf(const Trajectory& path, Access access) {
    float target = std::min(path.depthAt(kAnteriorThird), path.anteriorWall - kAnteriorCortexGap);
    if (access == Access::Bilateral && std::abs(path.axis.x) > 1e-4f) {
        // x(s) = entry.x + s * axis.x must keep the entry's sign with a margin.
        const float sign = path.entry.x >= 0.0f ? 1.0f : -1.0f;
        const float limit = (sign * kMinTipOffset - path.entry.x) / path.axis.x;
        if (limit > 0.0f) target = std::min(target, limit);
    }
    return std::max(target, path.depthAt(0.45f));
}

float ellipticBodyVolumeMl(const BodyDimensions& d) {
    return 0.78539816f * d.endplateWidth * d.endplateDepth * d.middleHeight * 1e6f; // elliptic cylinder, m^3 -> mL
}

} // namespace

Ellipsoid balloonEllipsoid(const Trajectory& path, float tipDistance, const BalloonSize& size, float volumeMl) {
    InstrumentParams params;
    params.balloonVolumeMl = volumeMl;
    params.balloonNominalLengthMm = size.nominalLengthMm;
    params.balloonMaxVolumeMl = size.maxVolumeMl;
    const BalloonShape shape = balloonShape(params); // in the tamp's frame: tip at 0, shaft along -Z
    Ellipsoid e;
    e.axis = path.axis;
    e.halfLength = 0.5f * (shape.distalZ - shape.proximalZ);
    e.centre = path.at(tipDistance + 0.5f * (shape.distalZ + shape.proximalZ));
    e.radius = shape.maxRadius;
    e.exponent = std::max(shape.exponent, 2.0f);
    return e;
}

Ellipsoid cavityOfBalloon(const Ellipsoid& balloon) {
    // The cavity left after deflation has the balloon's shape, a little smaller all round: the
    // compacted bone partly springs back when the balloon comes out (a model value, two thirds of
    // the balloon's volume: cavity volumes are a GAP in our sources; the cement model's leak rates
    // were calibrated with cavities of about this size, docs/cement.md).
    Ellipsoid cavity = balloon;
    const float shrink = std::cbrt(kCavityShareOfBalloon);
    cavity.halfLength *= shrink;
    cavity.radius *= shrink;
    return cavity;
}

ProcedurePlan ProcedurePlan::make(const ProcedureOptions& options, const VertebraLandmarks& landmarks,
                                  const BodyFrame& body, const CementModel& cementModel,
                                  const CementOptions& cementOptions) {
    ProcedurePlan plan;
    plan.cementOptions = cementOptions;
    plan.options = options;
    plan.landmarks = landmarks;
    plan.body = body;
    plan.fracture = FracturePlan::make(options, landmarks.dimensions);
    plan.timeline = Timeline(options.procedure);
    plan.bodyVolumeMl = ellipticBodyVolumeMl(landmarks.dimensions);

    const std::vector<Side> sides = options.access == Access::Bilateral ? std::vector<Side>{Side::Left, Side::Right}
                                                                        : std::vector<Side>{Side::Left};
    for (Side side : sides) {
        SidePlan s;
        s.path = planTrajectory(landmarks, side, options.access);
        s.posteriorTarget = s.path.depthAt(kPosteriorThird);
        s.anteriorTarget = anteriorTargetOf(s.path, options.access);
        plan.sides.push_back(s);
    }

    // About a fifth of the body's volume: 5 mL in an L1, in line with >= 4.5 mL for pain relief
    // (SWISSspine, PMC3804705) and 4.9 mL bilateral kyphoplasty (PMC4068843).
    const float fraction = SeededRandom(deriveSeed(options.seed, kFillDraw)).uniform(0.18f, 0.22f);
    plan.cementTargetMl = plan.bodyVolumeMl * fraction;
    if (options.access == Access::Unilateral)
        plan.cementTargetMl = std::max(plan.cementTargetMl - kUnilateralSavingMl, 0.12f * plan.bodyVolumeMl);
    if (cementOptions.volumeTargetMl) plan.cementTargetMl = std::max(*cementOptions.volumeTargetMl, 0.1f);

    if (options.procedure == Procedure::Kyphoplasty) {
        const SidePlan& first = plan.sides.front();
        plan.balloonSize = chooseBalloon((first.anteriorTarget - first.posteriorTarget) * 1e3f - 1.0f);
        // Each balloon is filled until the cavities hold what the cement will need (within its limit).
        const float perBalloon = plan.cementTargetMl / kCavityToCement / float(plan.sides.size());
        plan.balloonCurve.finalVolumeMl = std::min(perBalloon, 0.95f * plan.balloonSize.maxVolumeMl);
        SeededRandom pressure(deriveSeed(options.seed, kPressureDraw));
        plan.balloonCurve.peakPressurePsi = pressure.uniform(170.0f, 230.0f);
        plan.balloonCurve.finalPressurePsi = plan.balloonCurve.peakPressurePsi - pressure.uniform(20.0f, 50.0f);
        for (SidePlan& s : plan.sides) {
            s.balloonAtFull = balloonEllipsoid(s.path, s.anteriorTarget, plan.balloonSize, plan.balloonCurve.finalVolumeMl);
            s.cavity = cavityOfBalloon(s.balloonAtFull);
        }
    }

    plan.needleLength = buildInstrument(InstrumentKind::VertebroplastyNeedle).length;

    CementSetup setup;
    setup.procedure = options.procedure;
    setup.body = body;
    setup.corticalThickness = std::max(landmarks.dimensions.corticalThickness, 0.0005f);
    setup.targetVolumeMl = plan.cementTargetMl;
    setup.flowMlPerSecond = std::max(cementOptions.flowMlPerMinute, 0.1f) / 60.0f;
    setup.seed = options.seed;
    setup.morphology = options.morphology;
    setup.grade = options.grade;
    if (landmarks.dimensions.canalWidth > 0.0f) setup.canalWidth = landmarks.dimensions.canalWidth;
    setup.cement = cementOptions.cementFor(options.procedure);
    setup.injectionStartMinutes = cementOptions.startMinutes();
    setup.bone = cementOptions.bone;
    setup.stopAtPosteriorQuarter = cementOptions.stopAtPosteriorQuarter;
    for (const SidePlan& s : plan.sides) {
        if (options.procedure == Procedure::Kyphoplasty) setup.cavities.push_back(s.cavity);
        setup.tips.push_back(s.path.at(s.anteriorTarget));
        setup.tipAxes.push_back(s.path.axis);
    }
    plan.cementSetup = setup;
    plan.cement = std::make_shared<const CementField>(cementModel.fill(setup));
    return plan;
}

} // namespace spineviz
