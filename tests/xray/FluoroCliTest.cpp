// --fluoro and --fluoro-size: parsed with clear errors, and the real executable writing the X-ray
// views beside its screenshot, headless.

#include "GltfBuilder.h"
#include "ImageStats.h"
#include "Process.h"
#include "TempDir.h"
#include "app/CommandLine.h"
#include "core/io/ImageFile.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace spineviz {
namespace {

using test::runProcess;
using test::spinevizExecutable;

TEST(FluoroCliTest, ParsesTheViews) {
    const ParseOutcome none = parseCommandLine(std::vector<std::string>{});
    ASSERT_TRUE(none.options);
    EXPECT_FALSE(none.options->fluoro);
    EXPECT_EQ(none.options->fluoroSize, 512);
    const ParseOutcome both = parseCommandLine({"--fluoro", "both", "--fluoro-size", "256"});
    ASSERT_TRUE(both.options);
    EXPECT_EQ(*both.options->fluoro, xray::FluoroChoice::Both);
    EXPECT_EQ(both.options->fluoroSize, 256);
    EXPECT_EQ(*parseCommandLine({"--fluoro", "owl-left"}).options->fluoro, xray::FluoroChoice::OwlsEyeLeft);
    const ParseOutcome bad = parseCommandLine({"--fluoro", "pa"});
    EXPECT_FALSE(bad.options);
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.output.find("--fluoro"), std::string::npos);
    EXPECT_NE(bad.output.find("ap|lateral|both|off"), std::string::npos);
    EXPECT_EQ(parseCommandLine({"--fluoro-size", "9999"}).exitCode, 2);
    EXPECT_NE(parseCommandLine({"--help"}).output.find("--fluoro"), std::string::npos);
}

int grey(const Image& image, int x, int y) { return test::pixel(image, x, y).x; }

TEST(FluoroCliTest, ScreenshotWritesEachViewBesideIt) {
    test::TempDir dir;
    const std::string out = dir.path("shot.png");
    const auto result = runProcess(spinevizExecutable(), {"--phase", "access", "--progress", "1", "--fluoro", "both", "--fluoro-size", "256",
                                                          "--size", "640x400", "--screenshot", out});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("shot-ap.png"), std::string::npos);
    std::string error;
    const Image main = readImage(out, error);
    ASSERT_TRUE(error.empty()) << error;
    EXPECT_EQ(main.width, 640);
    for (const char* view : {"ap", "lateral"}) {
        const Image xray = readImage(dir.path(std::string("shot-") + view + ".png"), error);
        ASSERT_TRUE(error.empty()) << view << ": " << error;
        EXPECT_EQ(xray.width, 256);
        EXPECT_EQ(xray.height, 256);
        // Grey: a monochrome image; black outside the round field; a picture inside it.
        const glm::u8vec4 centre = test::pixel(xray, 128, 128);
        EXPECT_EQ(centre.x, centre.y);
        EXPECT_EQ(centre.y, centre.z);
        EXPECT_EQ(grey(xray, 3, 3), 0);
        EXPECT_EQ(grey(xray, 252, 252), 0);
        int lo = 255, hi = 0;
        for (int y = 60; y < 196; y += 4)
            for (int x = 60; x < 196; x += 4) {
                lo = std::min(lo, grey(xray, x, y));
                hi = std::max(hi, grey(xray, x, y));
            }
        EXPECT_GT(hi - lo, 80) << view; // bone, needles and soft tissue: real contrast
        EXPECT_LT(lo, 40) << view;      // the steel shows black
    }
}

TEST(FluoroCliTest, OneViewOrNone) {
    test::TempDir dir;
    ASSERT_EQ(runProcess(spinevizExecutable(), {"--fluoro", "lateral", "--fluoro-size", "128", "--size", "320x240", "--screenshot",
                                                dir.path("l.png")}).exitCode, 0);
    EXPECT_TRUE(std::filesystem::exists(dir.path("l-lateral.png")));
    EXPECT_FALSE(std::filesystem::exists(dir.path("l-ap.png")));
    ASSERT_EQ(runProcess(spinevizExecutable(), {"--fluoro", "off", "--size", "320x240", "--screenshot", dir.path("o.png")}).exitCode, 0);
    EXPECT_FALSE(std::filesystem::exists(dir.path("o-ap.png")));
    EXPECT_FALSE(std::filesystem::exists(dir.path("o-lateral.png")));
    ASSERT_EQ(runProcess(spinevizExecutable(), {"--fluoro", "owl-right", "--fluoro-size", "128", "--size", "320x240", "--screenshot",
                                                dir.path("w.png")}).exitCode, 0);
    EXPECT_TRUE(std::filesystem::exists(dir.path("w-owl-right.png")));
}

TEST(FluoroCliTest, SameCommandSameImage) {
    test::TempDir dir;
    const std::vector<std::string> args = {"--phase", "cement", "--progress", "0.5", "--fluoro", "ap", "--fluoro-size", "128", "--size", "320x240"};
    auto a = args, b = args;
    a.insert(a.end(), {"--screenshot", dir.path("a.png")});
    b.insert(b.end(), {"--screenshot", dir.path("b.png")});
    ASSERT_EQ(runProcess(spinevizExecutable(), a).exitCode, 0);
    ASSERT_EQ(runProcess(spinevizExecutable(), b).exitCode, 0);
    std::string error;
    EXPECT_EQ(test::meanDifference(readImage(dir.path("a-ap.png"), error), readImage(dir.path("b-ap.png"), error)), 0.0);
}

TEST(FluoroCliTest, PlainModelHasNoFluoroscopy) {
    test::TempDir dir;
    test::GltfBuilder builder;
    builder.addNode("box", builder.addMesh(test::makeBox(glm::vec3(0.1f))));
    ASSERT_TRUE(builder.write(dir.path("box.glb")));
    const auto result = runProcess(spinevizExecutable(), {"--model", dir.path("box.glb"), "--fluoro", "ap", "--screenshot", dir.path("x.png")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("box.glb"), std::string::npos);
}

} // namespace
} // namespace spineviz
