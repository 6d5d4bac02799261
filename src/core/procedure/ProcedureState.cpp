#include "core/procedure/ProcedureState.h"

#include "core/anatomy/SpineLevels.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

float smooth(double x) {
    const float t = static_cast<float>(std::clamp(x, 0.0, 1.0));
    return t * t * (3.0f - 2.0f * t);
}

// Fraction of the way through [a, b] of a phase's progress.
double segment(double progress, double a, double b) { return std::clamp((progress - a) / (b - a), 0.0, 1.0); }

// Cement clock (minutes since the powder and liquid were mixed). PMMA is delivered once it has
// become a paste, a few minutes after mixing, and sets about 13 minutes after mixing (Kyphon patent
// US7968616; handling time 8.5 min at 22 C, BMC Musculoskelet Disord 2012, PMID 23072273). The
// injection's own start, length and setting time come from the cement model (plan.cement); these
// are the fallbacks when there is none.
constexpr float kDeliveryStartMinutes = 4.0f;
constexpr float kSetMinutes = 13.0f;
constexpr float kHardeningEndMinutes = 15.0f;

// Distances along a path (metres) that instruments travel from or back to: outside the skin.
constexpr float kOutside = 0.10f;

struct Clock {
    const ProcedurePlan& plan;
    double time;
    int index;   // current phase index
    double progress;

    // 0 before the phase, 1 after it, its progress during it; 0 for phases this procedure lacks.
    double of(PhaseId id) const {
        const int i = plan.timeline.indexOf(id);
        if (i < 0) return 0.0;
        if (i < index) return 1.0;
        if (i > index) return 0.0;
        return progress;
    }
    bool in(PhaseId id) const { return plan.timeline.indexOf(id) == index; }
};

InstrumentPlacement place(InstrumentKind kind, const SidePlan& side, float distance) {
    InstrumentPlacement p{kind, Side::Left, {}, {}, 0.0f, {}, -1};
    p.side = side.path.side;
    p.tip = side.path.at(distance);
    p.axis = side.path.axis;
    return p;
}

// Where the working cannula's tip rests: just past the posterior wall.
float cannulaDepth(const SidePlan& side) { return side.path.posteriorWall + 0.003f; }

float approach(const SidePlan& side, double progress, float target) {
    // Outside -> skin -> bone entry -> target, slower through bone than through soft tissue.
    const float skin = -side.path.skin;
    if (progress < 0.12) return -side.path.skin - kOutside * (1.0f - smooth(progress / 0.12));
    if (progress < 0.22) return skin + (0.0f - skin) * smooth(segment(progress, 0.12, 0.22));
    return target * smooth(segment(progress, 0.22, 1.0));
}

float withdraw(float from, double progress) { return from + (-kOutside - 0.1f - from) * smooth(progress); }

float balloonVolume(const Clock& c) {
    const float full = c.plan.balloonCurve.finalVolumeMl;
    if (c.in(PhaseId::Inflation)) return full * smooth(segment(c.progress, 0.05, 0.95));
    if (c.in(PhaseId::Deflation)) return full * (1.0f - smooth(segment(c.progress, 0.0, 0.35)));
    return 0.0f;
}

// Where in the cement phase the injection starts (before it: mixing and waiting for a paste).
double injectionStartProgress(const ProcedurePlan& plan) { return plan.options.procedure == Procedure::Kyphoplasty ? 0.3 : 0.1; }

// Seconds into the injection, on the cement model's clock (< 0 before it starts).
float cementTime(const Clock& c) {
    const float total = c.plan.cement ? c.plan.cement->injectionSeconds : 0.0f;
    if (c.of(PhaseId::Cement) <= 0.0) return -1.0f;
    if (!c.in(PhaseId::Cement)) return total;
    const double start = injectionStartProgress(c.plan);
    if (c.progress < start) return -1.0f;
    return total * static_cast<float>(segment(c.progress, start, 0.95));
}

