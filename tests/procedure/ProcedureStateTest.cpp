// The procedure core without a window: phase order, state(t) as a pure function of time, fracture
// heights per Genant grade, restoration, balloon and cement figures, and where instruments go.

#include "SyntheticVertebra.h"
#include "core/procedure/ProcedurePlayer.h"
#include "core/procedure/ProcedureState.h"
#include "core/sim/CementFlowModel.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace spineviz {
namespace {

ProcedurePlan planFor(ProcedureOptions options) {
    return ProcedurePlan::make(options, test::syntheticL1(), test::syntheticBody(), CementFlowModel());
}

ProcedureOptions options(Procedure procedure, int grade = 2, Morphology morphology = Morphology::Wedge,
                         Access access = Access::Bilateral, std::uint32_t seed = 1) {
    ProcedureOptions o;
    o.procedure = procedure;
    o.grade = grade;
    o.morphology = morphology;
    o.access = access;
    o.seed = seed;
    return o;
}

const InstrumentPlacement* find(const ProcedureState& state, InstrumentKind kind, Side side = Side::Left) {
    for (const InstrumentPlacement& i : state.instruments)
        if (i.kind == kind && i.side == side) return &i;
    return nullptr;
}

TEST(ProcedureStateTest, PhaseOrderForBothProcedures) {
    const std::vector<PhaseId> kypho = {PhaseId::Healthy,   PhaseId::Fracture,  PhaseId::Preparation, PhaseId::Access,
                                        PhaseId::Drilling,  PhaseId::BalloonInsertion, PhaseId::Inflation, PhaseId::Deflation,
                                        PhaseId::Cement,    PhaseId::Hardening, PhaseId::Removal,     PhaseId::Outcome};
    EXPECT_EQ(phasesOf(Procedure::Kyphoplasty), kypho);
    const std::vector<PhaseId> vertebro = {PhaseId::Healthy, PhaseId::Fracture, PhaseId::Preparation, PhaseId::Access,
                                           PhaseId::Cement,  PhaseId::Hardening, PhaseId::Removal,    PhaseId::Outcome};
    EXPECT_EQ(phasesOf(Procedure::Vertebroplasty), vertebro);
    const Timeline timeline(Procedure::Kyphoplasty);
    for (std::size_t i = 0; i < kypho.size(); ++i) {
        EXPECT_EQ(timeline.at(timeline.phases()[i].start).id, kypho[i]);
        EXPECT_EQ(parsePhase(phaseName(kypho[i])), kypho[i]);
    }
    EXPECT_EQ(timeline.at(timeline.duration()).id, PhaseId::Outcome);
    EXPECT_DOUBLE_EQ(timeline.at(timeline.duration()).progress, 1.0);
}

TEST(ProcedureStateTest, StateIsTheSameWhetherPlayedScrubbedOrJumped) {
    const ProcedurePlan plan = planFor(options(Procedure::Kyphoplasty));
    for (const double target : {3.0, 31.7, 49.2, 66.0, 80.5}) {
        ProcedurePlayer played(plan.timeline);
        played.play();
        while (played.time() < target) played.advance(std::min(1.0 / 60.0, target - played.time()));
        ProcedurePlayer scrubbed(plan.timeline);
        scrubbed.seek(plan.timeline.duration());
        for (double t = plan.timeline.duration(); t > target; t -= 0.37) scrubbed.seek(t); // dragged back
        scrubbed.seek(target);
        ProcedurePlayer jumped(plan.timeline);
        jumped.jumpToPhase(plan.timeline.at(target).index);
        jumped.seek(target);

        const std::string expected = computeState(plan, target).measurements.toJson().dump();
        EXPECT_NEAR(played.time(), target, 1e-9);
        EXPECT_EQ(computeState(plan, played.time()).measurements.toJson().dump(), expected);
        EXPECT_EQ(computeState(plan, scrubbed.time()).measurements.toJson().dump(), expected);
        EXPECT_EQ(computeState(plan, jumped.time()).measurements.toJson().dump(), expected);
        // Instruments too, not only the numbers.
        const ProcedureState a = computeState(plan, target), b = computeState(plan, scrubbed.time());
        ASSERT_EQ(a.instruments.size(), b.instruments.size());
        for (std::size_t i = 0; i < a.instruments.size(); ++i) EXPECT_EQ(a.instruments[i].tip, b.instruments[i].tip);
    }
}

TEST(ProcedureStateTest, FracturedHeightsMatchTheGenantGradeForEveryShapeAndSeed) {
    // Genant: grade 1 20-25 %, grade 2 25-40 %, grade 3 > 40 % height loss.
    const float lo[] = {0.0f, 0.20f, 0.25f, 0.40f}, hi[] = {0.0f, 0.25f, 0.40f, 0.60f};
    for (int grade = 1; grade <= 3; ++grade)
        for (Morphology shape : {Morphology::Wedge, Morphology::Biconcave, Morphology::Crush})
            for (std::uint32_t seed = 1; seed <= 8; ++seed) {
                const ProcedurePlan plan = planFor(options(Procedure::Kyphoplasty, grade, shape, Access::Bilateral, seed));
                const Measurements m = computeState(plan, plan.timeline.timeOf(PhaseId::Fracture, 1.0)).measurements;
                EXPECT_EQ(m.genantGrade, grade) << morphologyName(shape) << " seed " << seed;
                EXPECT_GE(m.heightLossPercent, lo[grade] * 100.0f);
                EXPECT_LE(m.heightLossPercent, hi[grade] * 100.0f);
            }
}

TEST(ProcedureStateTest, ShapesLoseHeightWhereTheirNameSays) {
    const auto fractured = [](Morphology shape) {
        const ProcedurePlan plan = planFor(options(Procedure::Kyphoplasty, 2, shape));
        return computeState(plan, plan.timeline.timeOf(PhaseId::Fracture, 1.0)).measurements;
    };
    const Measurements wedge = fractured(Morphology::Wedge), biconcave = fractured(Morphology::Biconcave),
                       crush = fractured(Morphology::Crush);
    EXPECT_LT(wedge.anteriorHeightMm / wedge.healthyAnteriorHeightMm, wedge.posteriorHeightMm / wedge.healthyPosteriorHeightMm - 0.2f);
    EXPECT_LT(biconcave.middleHeightMm / biconcave.healthyMiddleHeightMm,
              biconcave.anteriorHeightMm / biconcave.healthyAnteriorHeightMm - 0.15f);
    EXPECT_LT(crush.posteriorHeightMm / crush.healthyPosteriorHeightMm, 0.85f);
    // A grade-2 wedge adds roughly 10-20 degrees of kyphosis (JOSR 10.1186/s13018-023-03758-w: 16.8 deg at T12).
    EXPECT_GT(wedge.wedgeAngleDeg - wedge.healthyWedgeAngleDeg, 10.0f);
    EXPECT_LT(wedge.wedgeAngleDeg - wedge.healthyWedgeAngleDeg, 22.0f);
    EXPECT_LT(std::abs(biconcave.wedgeAngleDeg - biconcave.healthyWedgeAngleDeg), 3.0f);
}

TEST(ProcedureStateTest, KyphoplastyRestoresFarMoreHeightThanVertebroplasty) {
    for (std::uint32_t seed = 1; seed <= 10; ++seed) {
        const ProcedurePlan kp = planFor(options(Procedure::Kyphoplasty, 2, Morphology::Wedge, Access::Bilateral, seed));
        const ProcedurePlan vp = planFor(options(Procedure::Vertebroplasty, 2, Morphology::Wedge, Access::Bilateral, seed));
        const Measurements kpEnd = computeState(kp, kp.timeline.duration()).measurements;
        const Measurements vpEnd = computeState(vp, vp.timeline.duration()).measurements;
        // An acute grade-2 wedge is the best case: ex vivo the balloon restored 97 % of the lost height
        // against 30 % for vertebroplasty (PMID 11154534).
        EXPECT_GT(kpEnd.heightRestoredPercent, 55.0f);
        EXPECT_LT(kpEnd.heightRestoredPercent, 100.0f);
        EXPECT_GT(vpEnd.heightRestoredPercent, 10.0f);
        EXPECT_LT(vpEnd.heightRestoredPercent, 40.0f);
        EXPECT_GT(kpEnd.heightRestoredPercent, 2.0f * vpEnd.heightRestoredPercent);
        EXPECT_LT(kpEnd.wedgeAngleDeg, vpEnd.wedgeAngleDeg);
    }
}

TEST(ProcedureStateTest, BalloonPressureAndVolumeRiseDuringInflationAndVanishAfter) {
    const ProcedurePlan plan = planFor(options(Procedure::Kyphoplasty));
    float lastVolume = 0.0f, peak = 0.0f;
    for (double p = 0.0; p <= 1.0; p += 0.05) {
        const Measurements m = computeState(plan, plan.timeline.timeOf(PhaseId::Inflation, p)).measurements;
        EXPECT_GE(m.balloonVolumeMl, lastVolume - 1e-6f);
        lastVolume = m.balloonVolumeMl;
        peak = std::max(peak, m.balloonPressurePsi);
        EXPECT_LT(m.balloonPressurePsi, 400.0f); // burst criterion (FDA K223709)
        EXPECT_EQ(m.balloons, 2);
    }
    EXPECT_GT(peak, 100.0f);
    EXPECT_GT(lastVolume, 2.0f);
    EXPECT_LE(lastVolume, 2.0f * 3.0f);
    const ProcedureState after = computeState(plan, plan.timeline.timeOf(PhaseId::Deflation, 1.0));
    EXPECT_EQ(after.measurements.balloonVolumeMl, 0.0f);
    EXPECT_EQ(after.measurements.balloonPressurePsi, 0.0f);
    EXPECT_EQ(find(after, InstrumentKind::BalloonTamp), nullptr);
    EXPECT_EQ(after.cavities.size(), 2u); // the cavities stay
}

TEST(ProcedureStateTest, VertebroplastyNeverShowsABalloonDrillOrCavity) {
    const ProcedurePlan plan = planFor(options(Procedure::Vertebroplasty));
    for (double t = 0.0; t <= plan.timeline.duration(); t += 0.25) {
        const ProcedureState s = computeState(plan, t);
        for (const InstrumentPlacement& i : s.instruments) {
            EXPECT_NE(i.kind, InstrumentKind::BalloonTamp) << t;
            EXPECT_NE(i.kind, InstrumentKind::InflationSyringe) << t;
            EXPECT_NE(i.kind, InstrumentKind::Drill) << t;
        }
        EXPECT_TRUE(s.cavities.empty());
        EXPECT_EQ(s.measurements.balloonVolumeMl, 0.0f);
    }
}

TEST(ProcedureStateTest, CementVolumeAtOutcomeIsInTheClinicalRange) {
    // >= 4.5 mL went with better pain relief (SWISSspine, PMC3804705); 4.1-4.9 mL in kyphoplasty
    // (PMC4068843); pulmonary embolism risk rises above 7 mL (JOSR 10.1186/s13018-019-1459-4).
    for (Procedure procedure : {Procedure::Kyphoplasty, Procedure::Vertebroplasty})
        for (std::uint32_t seed = 1; seed <= 5; ++seed) {
            const ProcedurePlan plan = planFor(options(procedure, 2, Morphology::Wedge, Access::Bilateral, seed));
            const Measurements end = computeState(plan, plan.timeline.duration()).measurements;
            EXPECT_GE(end.cementVolumeMl, 3.5f) << procedureName(procedure);
            EXPECT_LE(end.cementVolumeMl, 7.0f) << procedureName(procedure);
            // The flow model stops at the target, or earlier when cement nears the posterior wall.
            EXPECT_LE(end.cementVolumeMl, plan.cementTargetMl + 0.01f);
            EXPECT_NEAR(end.cementVolumeMl, plan.cement->finalVolume(), 0.01f);
            EXPECT_NEAR(end.cementRetainedMl + end.cementLeakedMl, end.cementInjectedMl, 0.001f * end.cementInjectedMl);
            EXPECT_GE(end.cementCure, 0.999f);
            // None before the cement phase, growing through it.
            EXPECT_EQ(computeState(plan, plan.timeline.startOf(PhaseId::Cement) - 0.01).measurements.cementVolumeMl, 0.0f);
            const float middle = computeState(plan, plan.timeline.timeOf(PhaseId::Cement, 0.6)).measurements.cementVolumeMl;
            EXPECT_GT(middle, 0.5f);
            EXPECT_LT(middle, end.cementVolumeMl);
        }
    const ProcedurePlan one = planFor(options(Procedure::Kyphoplasty, 2, Morphology::Wedge, Access::Unilateral));
    const ProcedurePlan two = planFor(options(Procedure::Kyphoplasty, 2, Morphology::Wedge, Access::Bilateral));
    EXPECT_LT(one.cementTargetMl, two.cementTargetMl); // unilateral uses less (meta-analysis: ~1.3 mL)
}

TEST(ProcedureStateTest, InstrumentsFollowThePedicleLandmarks) {
    const ProcedurePlan plan = planFor(options(Procedure::Kyphoplasty));
    const VertebraLandmarks l = test::syntheticL1();
    for (Side side : {Side::Left, Side::Right}) {
        const ProcedureState access = computeState(plan, plan.timeline.timeOf(PhaseId::Access, 0.4));
        const InstrumentPlacement* trocar = find(access, InstrumentKind::Trocar, side);
        ASSERT_NE(trocar, nullptr);
        const PedicleLandmarks& pedicle = l.pedicle(side);
        // On the pedicle's line: the offset from the entry is parallel to the axis.
        const glm::vec3 offset = trocar->tip - pedicle.entry;
        EXPECT_LT(glm::length(glm::cross(offset, pedicle.axis)), 1e-5f);
        EXPECT_GT(glm::dot(trocar->axis, pedicle.axis), 0.9999f);
        // At the end of access the cannula's tip is just inside the posterior wall.
        const ProcedureState done = computeState(plan, plan.timeline.timeOf(PhaseId::Access, 1.0));
        const InstrumentPlacement* cannula = find(done, InstrumentKind::WorkingCannula, side);
        ASSERT_NE(cannula, nullptr);
        EXPECT_GT(cannula->tip.z, l.posteriorWall.z);
        EXPECT_LT(cannula->tip.z, l.posteriorWall.z + 0.4f * 0.032f);
        EXPECT_EQ(find(done, InstrumentKind::Trocar, side), nullptr);
        // The drill reaches the anterior third, short of the anterior cortex.
        const ProcedureState drilling = computeState(plan, plan.timeline.timeOf(PhaseId::Drilling, 0.7));
        const InstrumentPlacement* drill = find(drilling, InstrumentKind::Drill, side);
        ASSERT_NE(drill, nullptr);
        EXPECT_GT(drill->tip.z, l.posteriorWall.z + 0.6f * 0.032f);
        EXPECT_LT(drill->tip.z, l.anteriorWall.z - 0.003f);
    }
    // Bilateral tips stay on their own side of the midline.
    const ProcedureState drilling = computeState(plan, plan.timeline.timeOf(PhaseId::Drilling, 0.7));
    EXPECT_GT(find(drilling, InstrumentKind::Drill, Side::Left)->tip.x, 0.0f);
    EXPECT_LT(find(drilling, InstrumentKind::Drill, Side::Right)->tip.x, 0.0f);
}

TEST(ProcedureStateTest, UnilateralNeedleReachesTheMidlineRegion) {
    const ProcedurePlan plan = planFor(options(Procedure::Vertebroplasty, 2, Morphology::Wedge, Access::Unilateral));
    ASSERT_EQ(plan.sides.size(), 1u);
    const ProcedureState s = computeState(plan, plan.timeline.timeOf(PhaseId::Access, 1.0));
    const InstrumentPlacement* needle = find(s, InstrumentKind::VertebroplastyNeedle);
    ASSERT_NE(needle, nullptr);
    EXPECT_LT(std::abs(needle->tip.x), 0.006f);
    EXPECT_GT(needle->tip.z, 0.0f); // anterior half
}

TEST(ProcedureStateTest, NoInstrumentsAtTheStartOrTheOutcome) {
    for (Procedure procedure : {Procedure::Kyphoplasty, Procedure::Vertebroplasty}) {
        const ProcedurePlan plan = planFor(options(procedure));
        EXPECT_TRUE(computeState(plan, 0.0).instruments.empty());
        EXPECT_TRUE(computeState(plan, plan.timeline.startOf(PhaseId::Outcome)).instruments.empty());
        EXPECT_TRUE(computeState(plan, plan.timeline.duration()).instruments.empty());
        EXPECT_TRUE(computeState(plan, 0.0).deformation.isIdentity());
    }
}

TEST(ProcedureStateTest, MeasurementsJsonCarriesEveryFigure) {
    const ProcedurePlan plan = planFor(options(Procedure::Kyphoplasty));
    const nlohmann::json j = computeState(plan, plan.timeline.timeOf(PhaseId::Inflation, 0.8)).measurements.toJson();
    for (const char* key : {"procedure", "level", "phase", "anterior_height_mm", "middle_height_mm", "posterior_height_mm",
                            "height_loss_percent", "genant_grade", "wedge_angle_deg", "height_restored_percent",
                            "balloon_pressure_psi", "balloon_volume_ml", "cement_volume_ml"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["phase"], "inflation");
    EXPECT_EQ(j["level"], "L1");
}

TEST(ProcedureStateTest, MeasurementsShowInjectedRetainedAndLeakedCementAndEachLeak) {
    // A leaking vertebroplasty: during the injection and at the end, the volumes add up and each
    // leak carries its type, volume, start and place.
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        const ProcedurePlan plan = planFor(options(Procedure::Vertebroplasty, 3, Morphology::Crush, Access::Bilateral, seed));
        if (plan.cement->leaks.empty()) continue;
        const CementLeak& first = plan.cement->leaks.front();
        const double leakStarts = timelineTimeOfInjection(plan, first.startSeconds);
        EXPECT_TRUE(computeState(plan, leakStarts - 0.05).measurements.cementLeaks.empty());
        const Measurements m = computeState(plan, plan.timeline.duration()).measurements;
        EXPECT_NEAR(m.cementRetainedMl + m.cementLeakedMl, m.cementInjectedMl, 0.001f * m.cementInjectedMl);
        ASSERT_FALSE(m.cementLeaks.empty());
        EXPECT_EQ(m.cementLeaks.front().type, leakTypeName(first.type));
        EXPECT_NEAR(m.cementLeaks.front().volumeMl, first.finalVolumeMl, 1e-4f);
        EXPECT_EQ(m.cementPhase, "set");
        const nlohmann::json j = m.toJson();
        for (const char* key : {"cement_injected_ml", "cement_retained_ml", "cement_leaked_ml", "cement_leaks", "cement_viscosity_pa_s",
                                "cement_phase", "cement_kind"})
            EXPECT_TRUE(j.contains(key)) << key;
        const nlohmann::json& leak = j["cement_leaks"][0];
        for (const char* key : {"type", "code", "title", "volume_ml", "start_s", "position_mm", "exit_mm"}) EXPECT_TRUE(leak.contains(key)) << key;
        EXPECT_EQ(leak["position_mm"].size(), 3u);
        return;
    }
    FAIL() << "no seed leaked";
}

} // namespace
} // namespace spineviz
