// Practice mode's session: a fresh attempt starts off the ideal path; steering it there by the
// session's own controls reaches the target and scores high; breaches and the medial-wall rule are
// reported live; exposure is charged to the needle in hand; the report is the scripted one.

#include "BundledSpine.h"
#include "core/trainee/PracticeSession.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <cmath>

namespace spineviz {
namespace {

PracticeSession start(const std::string& level, Procedure procedure = Procedure::Kyphoplasty) {
    std::string error;
    const auto where = findTraineeCase(test::bundledScene(), test::bundledAnatomy(), level, error);
    EXPECT_TRUE(where) << error;
    ProcedureOptions options;
    options.level = level;
    options.procedure = procedure;
    return PracticeSession(*where, options);
}

// Steers the active needle onto its ideal path with the session's controls (as keys would), in
// small steps, then advances it to the target.
void steerToTarget(PracticeSession& s) {
    const AccessTarget& t = s.target(s.activeNeedle());
    const VertebraLandmarks& l = test::bundledVertebra(s.options().level).landmarks;
    for (int i = 0; i < 200; ++i) {
        const glm::vec3 now = glm::vec3(l.localToAnatomical() * glm::vec4(s.needles()[std::size_t(s.activeNeedle())].entry, 1.0f));
        const glm::vec3 off = t.path.entry - now;
        if (std::abs(off.x) < 2e-4f && std::abs(off.y) < 2e-4f) break;
        s.moveEntry(std::clamp(off.x, -5e-4f, 5e-4f), std::clamp(off.y, -5e-4f, 5e-4f));
    }
    const float step = 0.0035f; // about 0.2 degrees
    for (int i = 0; i < 400; ++i) {
        const NeedleAttempt& n = s.needles()[std::size_t(s.activeNeedle())];
        const glm::vec3 aim = glm::vec3(l.localToAnatomical() * glm::vec4(n.direction, 0.0f));
        const float medialSign = t.path.entry.x >= 0.0f ? -1.0f : 1.0f;
        const float axial = medialSign * (std::atan2(t.path.axis.x, t.path.axis.z) - std::atan2(aim.x, aim.z));
        const float sagittal = std::atan2(t.path.axis.y, t.path.axis.z) - std::atan2(aim.y, aim.z);
        if (std::abs(axial) < step && std::abs(sagittal) < step) break;
        s.aim(std::clamp(axial, -step, step), std::clamp(sagittal, -step, step));
    }
    while (s.checks().toTarget > 0.001f && s.needles()[std::size_t(s.activeNeedle())].depth < PracticeSession::kMaxDepth)
        s.advance(0.001f);
}

TEST(PracticeSessionTest, AFreshAttemptStartsOffThePathAndOutsideTheBody) {
    PracticeSession s = start("L1");
    ASSERT_EQ(s.needles().size(), 2u);
    for (int i = 0; i < 2; ++i) {
        s.selectNeedle(i);
        EXPECT_GT(glm::distance(s.needles()[std::size_t(i)].entry, s.target(i).entryLocal), 0.004f);
        EXPECT_FALSE(s.checks().pastPosteriorWall);
        EXPECT_GT(s.checks().toTarget, 0.015f);
        EXPECT_FALSE(s.checks().atTarget);
    }
}

TEST(PracticeSessionTest, SteeringOntoThePathReachesTheTargetAndScoresHigh) {
    for (const char* level : {"L1", "T8"}) {
        PracticeSession s = start(level);
        for (int i = 0; i < 2; ++i) {
            s.selectNeedle(i);
            steerToTarget(s);
            EXPECT_TRUE(s.checks().atTarget) << level << " to target " << s.checks().toTarget;
            EXPECT_TRUE(s.checks().breaches.empty()) << level;
            EXPECT_FALSE(s.checks().medialRule.broken) << level;
        }
        s.noteExposure(0, 0.0);
        s.noteExposure(10, 4.0); // ten shots and four seconds live while the right needle was in hand
        const TraineeReport& r = s.finish();
        EXPECT_GE(r.score, 85.0f) << level << " " << traineeReportJson(r).dump();
        EXPECT_EQ(r.needles.size(), 2u);
        EXPECT_EQ(s.needles()[1].shots, 10);
        EXPECT_EQ(s.needles()[0].shots, 0);
        // The report is the scripted one for the same plan (what --trainee-plan FILE --score prints).
        std::string error;
        const auto where = findTraineeCase(test::bundledScene(), test::bundledAnatomy(), level, error);
        EXPECT_FLOAT_EQ(scoreAttempt(s.plan(), *where->bone, *where->landmarks, s.options()).score, r.score);
    }
}

TEST(PracticeSessionTest, AdvancingTowardsTheCanalWarnsLive) {
    PracticeSession s = start("T8", Procedure::Vertebroplasty);
    steerToTarget(s);
    s.advance(-1.0f); // back out to the bone
    s.aim(0.26f, 0.0f); // 15 degrees medially
    bool ruleWarned = false, medialBreach = false;
    for (int i = 0; i < 40; ++i) {
        s.advance(0.001f);
        ruleWarned |= s.checks().medialRule.broken;
        for (const Breach& b : s.checks().breaches) medialBreach |= b.wall == Wall::Medial;
    }
    EXPECT_TRUE(ruleWarned);
    EXPECT_TRUE(medialBreach);
    EXPECT_LT(s.finish().parts.safety, 15.0f);
}

} // namespace
} // namespace spineviz