struct CementClock {
    float start = kDeliveryStartMinutes; // injection starts (minutes after mixing)
    float end = kDeliveryStartMinutes;   // injection ends
    float set = kSetMinutes;
    float hardeningEnd = kHardeningEndMinutes;
};

CementClock cementClock(const ProcedurePlan& plan) {
    CementClock k;
    if (plan.cement) {
        k.start = plan.cement->injectionStartMinutes;
        k.end = k.start + plan.cement->injectionSeconds / 60.0f;
        k.set = plan.cement->rheology.setMinutes();
    }
    k.set = std::max(k.set, k.end + 0.5f);
    k.hardeningEnd = std::max(kHardeningEndMinutes, k.set + 1.0f);
    return k;
}

float cementMinutes(const Clock& c) {
    if (c.of(PhaseId::Cement) <= 0.0) return 0.0f;
    const CementClock k = cementClock(c.plan);
    if (c.in(PhaseId::Cement)) {
        const double start = injectionStartProgress(c.plan);
        if (c.progress < start) return k.start * static_cast<float>(c.progress / start);
        return k.start + std::max(cementTime(c), 0.0f) / 60.0f;
    }
    if (c.in(PhaseId::Hardening)) return k.end + (k.hardeningEnd - k.end) * static_cast<float>(c.progress);
    return k.hardeningEnd;
}

WallHeights heightsAt(const Clock& c) {
    const FracturePlan& f = c.plan.fracture;
    const double fracture = c.of(PhaseId::Fracture);
    if (fracture < 1.0) return mix(f.rest, f.fractured, smooth(fracture));
    float recovered = f.posturalRecovery * smooth(c.of(PhaseId::Preparation));
    const float treatmentGain = f.treatedRecovery - f.posturalRecovery;
    if (c.plan.options.procedure == Procedure::Kyphoplasty) {
        const float lift = c.of(PhaseId::Inflation) >= 1.0 ? 1.0f : c.plan.balloonCurve.liftAt(balloonVolume(c));
        const float settle = f.deflationLoss * smooth(segment(c.of(PhaseId::Deflation), 0.0, 0.35));
        recovered += treatmentGain * lift * (1.0f - settle);
    } else {
        recovered += treatmentGain * smooth(c.of(PhaseId::Cement));
    }
    return f.recoveredBy(recovered);
}

void addAccessInstruments(const Clock& c, const SidePlan& s, std::vector<InstrumentPlacement>& out) {
    const bool kypho = c.plan.options.procedure == Procedure::Kyphoplasty;
    const double p = c.progress;
    if (!kypho) {
        InstrumentPlacement needle = place(InstrumentKind::VertebroplastyNeedle, s, approach(s, std::min(p / 0.8, 1.0), s.anteriorTarget));
        needle.params.needleGauge = c.plan.pedicleFit.gauge;
        out.push_back(needle);
        return;
    }
    // Trocar to the posterior third; the working cannula slides over it; the trocar comes out.
    if (p < 0.95) {
        const float depth = p < 0.5 ? approach(s, p / 0.5, s.posteriorTarget) : withdraw(s.posteriorTarget, segment(p, 0.75, 0.95));
        out.push_back(place(InstrumentKind::Trocar, s, depth));
    }
    if (p >= 0.5) {
        const float skin = -s.path.skin;
        out.push_back(place(InstrumentKind::WorkingCannula, s, skin + (cannulaDepth(s) - skin) * smooth(segment(p, 0.5, 0.72))));
    }
}

