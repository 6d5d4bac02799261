#include "core/procedure/ProcedurePlayer.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

TEST(ProcedurePlayerTest, PlaysAtItsSpeedAndStopsAtTheEnd) {
    ProcedurePlayer player(Timeline(Procedure::Vertebroplasty));
    player.advance(5.0);
    EXPECT_EQ(player.time(), 0.0); // paused
    player.play();
    player.setSpeed(2.0f);
    player.advance(1.5);
    EXPECT_DOUBLE_EQ(player.time(), 3.0);
    player.setSpeed(10.0f);
    EXPECT_FLOAT_EQ(player.speed(), ProcedurePlayer::kMaxSpeed);
    player.setSpeed(0.0f);
    EXPECT_FLOAT_EQ(player.speed(), ProcedurePlayer::kMinSpeed);
    player.seek(player.timeline().duration() - 0.1);
    player.advance(5.0);
    EXPECT_TRUE(player.atEnd());
    EXPECT_FALSE(player.playing());
    player.play(); // play at the end starts over
    EXPECT_EQ(player.time(), 0.0);
}

TEST(ProcedurePlayerTest, StepsBetweenPhases) {
    ProcedurePlayer player(Timeline(Procedure::Kyphoplasty));
    player.nextPhase();
    EXPECT_EQ(player.phase().id, PhaseId::Fracture);
    player.nextPhase();
    player.seek(player.time() + 3.0);
    player.previousPhase(); // well into a phase: back to its start
    EXPECT_EQ(player.phase().id, PhaseId::Preparation);
    EXPECT_DOUBLE_EQ(player.time(), player.timeline().startOf(PhaseId::Preparation));
    player.previousPhase(); // at its start: to the phase before
    EXPECT_EQ(player.phase().id, PhaseId::Fracture);
    player.jumpToPhase(11);
    EXPECT_EQ(player.phase().id, PhaseId::Outcome);
    player.jumpToPhase(99);
    EXPECT_EQ(player.phase().id, PhaseId::Outcome);
    player.restart();
    EXPECT_EQ(player.time(), 0.0);
}

TEST(ProcedurePlayerTest, OptionNamesRoundTrip) {
    for (Procedure p : {Procedure::Kyphoplasty, Procedure::Vertebroplasty}) EXPECT_EQ(parseProcedure(procedureName(p)), p);
    for (Morphology m : {Morphology::Wedge, Morphology::Biconcave, Morphology::Crush}) EXPECT_EQ(parseMorphology(morphologyName(m)), m);
    for (Access a : {Access::Bilateral, Access::Unilateral}) EXPECT_EQ(parseAccess(accessName(a)), a);
    EXPECT_FALSE(parseProcedure("surgery"));
    EXPECT_TRUE(isTreatableLevel("T5"));
    EXPECT_TRUE(isTreatableLevel("L5"));
    EXPECT_FALSE(isTreatableLevel("T4"));
    EXPECT_FALSE(isTreatableLevel("S1"));
}

} // namespace
} // namespace spineviz
