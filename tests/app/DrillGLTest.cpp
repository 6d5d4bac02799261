// The drill, rendered through the real executable: on the lateral X-ray it is a dense line that
// runs on past the working cannula's tip into the body while the channel is drilled.

#include "ImageStats.h"
#include "Process.h"
#include "TempDir.h"
#include "core/io/ImageFile.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace spineviz {
namespace {

// The lateral X-ray at that moment (the 3D shot itself is not looked at).
Image lateralAt(const test::TempDir& dir, const std::string& name, std::vector<std::string> args) {
    args.insert(args.end(), {"--size", "480x270", "--hide-ui", "--fluoro", "lateral", "--fluoro-size", "384"});
    test::renderScreenshot(args, dir.path(name + ".png"));
    std::string error;
    Image image = readImage(dir.path(name + "-lateral.png"), error);
    EXPECT_EQ(error, "") << name;
    return image;
}

// Pixels clearly darker (more attenuated) in `b` than in `a`: what `b` adds. The X-ray noise is
// drawn the same way in every run, so only what changed in the scene shows.
std::vector<glm::ivec2> addedDensity(const Image& a, const Image& b) {
    std::vector<glm::ivec2> out;
    if (a.width != b.width || a.height != b.height) return out;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            if (int(test::pixel(a, x, y).x) - int(test::pixel(b, x, y).x) > 25) out.push_back({x, y});
    return out;
}

TEST(DrillGLTest, TheDrillShowsOnTheLateralXrayBeyondTheCannulaTip) {
    test::TempDir dir;
    const Image bare = lateralAt(dir, "bare", {"--phase", "preparation", "--progress", "1"});
    const Image cannula = lateralAt(dir, "cannula", {"--phase", "drilling", "--progress", "0.99"});
    const Image drilling = lateralAt(dir, "drilling", {"--phase", "drilling", "--progress", "0.75"});
    ASSERT_GT(bare.width, 0);
    const std::vector<glm::ivec2> tube = addedDensity(bare, cannula);
    const std::vector<glm::ivec2> drill = addedDensity(cannula, drilling);
    ASSERT_GT(tube.size(), 50u) << "the cannulas should show";
    // The cannula comes in from behind (the right of a lateral view facing left): its tip is its
    // leftmost point. The drill reaches on toward the front of the body, past that tip.
    int tipX = bare.width;
    for (const glm::ivec2& p : tube) tipX = std::min(tipX, p.x);
    int beyond = 0, leftmost = bare.width;
    for (const glm::ivec2& p : drill) {
        if (p.x < tipX - 2) ++beyond;
        leftmost = std::min(leftmost, p.x);
    }
    EXPECT_GT(beyond, 60) << "drill pixels past the cannula tip";
    // About a third of the body's depth (some 10 mm, a few dozen pixels at this size) past the tip.
    EXPECT_GT(tipX - leftmost, 12);
}

} // namespace
} // namespace spineviz