void addKyphoplastyInstruments(const Clock& c, const SidePlan& s, std::vector<InstrumentPlacement>& out) {
    const double p = c.progress;
    const auto cannula = [&] { out.push_back(place(InstrumentKind::WorkingCannula, s, cannulaDepth(s))); };
    switch (c.plan.timeline.phases()[c.index].id) {
    case PhaseId::Drilling: {
        cannula();
        if (p >= 0.97) break;
        // In through the cannula, a pause at the anterior third while the channel is finished and
        // checked on the lateral view, then out.
        float depth = p < 0.55 ? -kOutside + (s.anteriorTarget + kOutside) * smooth(p / 0.55)
                               : withdraw(s.anteriorTarget, segment(p, 0.85, 0.97));
        InstrumentPlacement drill = place(InstrumentKind::Drill, s, depth);
        drill.roll = static_cast<float>(p) * 60.0f; // hand-turned
        out.push_back(drill);
        break;
    }
    case PhaseId::BalloonInsertion:
    case PhaseId::Inflation:
    case PhaseId::Deflation: {
        cannula();
        const PhaseId id = c.plan.timeline.phases()[c.index].id;
        float depth = s.anteriorTarget;
        if (id == PhaseId::BalloonInsertion) depth = -kOutside + (s.anteriorTarget + kOutside) * smooth(p / 0.65);
        if (id == PhaseId::Deflation) {
            if (p >= 0.85) break;
            depth = withdraw(s.anteriorTarget, segment(p, 0.35, 0.85));
        }
        InstrumentPlacement tamp = place(InstrumentKind::BalloonTamp, s, depth);
        tamp.params.balloonVolumeMl = balloonVolume(c);
        tamp.params.balloonNominalLengthMm = c.plan.balloonSize.nominalLengthMm;
        tamp.params.balloonMaxVolumeMl = c.plan.balloonSize.maxVolumeMl;
        out.push_back(tamp);
        if (id != PhaseId::BalloonInsertion || p >= 0.6) {
            // The inflation device hangs off the tamp's inflation port, outside the patient.
            InstrumentPlacement syringe = place(InstrumentKind::InflationSyringe, s, depth);
            syringe.attachedTo = static_cast<int>(out.size()) - 1;
            syringe.params.mirrored = s.path.side == Side::Right;
            syringe.params.pressurePsi = c.plan.balloonCurve.pressureAt(tamp.params.balloonVolumeMl);
            if (id == PhaseId::Deflation) syringe.params.pressurePsi *= 1.0f - smooth(segment(p, 0.0, 0.3));
            syringe.params.plungerTravel = tamp.params.balloonVolumeMl / std::max(c.plan.balloonCurve.finalVolumeMl, 1e-3f);
            out.push_back(syringe);
        }
        break;
    }
    case PhaseId::Cement: {
        cannula();
        if (p >= 0.98) break;
        float depth;
        if (p < 0.15) depth = -kOutside;
        else if (p < 0.3) depth = -kOutside + (s.anteriorTarget + kOutside) * smooth(segment(p, 0.15, 0.3));
        else if (p < 0.95) depth = s.anteriorTarget + (cannulaDepth(s) - s.anteriorTarget) * smooth(segment(p, 0.3, 0.95)); // back-filling
        else depth = withdraw(cannulaDepth(s), segment(p, 0.95, 0.98));
        InstrumentPlacement filler = place(InstrumentKind::BoneFiller, s, depth);
        filler.params.cementFill = 1.0f - 0.85f * smooth(segment(p, 0.3, 0.95));
        out.push_back(filler);
        break;
    }
    case PhaseId::Hardening: cannula(); break;
    case PhaseId::Removal:
        if (p < 0.6) out.push_back(place(InstrumentKind::WorkingCannula, s, withdraw(cannulaDepth(s), p / 0.6)));
        break;
    default: break;
    }
}

