// Landmark plausibility: real spines pass, values at the edges of the accepted ranges still give the
// cement model a sane case, and each kind of implausible value is named.

#include "SyntheticVertebra.h"
#include "core/anatomy/LandmarkChecks.h"
#include "core/anatomy/SpineAnatomy.h"
#include "core/procedure/ProcedurePlan.h"
#include "core/scene/GltfLoader.h"
#include "core/sim/CementFlowModel.h"

#include <gtest/gtest.h>

#include <cmath>

namespace spineviz {
namespace {

TEST(LandmarkChecksTest, EveryVertebraOfTheBundledSpinePasses) {
    const LoadResult loaded = loadGltf(SPINEVIZ_SOURCE_DIR "/models/spine.glb");
    ASSERT_TRUE(loaded) << loaded.error;
    const SpineAnatomy anatomy = SpineAnatomy::fromScene(*loaded.scene);
    EXPECT_EQ(anatomy.landmarkProblem(), "");
    EXPECT_EQ(anatomy.treatableLevels().size(), 13u); // T5..L5
    for (const VertebraNode& v : anatomy.vertebrae()) EXPECT_EQ(implausibleLandmark(v.landmarks).item, "") << v.level;
}

TEST(LandmarkChecksTest, TheSyntheticL1Passes) { EXPECT_EQ(implausibleLandmark(test::syntheticL1()).item, ""); }

TEST(LandmarkChecksTest, EachImplausibleValueIsNamed) {
    const auto problem = [](void (*change)(VertebraLandmarks&)) {
        VertebraLandmarks l = test::syntheticL1();
        change(l);
        return implausibleLandmark(l);
    };
    EXPECT_EQ(problem([](VertebraLandmarks& l) { l.dimensions.endplateWidth = 1000.0f; }).item, "dimensions.endplate_width");
    EXPECT_EQ(problem([](VertebraLandmarks& l) { l.dimensions.canalDepth = -0.01f; }).item, "dimensions.canal_depth");
    EXPECT_EQ(problem([](VertebraLandmarks& l) { l.pedicles[1].height = 0.0f; }).item, "pedicles.right.height");
    EXPECT_EQ(problem([](VertebraLandmarks& l) { l.superior = l.anterior; }).item, "frame.superior");
    EXPECT_EQ(problem([](VertebraLandmarks& l) { l.inferiorEndplate.centre.y = -0.2f; }).item, "inferior_endplate.centre");
    EXPECT_EQ(problem([](VertebraLandmarks& l) { l.superiorEndplate.normal = {0, -1, 0}; }).item, "superior_endplate.normal");
    EXPECT_EQ(problem([](VertebraLandmarks& l) { l.posteriorWall.z = 0.02f; }).item, "posterior_wall");
    const LandmarkProblem width = problem([](VertebraLandmarks& l) { l.dimensions.endplateWidth = 1000.0f; });
    EXPECT_NE(width.reason.find("1e+06 mm"), std::string::npos) << width.reason;
    EXPECT_NE(width.reason.find("12 to 90 mm"), std::string::npos) << width.reason;
}

TEST(LandmarkChecksTest, ValuesAtTheEdgesOfTheRangesGiveTheCementModelASaneCase) {
    // The smallest pedicle, the thickest cortex and the narrowest canal the checks accept (issue 18:
    // negative or 1e39 widths gave 0 mL and a signed overflow in the cement model).
    VertebraLandmarks l = test::syntheticL1();
    l.pedicles[0].width = l.pedicles[1].width = 0.0016f;
    l.dimensions.corticalThickness = 0.0049f;
    l.dimensions.canalWidth = 0.0081f;
    ASSERT_EQ(implausibleLandmark(l).item, "") << implausibleLandmark(l).reason;
    ProcedureOptions options;
    options.procedure = Procedure::Vertebroplasty;
    const ProcedurePlan plan = ProcedurePlan::make(options, l, BodyFrame::fromLandmarks(l), CementFlowModel());
    EXPECT_TRUE(std::isfinite(plan.cementTargetMl));
    EXPECT_GT(plan.cementTargetMl, 0.5f);
    ASSERT_TRUE(plan.cement);
    EXPECT_GT(plan.cement->finalVolume(), 0.5f);
    EXPECT_LE(plan.cement->finalVolume(), plan.cementTargetMl * 1.05f);
}

} // namespace
} // namespace spineviz
