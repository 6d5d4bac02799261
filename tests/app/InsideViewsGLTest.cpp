// The ways into the treated vertebra, rendered through the real executable: the cut-away opens the
// body in every step (with or without instruments inside it), and the see-through view differs
// from the default one wherever an instrument is inside the bone.

#include "ImageStats.h"
#include "Process.h"
#include "TempDir.h"
#include "core/io/ImageFile.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

Image renderAt(const test::TempDir& dir, const std::string& name, std::vector<std::string> args) {
    args.insert(args.end(), {"--size", "640x360", "--hide-ui"});
    return test::renderScreenshot(args, dir.path(name + ".png"));
}

// The cut face of trabecular bone: red marrow between pale struts. Nothing else in the scene is
// this red (nerves are yellow, discs white-blue, bone ivory).
bool isMarrow(glm::u8vec4 p) { return p.x > 110 && p.x > 1.8 * p.y && p.x > 2.0 * p.z; }

double marrowShare(const Image& image) { return test::coverage(image, isMarrow).fraction; }

struct Moment {
    std::vector<std::string> args;
};

TEST(InsideViewsGLTest, TheCutAwayOpensTheBodyInEveryStep) {
    test::TempDir dir;
    // Instruments inside (drill, balloon), none (the fracture), another level; the cement step was
    // already right and stays so.
    const std::vector<Moment> moments = {
        {{"--phase", "fracture", "--progress", "1", "--view", "left"}},
        {{"--phase", "drilling", "--progress", "0.6"}},
        {{"--phase", "balloon", "--progress", "0.8"}},
        {{"--phase", "inflation", "--progress", "1"}},
        {{"--level", "L4", "--phase", "inflation", "--progress", "0.8"}},
        {{"--level", "T8", "--phase", "inflation", "--progress", "0.8"}},
        {{"--phase", "cement", "--progress", "0.6"}},
    };
    int n = 0;
    for (const Moment& m : moments) {
        std::vector<std::string> args = m.args;
        args.push_back("--cutaway");
        const Image cut = renderAt(dir, "cut" + std::to_string(n++), args);
        // The body's cut face fills a good part of the close-up.
        EXPECT_GT(marrowShare(cut), 0.008) << "no cut face with: " << testing::PrintToString(m.args);
    }
}

TEST(InsideViewsGLTest, TheSeeThroughViewDiffersFromTheDefaultWheneverAnInstrumentIsInside) {
    test::TempDir dir;
    const std::vector<Moment> moments = {
        {{"--phase", "access", "--progress", "0.45"}},   {{"--phase", "drilling", "--progress", "0.6"}},
        {{"--phase", "balloon", "--progress", "0.8"}},   {{"--phase", "inflation", "--progress", "0.9"}},
        {{"--phase", "deflation", "--progress", "0.3"}}, {{"--phase", "cement", "--progress", "0.6"}},
        {{"--phase", "hardening", "--progress", "0.5"}},
        {{"--procedure", "vertebroplasty", "--phase", "cement", "--progress", "0.6"}},
    };
    int n = 0;
    for (const Moment& m : moments) {
        std::vector<std::string> ghost = m.args;
        ghost.push_back("--ghost");
        const Image plain = renderAt(dir, "plain" + std::to_string(n), m.args);
        const Image seeThrough = renderAt(dir, "ghost" + std::to_string(n++), ghost);
        EXPECT_GT(test::meanDifference(plain, seeThrough), 0.5) << "--ghost changes nothing with: " << testing::PrintToString(m.args);
    }
}

} // namespace
} // namespace spineviz
