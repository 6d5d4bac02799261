// The procedure rendered headless through the real executable on the bundled spine: the fracture
// changes the body's outline, the balloon shows while inflated and not after, cement is there
// after the fill, instruments are gone at the outcome.

#include "ImageStats.h"
#include "Process.h"
#include "TempDir.h"
#include "core/io/ImageFile.h"

#include <gtest/gtest.h>

#include <fstream>

namespace spineviz {
namespace {

using test::runProcess;
using test::spinevizExecutable;

Image renderAt(const test::TempDir& dir, const std::string& name, std::vector<std::string> args) {
    args.insert(args.end(), {"--size", "640x480", "--hide-ui"});
    return test::renderScreenshot(args, dir.path(name + ".png"));
}

double fractionWhere(const Image& image, bool (*test)(glm::u8vec4)) { return test::coverage(image, test).fraction; }

// The balloon is a pale, light blue; the handles' accents are a deep, saturated blue.
bool isBalloonBlue(glm::u8vec4 p) { return p.z > 110 && p.z > p.x + 30 && p.y > 0.68 * p.z && p.x > 0.4 * p.z; }
// Cement's cut face is a cool grey-white (PMMA with barium), unlike bone's warm ivory: cortical bone
// is yellow (red well above blue), marrow red; discs are bluer and paler still.
bool isCementWhite(glm::u8vec4 p) {
    return p.x > 140 && p.x < 205 && p.z >= p.x + 4 && p.z < p.x + 30 && std::abs(int(p.x) - int(p.y)) < 10;
}

TEST(ProcedureGLTest, FractureChangesTheTreatedBodysOutline) {
    test::TempDir dir;
    const Image healthy = renderAt(dir, "healthy", {"--phase", "healthy", "--view", "left"});
    const Image again = renderAt(dir, "healthy2", {"--phase", "healthy", "--view", "left"});
    const Image fractured = renderAt(dir, "fractured", {"--phase", "fracture", "--progress", "1", "--view", "left"});
    EXPECT_EQ(test::meanDifference(healthy, again), 0.0); // deterministic, so a difference means something
    EXPECT_GT(test::meanDifference(healthy, fractured), 1.0);
    // The bone covers less of the view once the body has collapsed and the spine above tipped.
    EXPECT_NE(test::coverage(healthy, test::isForeground).fraction, test::coverage(fractured, test::isForeground).fraction);
}

TEST(ProcedureGLTest, BalloonShowsWhileInflatedAndNotAfterRemoval) {
    test::TempDir dir;
    const Image inflated = renderAt(dir, "inflated", {"--phase", "inflation", "--progress", "0.95", "--ghost"});
    const Image removed = renderAt(dir, "removed", {"--phase", "deflation", "--progress", "1", "--ghost"});
    EXPECT_GT(fractionWhere(inflated, isBalloonBlue), 0.005);
    EXPECT_LT(fractionWhere(removed, isBalloonBlue), 0.2 * fractionWhere(inflated, isBalloonBlue));
}

TEST(ProcedureGLTest, CementIsThereAfterTheFill) {
    test::TempDir dir;
    const Image before = renderAt(dir, "before", {"--phase", "cement", "--progress", "0", "--cutaway"});
    const Image after = renderAt(dir, "after", {"--phase", "hardening", "--progress", "1", "--cutaway"});
    EXPECT_GT(fractionWhere(after, isCementWhite), fractionWhere(before, isCementWhite) + 0.015);
}

TEST(ProcedureGLTest, CementHasAColourOfItsOwn) {
    // Where the cut face changed from bone to cement: PMMA with barium is a cool grey-white, so a
    // glance tells it from the warm ivory and red of the bone it replaced.
    test::TempDir dir;
    const Image before = renderAt(dir, "before", {"--phase", "cement", "--progress", "0", "--cutaway"});
    const Image after = renderAt(dir, "after", {"--phase", "hardening", "--progress", "1", "--cutaway"});
    glm::dvec3 sum(0.0);
    int n = 0;
    for (int y = 0; y < after.height; ++y)
        for (int x = 0; x < after.width; ++x) {
            const glm::u8vec4 a = test::pixel(before, x, y), b = test::pixel(after, x, y);
            if (std::abs(int(a.x) - int(b.x)) + std::abs(int(a.y) - int(b.y)) + std::abs(int(a.z) - int(b.z)) < 90) continue;
            if (b.x < 120) continue; // the bright cement, not shadows that moved
            sum += glm::dvec3(b.x, b.y, b.z);
            ++n;
        }
    ASSERT_GT(n, 500);
    const glm::dvec3 mean = sum / double(n);
    EXPECT_GT(mean.z, mean.x + 3.0) << mean.x << " " << mean.y << " " << mean.z; // cool, not cream
    EXPECT_LT(mean.x, 215.0);                                                       // grey-white, not white
}

// Share of bright pixels in the right-hand strip of a left lateral view: the space behind the
// spine, where the instruments' shafts and handles reach out of the patient.
double behindTheSpine(const Image& image) {
    const int from = static_cast<int>(image.width * 0.85);
    int bright = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = from; x < image.width; ++x) bright += test::isForeground(test::pixel(image, x, y)) ? 1 : 0;
    return double(bright) / (double(image.width - from) * image.height);
}

// How much warmer than the blue background the outer strips of the view are (mean red minus blue):
// beside the spine there is only background, or the patient's see-through skin.
double warmthBesideTheSpine(const Image& image) {
    const int strip = static_cast<int>(image.width * 0.1);
    double sum = 0.0;
    for (int y = 0; y < image.height; ++y)
        for (int x : {0, image.width - strip})
            for (int dx = 0; dx < strip; ++dx) {
                const glm::u8vec4 p = test::pixel(image, x + dx, y);
                sum += double(p.x) - double(p.z);
            }
    return sum / (2.0 * strip * image.height);
}

TEST(ProcedureGLTest, TheTrunkShowsWhileTheTeamWorksFromOutside) {
    test::TempDir dir;
    const Image preparing = renderAt(dir, "preparing", {"--phase", "preparation", "--progress", "0.5", "--view", "posterior"});
    const Image access = renderAt(dir, "access", {"--phase", "access", "--progress", "0.5", "--view", "posterior"});
    const Image inside = renderAt(dir, "inside", {"--phase", "cement", "--progress", "0.5", "--view", "posterior"});
    EXPECT_GT(warmthBesideTheSpine(preparing), warmthBesideTheSpine(inside) + 10.0);
    EXPECT_GT(warmthBesideTheSpine(access), warmthBesideTheSpine(inside) + 10.0);
}

TEST(ProcedureGLTest, InstrumentsAreGoneAtTheOutcome) {
    test::TempDir dir;
    const Image working = renderAt(dir, "working", {"--phase", "hardening", "--progress", "0.5", "--view", "left"});
    const Image outcome = renderAt(dir, "outcome", {"--phase", "outcome", "--progress", "0.5", "--view", "left"});
    EXPECT_GT(behindTheSpine(working), 0.02);
    EXPECT_LT(behindTheSpine(outcome), 0.002);
}

TEST(ProcedureGLTest, VertebroplastyShowsNoBalloon) {
    test::TempDir dir;
    const Image cement = renderAt(dir, "vp", {"--procedure", "vertebroplasty", "--phase", "cement", "--progress", "0.5", "--ghost"});
    EXPECT_LT(fractionWhere(cement, isBalloonBlue), 0.002);
}

} // namespace
} // namespace spineviz