void addVertebroplastyInstruments(const Clock& c, const SidePlan& s, std::vector<InstrumentPlacement>& out) {
    const double p = c.progress;
    const auto needle = [&](float depth) {
        InstrumentPlacement n = place(InstrumentKind::VertebroplastyNeedle, s, depth);
        n.params.needleGauge = c.plan.pedicleFit.gauge;
        out.push_back(n);
    };
    switch (c.plan.timeline.phases()[c.index].id) {
    case PhaseId::Cement: {
        needle(s.anteriorTarget);
        // The cement delivery device docks on the needle's hub.
        InstrumentPlacement filler = place(InstrumentKind::BoneFiller, s, s.anteriorTarget - c.plan.needleLength);
        filler.params.cementFill = 1.0f - 0.85f * smooth(segment(p, 0.1, 0.95));
        out.push_back(filler);
        break;
    }
    case PhaseId::Hardening: needle(s.anteriorTarget); break;
    case PhaseId::Removal:
        if (p < 0.6) needle(withdraw(s.anteriorTarget, p / 0.6));
        break;
    default: break;
    }
}

std::vector<InstrumentPlacement> instrumentsAt(const Clock& c) {
    std::vector<InstrumentPlacement> out;
    const PhaseId id = c.plan.timeline.phases()[c.index].id;
    for (const SidePlan& s : c.plan.sides) {
        if (id == PhaseId::Access) addAccessInstruments(c, s, out);
        else if (c.plan.options.procedure == Procedure::Kyphoplasty) addKyphoplastyInstruments(c, s, out);
        else addVertebroplastyInstruments(c, s, out);
    }
    return out;
}

Measurements measure(const Clock& c, const ProcedureState& state) {
    const ProcedurePlan& plan = c.plan;
    const FracturePlan& f = plan.fracture;
    Measurements m;
    m.procedure = procedureName(plan.options.procedure);
    m.level = plan.options.level;
    m.phase = phaseName(c.plan.timeline.phases()[c.index].id);
    m.phaseNumber = c.index + 1;
    m.fractureAge = fractureAgeName(plan.options.age);
    m.bone = boneQualityName(plan.cementOptions.bone);
    m.accessRoute = accessRouteName(plan.pedicleFit.route);
    m.accessGauge = plan.pedicleFit.gauge;
    m.accessInstrumentMm = plan.pedicleFit.instrumentMm;
    m.pedicleWidthMm = plan.pedicleFit.pedicleWidthMm;
    m.timeSeconds = c.time;
    m.anteriorHeightMm = state.heights.anterior * 1e3f;
    m.middleHeightMm = state.heights.middle * 1e3f;
    m.posteriorHeightMm = state.heights.posterior * 1e3f;
    m.healthyAnteriorHeightMm = f.rest.anterior * 1e3f;
    m.healthyMiddleHeightMm = f.rest.middle * 1e3f;
    m.healthyPosteriorHeightMm = f.rest.posterior * 1e3f;
    const float loss = heightLossOf(state.heights, f.rest);
    m.heightLossPercent = loss * 100.0f;
    m.genantGrade = genantGrade(loss);
    m.wedgeAngleDeg = wedgeAngleDegrees(state.heights, f.depth);
    m.healthyWedgeAngleDeg = wedgeAngleDegrees(f.rest, f.depth);
    const float lost = f.heightLoss;
    m.heightRestoredPercent = c.of(PhaseId::Fracture) >= 1.0 && lost > 0.0f ? std::max(0.0f, (lost - loss) / lost * 100.0f) : 0.0f;
    for (const InstrumentPlacement& i : state.instruments)
        if (i.kind == InstrumentKind::BalloonTamp) {
            m.balloonVolumeMl += i.params.balloonVolumeMl;
            ++m.balloons;
        }
    if (m.balloons > 0 && m.balloonVolumeMl > 0.0f)
        m.balloonPressurePsi = plan.balloonCurve.pressureAt(m.balloonVolumeMl / float(m.balloons));
    if (plan.options.procedure == Procedure::Kyphoplasty && c.of(PhaseId::Inflation) >= 1.0) {
        m.balloonStop = balloonStopName(plan.balloonCurve.stop);
        m.balloonFinalVolumeMl = plan.balloonCurve.finalVolumeMl;
        m.balloonFinalPressurePsi = plan.balloonCurve.finalPressurePsi();
    }
    if (plan.cement && state.cementTime >= 0.0f) {
        const CementField& field = *plan.cement;
        const float t = state.cementTime;
        m.cementInjectedMl = field.injectedVolumeAt(t);
        m.cementRetainedMl = field.retainedVolumeAt(t);
        m.cementLeakedMl = field.leakedVolumeAt(t);
        m.cementPressureKPa = t < field.injectionSeconds ? field.pressureKPaAt(t) : 0.0f;
        // Needles in the plan's side order; a unilateral access uses the left pedicle.
        for (std::size_t n = 0; n < plan.sides.size() && n < 2; ++n)
            (plan.sides[n].path.side == Side::Left ? m.cementInjectedLeftMl : m.cementInjectedRightMl) = field.needleVolumeAt(int(n), t);
        if (field.history.empty()) m.cementInjectedLeftMl = m.cementInjectedMl; // a model without per-needle figures
        for (std::size_t i = 0; i < field.leaks.size(); ++i) {
            const float volume = field.leakVolumeAt(int(i), t);
            if (volume <= 0.0f) continue;
            if (!isVisibleLeak(volume)) {
                m.cementTraceMl += volume;
                continue;
            }
            Measurements::Leak leak;
            leak.type = leakTypeName(field.leaks[i].type);
            leak.code = leakTypeCode(field.leaks[i].type);
            leak.title = leakTypeTitle(field.leaks[i].type);
            leak.volumeMl = volume;
            leak.startSeconds = field.leaks[i].startSeconds;
            leak.positionMm = field.leakCentroidAt(int(i), t) * 1e3f;
            leak.exitMm = field.leaks[i].exitPosition * 1e3f;
            m.cementLeaks.push_back(leak);
        }
    }
    m.cementVolumeMl = m.cementInjectedMl;
    m.cementTargetMl = plan.cement ? plan.cement->finalVolume() : 0.0f;
    if (plan.cement) m.cementKind = cementKindName(plan.cement->rheology.kind);
    m.cementMinutesSinceMixing = cementMinutes(c);
    if (plan.cement && m.cementMinutesSinceMixing > 0.0f) {
        m.cementPhase = cementPhaseName(plan.cement->rheology.phaseAt(m.cementMinutesSinceMixing));
        m.cementViscosityPaS = plan.cement->rheology.viscosityAt(m.cementMinutesSinceMixing);
    }
    m.cementCure = state.cementCure;
    return m;
}

} // namespace

