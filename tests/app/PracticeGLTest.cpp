// Practice mode in the real executable, headless: looking back on an attempt (`--trainee
// --trainee-plan FILE`) draws a breach as a red bead in the 3D view and none for a clean attempt,
// and the trainee's trocars, not the planned instruments, are what the X-ray shows.

#include "ImageStats.h"
#include "Process.h"
#include "TempDir.h"
#include "BundledSpine.h"
#include "core/io/ImageFile.h"
#include "core/trainee/TraineePlan.h"

#include <gtest/gtest.h>

#include <fstream>

namespace spineviz {
namespace {

// The ideal L1 plan with the left needle turned `medialDegrees` towards the midline and pushed
// `extraDepth` metres further, written as a plan file.
std::string writePlan(const test::TempDir& dir, const std::string& name, float medialDegrees, float extraDepth = 0.0f) {
    TraineePlan plan = test::turnedNeedle(test::bundledIdealPlan("L1"), Side::Left, {0, 1, 0}, -medialDegrees);
    plan.needles[0].depth += extraDepth;
    const std::string path = dir.path(name + ".json");
    std::ofstream(path) << traineePlanJson(plan).dump();
    return path;
}

Image lookBack(const test::TempDir& dir, const std::string& plan, const std::string& name, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--trainee", "--trainee-plan", plan, "--view", "posterior", "--size", "640x480", "--hide-ui"};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::renderScreenshot(args, dir.path(name + ".png"));
}

bool isBreachRed(glm::u8vec4 p) { return p.x > 140 && p.y < 70 && p.z < 70; }

TEST(PracticeGLTest, ABreachIsDrawnRedAfterwardsAndACleanAttemptHasNone) {
    const test::TempDir dir;
    const Image clean = lookBack(dir, writePlan(dir, "clean", 0.0f), "clean");
    const Image medial = lookBack(dir, writePlan(dir, "medial", 15.0f), "medial");
    ASSERT_GT(clean.width, 0);
    ASSERT_GT(medial.width, 0);
    const test::Coverage red = test::coverage(medial, isBreachRed);
    EXPECT_GT(red.fraction * medial.width * medial.height, 10.0);
    EXPECT_LT(test::coverage(clean, isBreachRed).fraction * clean.width * clean.height, 3.0);
    // The bead sits beside the midline, on the left needle's side (the patient's left is the
    // viewer's left from behind).
    EXPECT_LT(red.centroid.x, medial.width * 0.5);
}

TEST(PracticeGLTest, TheXrayShowsTheTraineesNeedleWhereItWent) {
    const test::TempDir dir;
    lookBack(dir, writePlan(dir, "short", 0.0f), "short", {"--fluoro", "lateral"});
    lookBack(dir, writePlan(dir, "deep", 0.0f, 0.015f), "deep", {"--fluoro", "lateral"});
    std::string error;
    const Image shortOf = readImage(dir.path("short-lateral.png"), error);
    ASSERT_GT(shortOf.width, 0) << error;
    const Image deep = readImage(dir.path("deep-lateral.png"), error);
    ASSERT_GT(deep.width, 0) << error;
    // The deeper needle darkens a stretch of the body that the shorter one left as bone.
    ASSERT_EQ(shortOf.width, deep.width);
    int darker = 0;
    for (int y = 0; y < deep.height; ++y)
        for (int x = 0; x < deep.width; ++x) darker += int(test::pixel(deep, x, y).x) + 40 < int(test::pixel(shortOf, x, y).x);
    EXPECT_GT(darker, 150);
}

} // namespace
} // namespace spineviz
