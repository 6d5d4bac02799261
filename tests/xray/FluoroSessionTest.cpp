// The fluoroscopy session: which views show, live runs and single shots, the counters trainees are
// scored on, the five-minute reminder, presets that follow the treated vertebra.

#include "core/xray/FluoroSession.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

namespace spineviz::xray {
namespace {

TEST(FluoroSessionTest, ChoicesOpenTheNamedViews) {
    FluoroSession s;
    EXPECT_FALSE(s.open());
    s.choose(FluoroChoice::Both);
    EXPECT_TRUE(s.open());
    EXPECT_TRUE(s.view(0).shown);
    EXPECT_TRUE(s.view(1).shown);
    EXPECT_EQ(s.view(0).preset, CArmPreset::TrueAp);
    EXPECT_EQ(s.view(1).preset, CArmPreset::TrueLateral);
    s.choose(FluoroChoice::Lateral);
    EXPECT_FALSE(s.view(0).shown);
    EXPECT_TRUE(s.view(1).shown);
    s.choose(FluoroChoice::Ap);
    EXPECT_TRUE(s.view(0).shown);
    EXPECT_FALSE(s.view(1).shown);
    s.choose(FluoroChoice::OwlsEyeRight);
    EXPECT_EQ(s.view(0).preset, CArmPreset::OwlsEyeRight);
    s.choose(FluoroChoice::Off);
    EXPECT_FALSE(s.open());
    EXPECT_EQ(parseFluoroChoice("both"), FluoroChoice::Both);
    EXPECT_EQ(parseFluoroChoice("owl-left"), FluoroChoice::OwlsEyeLeft);
    EXPECT_FALSE(parseFluoroChoice("BOTH"));
    EXPECT_FALSE(parseFluoroChoice(""));
}

TEST(FluoroSessionTest, LiveViewsCountBeamTimePerTube) {
    FluoroSession s;
    s.advance(5.0);
    EXPECT_EQ(s.exposure().fluoroSeconds, 0.0); // closed: no beam
    s.choose(FluoroChoice::Both);
    s.advance(2.0); // both live: two tubes
    EXPECT_DOUBLE_EQ(s.exposure().fluoroSeconds, 4.0);
    s.setLive(1, false);
    s.advance(1.5);
    EXPECT_DOUBLE_EQ(s.exposure().fluoroSeconds, 5.5);
    s.setAllLive(false);
    EXPECT_FALSE(s.anyLive());
    s.advance(10.0);
    EXPECT_DOUBLE_EQ(s.exposure().fluoroSeconds, 5.5);
    EXPECT_EQ(s.exposure().shots, 0);
}

TEST(FluoroSessionTest, ShotsAreSingleImagesAndTheLastImageHolds) {
    FluoroSession s;
    s.choose(FluoroChoice::Both);
    s.setAllLive(false);
    EXPECT_FALSE(s.needsImage(0));
    s.takeShot(0);
    EXPECT_EQ(s.exposure().shots, 1);
    EXPECT_TRUE(s.needsImage(0));
    EXPECT_FALSE(s.needsImage(1));
    s.imageAcquired(0);
    EXPECT_FALSE(s.needsImage(0)); // held, not re-acquired
    EXPECT_TRUE(s.view(0).hasImage);
    EXPECT_EQ(s.view(0).imagesTaken, 1u);
    s.takeShotAll();
    EXPECT_EQ(s.exposure().shots, 3);
    EXPECT_EQ(s.exposure().fluoroSeconds, 0.0);
    s.setShown(1, false);
    s.takeShot(1); // a hidden view takes no picture
    EXPECT_EQ(s.exposure().shots, 3);
    s.setLive(0, true);
    s.imageAcquired(0);
    EXPECT_TRUE(s.needsImage(0)); // live: every frame
    s.resetExposure();
    EXPECT_EQ(s.exposure().shots, 0);
}

TEST(FluoroSessionTest, ReminderEveryFiveMinutes) {
    FluoroSession s;
    s.choose(FluoroChoice::Ap);
    s.advance(299.0);
    EXPECT_FALSE(s.exposure().reminderDue());
    s.advance(2.0);
    EXPECT_TRUE(s.exposure().reminderDue());
    s.acknowledgeReminder();
    EXPECT_FALSE(s.exposure().reminderDue());
    s.advance(300.0);
    EXPECT_TRUE(s.exposure().reminderDue());
    EXPECT_EQ(formatFluoroTime(601.0), "10:01");
    EXPECT_EQ(formatFluoroTime(59.9), "0:59");
    EXPECT_EQ(formatFluoroTime(3723.0), "1:02:03");
}

TEST(FluoroSessionTest, PresetsFollowTheVertebraAndCustomAnglesStay) {
    FluoroSession s;
    XrayAnatomy a;
    a.valid = true;
    a.anatomicalToWorld = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.2f, 0.0f));
    s.setAnatomy(a, glm::vec3(0.0f));
    EXPECT_NEAR(s.view(0).pose.isocentre.y, 0.2f, 1e-6f);
    s.setAngles(1, 0.4f, -0.1f);
    EXPECT_EQ(s.view(1).preset, CArmPreset::Custom);
    a.anatomicalToWorld = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -0.1f, 0.0f)); // another level
    s.setAnatomy(a, glm::vec3(0.0f));
    EXPECT_NEAR(s.view(0).pose.isocentre.y, -0.1f, 1e-6f);
    EXPECT_NEAR(s.view(1).pose.isocentre.y, -0.1f, 1e-6f);
    EXPECT_NEAR(s.view(1).pose.orbital, 0.4f, 1e-6f);
    EXPECT_NEAR(s.view(1).pose.angular, -0.1f, 1e-6f);
    s.setPreset(1, CArmPreset::TrueLateral);
    EXPECT_NEAR(s.view(1).pose.orbital, 1.5707963f, 1e-5f);
}

TEST(FluoroSessionTest, MagnificationModeNarrowsTheField) {
    FluoroSession s;
    EXPECT_FALSE(s.magnified());
    const float normal = s.carmView(0).fieldRadius;
    s.setMagnified(true);
    EXPECT_TRUE(s.magnified());
    EXPECT_NEAR(s.carmView(0).fieldRadius / normal, 15.0f / 23.0f, 1e-5f);
    EXPECT_NEAR(s.carmView(0).sourceToDetector, CArmGeometry{}.sourceToDetector, 1e-6f);
    s.setMagnified(false);
    EXPECT_NEAR(s.carmView(0).fieldRadius, normal, 1e-6f);
}

} // namespace
} // namespace spineviz::xray