ProcedureState computeState(const ProcedurePlan& plan, double time) {
    const PhaseTime phase = plan.timeline.at(time);
    const Clock clock{plan, std::clamp(time, 0.0, plan.timeline.duration()), phase.index, phase.progress};
    ProcedureState state;
    state.time = clock.time;
    state.phase = phase;
    state.heights = heightsAt(clock);
    state.deformation = BodyDeformation(plan.body, plan.fracture.rest, state.heights);
    state.instruments = instrumentsAt(clock);
    if (plan.options.procedure == Procedure::Kyphoplasty && clock.of(PhaseId::Deflation) >= 0.35)
        for (const SidePlan& s : plan.sides) state.cavities.push_back(s.cavity);
    state.cementTime = cementTime(clock);
    const float minutes = cementMinutes(clock);
    const CementClock cement = cementClock(plan);
    state.cementCure = minutes <= cement.end ? 0.0f : smooth((minutes - cement.end) / (cement.set - cement.end));
    state.measurements = measure(clock, state);
    return state;
}

double timelineTimeOfInjection(const ProcedurePlan& plan, float injectionSeconds) {
    const float total = plan.cement ? plan.cement->injectionSeconds : 0.0f;
    const double start = injectionStartProgress(plan);
    const double fraction = total > 0.0f ? std::clamp(double(injectionSeconds) / double(total), 0.0, 1.0) : 0.0;
    return plan.timeline.timeOf(PhaseId::Cement, start + (0.95 - start) * fraction);
}

} // namespace spineviz
