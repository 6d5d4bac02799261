// Figures that must answer to the case (issue 11): restoration by fracture, leaks only above the
// visibility threshold, each needle's share, and the small-grid comparison with the literature.

#include "SyntheticVertebra.h"
#include "core/procedure/LiteratureComparison.h"
#include "core/procedure/ProcedureState.h"
#include "core/sim/CementFlowModel.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

ProcedurePlan planFor(Procedure procedure, int grade, Morphology morphology, std::uint32_t seed, FractureAge age = FractureAge::Acute,
                      const CementOptions& cement = {}) {
    ProcedureOptions o;
    o.procedure = procedure;
    o.grade = grade;
    o.morphology = morphology;
    o.seed = seed;
    o.age = age;
    return ProcedurePlan::make(o, test::syntheticL1(), test::syntheticBody(), CementFlowModel(), cement);
}

Measurements atEnd(const ProcedurePlan& plan) { return computeState(plan, plan.timeline.duration()).measurements; }

TEST(CaseFiguresTest, RestorationFollowsTheFractureItsAgeAndTheProcedure) {
    for (std::uint32_t seed = 1; seed <= 3; ++seed) {
        const float wedge2 = atEnd(planFor(Procedure::Kyphoplasty, 2, Morphology::Wedge, seed)).heightRestoredPercent;
        const float crush3 = atEnd(planFor(Procedure::Kyphoplasty, 3, Morphology::Crush, seed)).heightRestoredPercent;
        const float chronic = atEnd(planFor(Procedure::Kyphoplasty, 2, Morphology::Wedge, seed, FractureAge::Chronic)).heightRestoredPercent;
        const float vertebroplasty = atEnd(planFor(Procedure::Vertebroplasty, 2, Morphology::Wedge, seed)).heightRestoredPercent;
        // A crush restores least and a healed fracture hardly at all (issue 11); vertebroplasty about a
        // third of kyphoplasty's (ex vivo 30 % vs 97 %, PMID 11154534).
        EXPECT_LT(crush3, 0.75f * wedge2) << seed;
        EXPECT_LT(chronic, 0.5f * wedge2) << seed;
        EXPECT_LT(vertebroplasty, 0.5f * wedge2) << seed;
    }
}

TEST(CaseFiguresTest, BalloonPressureDependsOnTheBoneAndInflationStopsOnACriterion) {
    CementOptions normal;
    normal.bone = BoneQuality::Normal;
    for (std::uint32_t seed = 1; seed <= 3; ++seed) {
        const ProcedurePlan soft = planFor(Procedure::Kyphoplasty, 2, Morphology::Wedge, seed);
        const ProcedurePlan hard = planFor(Procedure::Kyphoplasty, 2, Morphology::Wedge, seed, FractureAge::Acute, normal);
        EXPECT_GT(hard.balloonCurve.pressureAt(1.0f), 1.3f * soft.balloonCurve.pressureAt(1.0f)) << seed;
        for (const ProcedurePlan* p : {&soft, &hard}) {
            EXPECT_LE(p->balloonCurve.finalPressurePsi(), kRatedPressurePsi + 5.0f);
            EXPECT_LE(p->balloonCurve.finalVolumeMl, p->balloonSize.maxVolumeMl);
            const Measurements m = computeState(*p, p->timeline.timeOf(PhaseId::Deflation, 0.0)).measurements;
            EXPECT_FALSE(m.balloonStop.empty());
            EXPECT_NEAR(m.balloonFinalVolumeMl, p->balloonCurve.finalVolumeMl, 1e-4f);
        }
    }
}

TEST(CaseFiguresTest, NoLeakEntryBelowTheVisibilityThreshold) {
    int traces = 0, visible = 0;
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
        const ProcedurePlan plan = planFor(Procedure::Vertebroplasty, 3, Morphology::Crush, seed);
        for (double p : {0.4, 0.7, 1.0}) {
            const Measurements m = computeState(plan, plan.timeline.timeOf(PhaseId::Cement, p)).measurements;
            float listed = 0.0f;
            for (const Measurements::Leak& l : m.cementLeaks) {
                EXPECT_GE(l.volumeMl, kVisibleLeakMl) << seed;
                listed += l.volumeMl;
            }
            EXPECT_NEAR(listed + m.cementTraceMl, m.cementLeakedMl, 1e-3f);
            traces += m.cementTraceMl > 0.0f ? 1 : 0;
            visible += m.cementLeaks.empty() ? 0 : 1;
        }
    }
    EXPECT_GT(visible, 0); // the check has leaks to look at
    (void)traces;
}

TEST(CaseFiguresTest, BilateralNeedlesEachDeliverAboutHalf) {
    for (Procedure procedure : {Procedure::Vertebroplasty, Procedure::Kyphoplasty})
        for (std::uint32_t seed = 1; seed <= 3; ++seed) {
            const Measurements m = atEnd(planFor(procedure, 2, Morphology::Wedge, seed));
            const float total = m.cementInjectedLeftMl + m.cementInjectedRightMl;
            ASSERT_GT(total, 1.0f);
            EXPECT_NEAR(total, m.cementInjectedMl, 0.05f);
            EXPECT_GE(m.cementInjectedLeftMl / total, 0.35f) << procedureName(procedure) << " " << seed;
            EXPECT_LE(m.cementInjectedLeftMl / total, 0.65f) << procedureName(procedure) << " " << seed;
            const nlohmann::json j = m.toJson();
            EXPECT_TRUE(j.contains("cement_injected_ml_left"));
            EXPECT_TRUE(j.contains("cement_injected_ml_right"));
        }
}

TEST(CaseFiguresTest, SmallGridPointsTheWayTheLiteratureDoes) {
    // A few cases and seeds (the whole grid is tools/cement_calibration): the contrasts hold.
    std::vector<CaseOutcome> outcomes;
    for (Procedure procedure : {Procedure::Vertebroplasty, Procedure::Kyphoplasty})
        for (Morphology m : {Morphology::Wedge, Morphology::Crush})
            for (FractureAge age : {FractureAge::Acute, FractureAge::Chronic})
                for (std::uint32_t seed = 1; seed <= 2; ++seed) outcomes.push_back(outcomeOf(planFor(procedure, 2, m, seed, age)));
    const std::vector<ComparisonRow> rows = compareWithLiterature(outcomes);
    const auto row = [&](const std::string& start) -> const ComparisonRow* {
        for (const ComparisonRow& r : rows)
            if (r.quantity.rfind(start, 0) == 0) return &r;
        return nullptr;
    };
    for (const char* name : {"KP height restored", "VP height restored", "KP kyphosis correction", "VP kyphosis correction"}) {
        const ComparisonRow* r = row(name);
        ASSERT_NE(r, nullptr) << name;
        EXPECT_TRUE(r->within) << name << ": ours " << r->ours << " vs " << r->literature;
    }
    for (const char* name : {"KP restored %: crush", "KP restored %: chronic"}) {
        const ComparisonRow* r = row(name);
        ASSERT_NE(r, nullptr) << name;
        EXPECT_TRUE(r->within) << name;
    }
    EXPECT_NE(comparisonTable(rows).find("PMID 11154534"), std::string::npos);
}

} // namespace
} // namespace spineviz
