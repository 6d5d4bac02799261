#include "core/procedure/ProcedurePlan.h"

#include "core/instruments/Instrument.h"
#include "core/math/SeededRandom.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

enum : std::uint64_t { kFillDraw = 11, kResistanceDraw = 13 };

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

// The balloon volume (mL) at which the inflated balloon would come within kCortexMargin of an
// endplate, in the healthy pose (that is, once it has lifted the endplate all the way back): pushing
// on would break the endplate into the disc. Against the side walls a balloon yields toward the
// softer bone in the middle instead, and its length (hence the anterior cortex) is fixed by its size.
constexpr float kCortexMargin = 0.0015f; // metres (model: the surgeon stops as the balloon nears an endplate)

bool insideInterior(const BodyFrame& b, float shell, const glm::vec3& p) {
    return p.y <= b.superiorY - shell - kCortexMargin && p.y >= b.inferiorY + shell + kCortexMargin;
}

bool balloonFits(const ProcedurePlan& plan, float volumeMl) {
    const float shell = plan.landmarks.dimensions.corticalThickness;
    for (const SidePlan& s : plan.sides) {
        const Ellipsoid e = balloonEllipsoid(s.path, s.anteriorTarget, plan.balloonSize, volumeMl);
        // The balloon's length is fixed by its size (chosen to fit the path); what grows is its
        // girth: the points across its axis, every 45 degrees, along its middle half.
        const glm::vec3 axis = e.axis;
        glm::vec3 across = glm::cross(axis, glm::vec3(0.0f, 1.0f, 0.0f));
        across = glm::length(across) > 1e-4f ? glm::normalize(across) : glm::vec3(1.0f, 0.0f, 0.0f);
        const glm::vec3 up = glm::normalize(glm::cross(across, axis));
        for (float along : {-0.5f, 0.0f, 0.5f}) {
            const float girth = e.radius * std::sqrt(1.0f - along * along);
            for (int k = 0; k < 8; ++k) {
                const float a = 0.78539816f * float(k);
                const glm::vec3 p = e.centre + axis * (along * e.halfLength) + (across * std::cos(a) + up * std::sin(a)) * girth;
                if (!insideInterior(plan.body, shell, p)) return false;
            }
        }
    }
    return true;
}

float cortexLimitMl(const ProcedurePlan& plan) {
    float lo = 0.1f, hi = plan.balloonSize.maxVolumeMl;
    if (balloonFits(plan, hi)) return hi + 1.0f; // never the limit
    if (!balloonFits(plan, lo)) return lo;
    for (int i = 0; i < 14; ++i) {
        const float mid = 0.5f * (lo + hi);
        (balloonFits(plan, mid) ? lo : hi) = mid;
    }
    return lo;
}

// Inflation: each balloon is filled toward what the cement will need, and stops at the first
// criterion (BalloonModel.h). The height it takes back follows from the volume reached past the
// bone's yield, against the volume that would lift the endplates as far as the fracture lets them.
constexpr float kLiftVolumePerLostVolume = 0.7f; // model: the balloon lifts the collapsed part, the rest hinges with it
constexpr float kUnilateralReduction = 0.85f;    // model: one balloon lifts off-centre, less evenly

void planInflation(ProcedurePlan& plan, BoneQuality bone) {
    const SidePlan& first = plan.sides.front();
    plan.balloonSize = chooseBalloon((first.anteriorTarget - first.posteriorTarget) * 1e3f - 1.0f);
    const float balloons = float(plan.sides.size());
    BalloonCurve& curve = plan.balloonCurve;
    curve = balloonResistance(bone, deriveSeed(plan.options.seed, kResistanceDraw));
    const float room = std::max(0.0f, plan.fracture.reducible - plan.fracture.posturalRecovery);
    curve.reducedVolumeMl = curve.yieldVolumeMl + kLiftVolumePerLostVolume * plan.fracture.lostVolumeMl() * room / balloons;
    const float target = plan.cementTargetMl / kCavityToCement / balloons;
    curve.inflate(target, cortexLimitMl(plan), 0.95f * plan.balloonSize.maxVolumeMl);
    const float access = plan.options.access == Access::Unilateral ? kUnilateralReduction : 1.0f;
    plan.fracture.applyBalloonReduction(curve.reduction() * access);
    for (SidePlan& s : plan.sides) {
        s.balloonAtFull = balloonEllipsoid(s.path, s.anteriorTarget, plan.balloonSize, curve.finalVolumeMl);
        s.cavity = cavityOfBalloon(s.balloonAtFull);
    }
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

    if (options.procedure == Procedure::Kyphoplasty) planInflation(plan, cementOptions.bone);

    // T5-T8 pedicles may be narrower than the instrument (T5 3.65-3.8 mm in series, anatomy.md 1c).
    const float pedicleMm = std::min(landmarks.pedicle(Side::Left).width, landmarks.pedicle(Side::Right).width) * 1e3f;
    plan.pedicleFit = fitPedicle(options.procedure == Procedure::Kyphoplasty, pedicleMm > 0.0f ? pedicleMm : 10.0f);
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
