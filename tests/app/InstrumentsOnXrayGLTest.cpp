// The instruments inside the body on the lateral X-ray, rendered through the real executable: the
// drill is a dense line that runs on past the working cannula's tip while the channel is drilled;
// the contrast-filled balloon is elongated along the cannula, not a square.

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

// The connected patch around the pixel `b` darkened most, of pixels darkened clearly: the contrast
// medium in the balloon, apart from thin edges that moved.
std::vector<glm::ivec2> darkestBlob(const Image& a, const Image& b) {
    std::vector<glm::ivec2> out;
    if (a.width != b.width || a.height != b.height || a.width == 0) return out;
    const auto darkening = [&](int x, int y) { return int(test::pixel(a, x, y).x) - int(test::pixel(b, x, y).x); };
    glm::ivec2 seed(0);
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            if (darkening(x, y) > darkening(seed.x, seed.y)) seed = {x, y};
    std::vector<char> seen(std::size_t(a.width) * std::size_t(a.height), 0);
    std::vector<glm::ivec2> stack{seed};
    seen[std::size_t(seed.y) * std::size_t(a.width) + std::size_t(seed.x)] = 1;
    while (!stack.empty()) {
        const glm::ivec2 p = stack.back();
        stack.pop_back();
        out.push_back(p);
        for (const glm::ivec2 d : {glm::ivec2(1, 0), glm::ivec2(-1, 0), glm::ivec2(0, 1), glm::ivec2(0, -1)}) {
            const glm::ivec2 q = p + d;
            if (q.x < 0 || q.y < 0 || q.x >= a.width || q.y >= a.height) continue;
            char& flag = seen[std::size_t(q.y) * std::size_t(a.width) + std::size_t(q.x)];
            if (flag || darkening(q.x, q.y) < 40) continue;
            flag = 1;
            stack.push_back(q);
        }
    }
    return out;
}

TEST(InstrumentsOnXrayGLTest, TheDrillShowsOnTheLateralXrayBeyondTheCannulaTip) {
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

TEST(InstrumentsOnXrayGLTest, TheInflatedBalloonIsLongerAlongTheCannulaThanAcross) {
    test::TempDir dir;
    for (const std::string level : {"L1", "L4"}) {
        const Image folded = lateralAt(dir, "folded" + level, {"--level", level, "--phase", "balloon", "--progress", "1"});
        const Image inflated = lateralAt(dir, "inflated" + level, {"--level", level, "--phase", "inflation", "--progress", "1"});
        // (The body's outline moves too as the balloon lifts it: only the blob of contrast counts.)
        const std::vector<glm::ivec2> contrast = darkestBlob(folded, inflated);
        ASSERT_GT(contrast.size(), 100u) << level;
        // The lateral view looks across the cannulas, which run nearly front to back (horizontally).
        glm::ivec2 lo(1 << 20), hi(-1);
        for (const glm::ivec2& p : contrast) {
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
        }
        const float along = float(hi.x - lo.x + 1), across = float(hi.y - lo.y + 1);
        // The square pillow it used to be measured 1.2 here (the image's blur rounds off a little).
        EXPECT_GT(along / across, 1.3f) << level << ": " << along << " x " << across << " px";
    }
}

} // namespace
} // namespace spineviz
