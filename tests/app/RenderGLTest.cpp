// Headless renders through the real executable (SDL offscreen driver, Mesa llvmpipe), checked in
// the spirit of golden-image tests: where the object lands, how much it covers, what colour it is.

#include "GltfBuilder.h"
#include "ImageStats.h"
#include "Process.h"
#include "TempDir.h"
#include "core/io/ImageFile.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

using test::Coverage;
using test::runProcess;
using test::spinevizExecutable;

// A red box left of the origin and a blue sphere above it, so views are tellable apart.
std::string writeKnownScene(const test::TempDir& dir) {
    test::GltfBuilder builder;
    test::MeshOptions red, blue;
    red.material = builder.addMaterial({0.80f, 0.06f, 0.04f, 1.0f}, 0.0f, 0.6f, "red");
    blue.material = builder.addMaterial({0.05f, 0.12f, 0.85f, 1.0f}, 0.0f, 0.6f, "blue");
    const int box = builder.addNode("box", builder.addMesh(test::makeBox(glm::vec3(0.05f)), red));
    builder.setTranslation(box, {-0.06f, 0.0f, 0.0f});
    const int sphere = builder.addNode("sphere", builder.addMesh(test::makeSphere(0.04f, 48, 24), blue));
    builder.setTranslation(sphere, {0.06f, 0.0f, 0.0f});
    const std::string path = dir.path("scene.glb");
    EXPECT_TRUE(builder.write(path));
    return path;
}

Image render(const std::string& model, const std::vector<std::string>& extra, const std::string& out) {
    std::vector<std::string> args{"--model", model};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::renderScreenshot(args, out);
}

bool isRed(glm::u8vec4 p) { return p.x > 90 && p.x > 2 * p.y && p.x > 2 * p.z; }
bool isBlue(glm::u8vec4 p) { return p.z > 90 && p.z > 1.5 * p.x && p.z > 1.3 * p.y; }

TEST(RenderGLTest, ScreenshotHonoursSizeAndFramesTheScene) {
    test::TempDir dir;
    const Image image = render(writeKnownScene(dir), {"--size", "480x320", "--view", "anterior", "--hide-ui"}, dir.path("a.png"));
    ASSERT_EQ(image.width, 480);
    ASSERT_EQ(image.height, 320);
    const Coverage all = test::coverage(image, test::isForeground);
    EXPECT_GT(all.fraction, 0.08); // framed: the objects fill a good part of the view...
    EXPECT_LT(all.fraction, 0.6);  // ...without overflowing it
    EXPECT_NEAR(all.centroid.y, 160.0, 30.0);
    EXPECT_GT(all.minX, 0);
    EXPECT_LT(all.maxX, 479);
}

TEST(RenderGLTest, ObjectsLandWhereTheCameraPutsThem) {
    test::TempDir dir;
    const std::string model = writeKnownScene(dir);
    // From the front, +X (the box is at -X) appears on the viewer's right: box left, sphere right.
    const Image front = render(model, {"--size", "400x300", "--view", "anterior", "--hide-ui"}, dir.path("front.png"));
    const Coverage redFront = test::coverage(front, isRed), blueFront = test::coverage(front, isBlue);
    ASSERT_GT(redFront.fraction, 0.01);
    ASSERT_GT(blueFront.fraction, 0.01);
    EXPECT_LT(redFront.centroid.x, 200.0);
    EXPECT_GT(blueFront.centroid.x, 200.0);
    // The lit colour stays recognisably the material's.
    EXPECT_GT(redFront.meanColor.x, 2.0 * redFront.meanColor.z);
    EXPECT_GT(blueFront.meanColor.z, 1.5 * blueFront.meanColor.x);
    // A box renders with square-ish extent; the sphere is round.
    const double boxAspect = double(redFront.maxX - redFront.minX) / double(redFront.maxY - redFront.minY);
    EXPECT_NEAR(boxAspect, 1.0, 0.25);

    // From behind the two swap sides.
    const Image back = render(model, {"--size", "400x300", "--view", "posterior", "--hide-ui"}, dir.path("back.png"));
    EXPECT_GT(test::coverage(back, isRed).centroid.x, 200.0);
    EXPECT_LT(test::coverage(back, isBlue).centroid.x, 200.0);

    // From the patient's left (+X) the sphere is nearer and hides most of the box.
    const Image side = render(model, {"--size", "400x300", "--view", "left", "--hide-ui"}, dir.path("side.png"));
    EXPECT_LT(test::coverage(side, isRed).fraction, 0.5 * redFront.fraction);
}

TEST(RenderGLTest, ImGuiPanelsDrawAndHideUiRemovesThem) {
    test::TempDir dir;
    const std::string model = writeKnownScene(dir);
    const Image withUi = render(model, {"--size", "640x480", "--view", "anterior"}, dir.path("ui.png"));
    const Image withoutUi = render(model, {"--size", "640x480", "--view", "anterior", "--hide-ui"}, dir.path("noui.png"));
    ASSERT_EQ(withUi.width, 640);
    // The View panel sits top-left: its light text and buttons differ from the bare backdrop there.
    double changed = 0.0;
    int pixels = 0;
    for (int y = 10; y < 200; ++y)
        for (int x = 10; x < 200; ++x, ++pixels) {
            const glm::u8vec4 a = test::pixel(withUi, x, y), b = test::pixel(withoutUi, x, y);
            changed += (std::abs(a.x - b.x) + std::abs(a.y - b.y) + std::abs(a.z - b.z)) > 30 ? 1.0 : 0.0;
        }
    EXPECT_GT(changed / pixels, 0.2);
    // Away from the panels (bottom right) the two renders agree.
    double same = 0.0;
    for (int y = 400; y < 470; ++y)
        for (int x = 500; x < 630; ++x) {
            const glm::u8vec4 a = test::pixel(withUi, x, y), b = test::pixel(withoutUi, x, y);
            same += std::abs(a.x - b.x) + std::abs(a.y - b.y) + std::abs(a.z - b.z);
        }
    EXPECT_LT(same / (70.0 * 130.0), 3.0);
}

TEST(RenderGLTest, BenchmarkPrintsFrameTimesAndEndsWithFps) {
    test::TempDir dir;
    const auto result = runProcess(spinevizExecutable(), {"--model", writeKnownScene(dir), "--size", "320x240", "--benchmark", "5"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("median"), std::string::npos);
    EXPECT_NE(result.out.find("p95"), std::string::npos);
    EXPECT_NE(result.out.find("p99"), std::string::npos);
    std::string last = result.out.substr(0, result.out.find_last_not_of('\n') + 1);
    last = last.substr(last.find_last_of('\n') + 1);
    ASSERT_EQ(last.rfind("fps: ", 0), 0u) << last;
    EXPECT_GT(std::stod(last.substr(5)), 0.0);
}

} // namespace
} // namespace spineviz
