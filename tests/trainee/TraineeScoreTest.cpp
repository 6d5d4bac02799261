// Scoring an access attempt on the bundled spine: the landmarks' own path scores high with no
// breach; turning it medially or downward breaches the wall a surgeon would expect; more X-rays
// cost points; the same plan always gives the same report.

#include "BundledSpine.h"
#include "core/trainee/TraineeScore.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace spineviz {
namespace {

using test::bundledBone;
using test::bundledIdealPlan;
using test::bundledVertebra;

TraineeReport score(const TraineePlan& plan, Procedure procedure = Procedure::Kyphoplasty) {
    ProcedureOptions options;
    options.procedure = procedure;
    options.level = plan.level;
    return scoreAttempt(plan, bundledBone(plan.level), bundledVertebra(plan.level).landmarks, options);
}
TraineePlan ideal(const std::string& level, Procedure procedure = Procedure::Kyphoplasty, int shots = 6) {
    return bundledIdealPlan(level, procedure, shots);
}
TraineePlan turned(const TraineePlan& plan, Side side, const glm::vec3& anatomicalAxis, float degrees) {
    return test::turnedNeedle(plan, side, anatomicalAxis, degrees);
}
bool breached(const TraineeReport& r, std::initializer_list<Wall> walls) {
    for (const NeedleResult& n : r.needles)
        for (const Breach& b : n.breaches)
            if (std::find(walls.begin(), walls.end(), b.wall) != walls.end()) return true;
    return false;
}
std::string describe(const TraineeReport& r) { return traineeReportJson(r).dump(); }

TEST(TraineeScoreTest, TheIdealPlanScoresHighWithNoBreach) {
    for (const char* level : {"L1", "L4", "T8"})
        for (Procedure procedure : {Procedure::Kyphoplasty, Procedure::Vertebroplasty}) {
            const TraineeReport r = score(ideal(level, procedure), procedure);
            EXPECT_GE(r.score, 90.0f) << level << " " << describe(r);
            ASSERT_EQ(r.needles.size(), 2u);
            for (const NeedleResult& n : r.needles) {
                EXPECT_TRUE(n.breaches.empty()) << level << " " << describe(r);
                EXPECT_FALSE(n.medialRule.broken) << level;
                EXPECT_LT(n.entryError, 0.001f) << level;
                EXPECT_LT(n.targetError, 0.001f) << level;
            }
        }
}

TEST(TraineeScoreTest, AimingFifteenDegreesMediallyBreachesTheMedialWall) {
    for (const char* level : {"L1", "L4", "T8"}) {
        // Turning the left needle's aim towards the midline (-x) about the vertical axis.
        const TraineeReport r = score(turned(ideal(level), Side::Left, {0, 1, 0}, -15.0f));
        EXPECT_TRUE(breached(r, {Wall::Medial})) << level << " " << describe(r);
        EXPECT_TRUE(r.needles[0].medialRule.broken) << level << " " << describe(r);
        EXPECT_LT(r.score, score(ideal(level)).score - 15.0f) << level;
    }
}

TEST(TraineeScoreTest, AimingDownwardBreachesTheInferiorWallOrAnEndplate) {
    // Tipping the aim caudally (about the left-right axis, the front going down), needle to the
    // anterior third. A thoracic pedicle (T8, about 11 mm tall) cannot take 15 degrees; the lumbar
    // ones (about 15 mm tall, with a taller body beyond) keep the needle in bone at 15 but not at 25.
    const auto tipped = [](const char* level, float degrees) {
        return score(turned(ideal(level, Procedure::Vertebroplasty), Side::Left, {1, 0, 0}, degrees), Procedure::Vertebroplasty);
    };
    const TraineeReport t8 = tipped("T8", 15.0f);
    EXPECT_TRUE(breached(t8, {Wall::Inferior, Wall::Endplate})) << describe(t8);
    for (const char* level : {"L1", "L4"}) {
        const TraineeReport fifteen = tipped(level, 15.0f), twentyFive = tipped(level, 25.0f);
        EXPECT_TRUE(fifteen.needles[0].breaches.empty()) << level << " " << describe(fifteen);
        EXPECT_GT(fifteen.needles[0].targetError, 0.008f) << level;
        EXPECT_TRUE(breached(twentyFive, {Wall::Inferior, Wall::Endplate})) << level << " " << describe(twentyFive);
        for (const NeedleResult& n : twentyFive.needles)
            for (const Breach& b : n.breaches) EXPECT_NE(b.wall, Wall::Superior) << level;
    }
}

TEST(TraineeScoreTest, MoreShotsLowerTheScore) {
    const float few = score(ideal("L1", Procedure::Kyphoplasty, 4)).score;
    const float many = score(ideal("L1", Procedure::Kyphoplasty, 20)).score;
    EXPECT_LT(many, few);
    TraineePlan live = ideal("L1", Procedure::Kyphoplasty, 4);
    live.needles[0].fluoroSeconds = 60.0;
    const TraineeReport withLive = score(live);
    EXPECT_LT(withLive.score, few);
    EXPECT_GT(withLive.doseMsv, score(ideal("L1", Procedure::Kyphoplasty, 4)).doseMsv);
}

TEST(TraineeScoreTest, TheSamePlanGivesTheSameReport) {
    const TraineePlan plan = turned(ideal("T8"), Side::Right, {0, 1, 0}, 8.0f);
    EXPECT_EQ(describe(score(plan)), describe(score(plan)));
}

TEST(TraineeScoreTest, ATargetShortOfThePlanCostsTargetPoints) {
    TraineePlan plan = ideal("L1", Procedure::Vertebroplasty);
    const TraineeReport full = score(plan, Procedure::Vertebroplasty);
    for (NeedleAttempt& n : plan.needles) n.depth -= 0.008f;
    const TraineeReport shortOf = score(plan, Procedure::Vertebroplasty);
    EXPECT_NEAR(shortOf.needles[0].targetError, 0.008f, 0.0005f);
    EXPECT_LT(shortOf.parts.target, full.parts.target - 10.0f);
}

TEST(TraineeScoreTest, AWideCannulaIsTooTightForTheNarrowestThoracicPedicle) {
    const PedicleLandmarks& t5 = bundledVertebra("T5").landmarks.pedicle(Side::Left);
    const PedicleLandmarks& l1 = bundledVertebra("L1").landmarks.pedicle(Side::Left);
    EXPECT_TRUE(tooTightFor(t5, traineeInstrumentDiameter(Procedure::Kyphoplasty)));
    EXPECT_FALSE(tooTightFor(l1, traineeInstrumentDiameter(Procedure::Kyphoplasty)));
}

} // namespace
} // namespace spineviz