namespace spineviz {
namespace {

TEST(ProcedureGLTest, LabelsNameThePartsOfTheTreatedVertebra) {
    test::TempDir dir;
    // Big enough that the vertebra has room for its parts' names (the text follows the window's
    // height, so in a small window they merge into one label for the whole vertebra).
    const std::vector<std::string> args{"--phase", "access", "--progress", "0.5", "--size", "1280x960"};
    std::vector<std::string> labelled = args;
    labelled.push_back("--labels");
    const Image plain = test::renderScreenshot(args, dir.path("plain.png"));
    const Image named = test::renderScreenshot(labelled, dir.path("named.png"));
    // The labels are light text in dark boxes over the view: many pixels change, and most of the
    // picture does not.
    double changed = 0.0;
    for (int y = 0; y < plain.height; ++y)
        for (int x = 0; x < plain.width; ++x) {
            const glm::u8vec4 a = test::pixel(plain, x, y), b = test::pixel(named, x, y);
            changed += std::abs(a.x - b.x) + std::abs(a.y - b.y) + std::abs(a.z - b.z) > 60 ? 1.0 : 0.0;
        }
    const double fraction = changed / (double(plain.width) * plain.height);
    EXPECT_GT(fraction, 0.01);
    EXPECT_LT(fraction, 0.25);
}

TEST(ProcedureGLTest, ScreenshotsEndingInJpgAreJpeg) {
    test::TempDir dir;
    const auto result = test::runProcess(test::spinevizExecutable(), {"--size", "320x240", "--screenshot", dir.path("shot.jpg")});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    std::ifstream in(dir.path("shot.jpg"), std::ios::binary);
    unsigned char magic[3] = {};
    in.read(reinterpret_cast<char*>(magic), 3);
    EXPECT_EQ(magic[0], 0xFF); // JPEG start-of-image marker
    EXPECT_EQ(magic[1], 0xD8);
    EXPECT_EQ(magic[2], 0xFF);
}

} // namespace
} // namespace spineviz
