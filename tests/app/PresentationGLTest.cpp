// spineviz on a big screen in a consultation: the picture is the same at any resolution, every panel
// stays inside the window at every size, and a run without a display says so instead of hanging.

#include "ImageStats.h"
#include "Process.h"
#include "TempDir.h"

#include "app/App.h"
#include "app/CommandLine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace spineviz {
namespace {

// The 3840x2160 frame averaged down to 1920x1080, 2x2 pixels into one.
Image halve(const Image& big) {
    Image small;
    small.width = big.width / 2;
    small.height = big.height / 2;
    small.rgba.resize(static_cast<std::size_t>(small.width) * small.height * 4);
    for (int y = 0; y < small.height; ++y)
        for (int x = 0; x < small.width; ++x)
            for (int c = 0; c < 4; ++c) {
                int sum = 0;
                for (int dy = 0; dy < 2; ++dy)
                    for (int dx = 0; dx < 2; ++dx)
                        sum += big.rgba[(static_cast<std::size_t>(2 * y + dy) * big.width + (2 * x + dx)) * 4 + c];
                small.rgba[(static_cast<std::size_t>(y) * small.width + x) * 4 + c] = static_cast<std::uint8_t>((sum + 2) / 4);
            }
    return small;
}

// Pixels that differ visibly: some channel off by more than 48 of 255 (a text edge that moved, a
// panel in another place), not the small shading noise of anti-aliasing at another resolution.
double differingShare(const Image& a, const Image& b) {
    std::size_t differ = 0;
    const std::size_t pixels = static_cast<std::size_t>(a.width) * a.height;
    for (std::size_t i = 0; i < pixels; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a.rgba[i * 4 + c]) - int(b.rgba[i * 4 + c])));
        if (worst > 48) ++differ;
    }
    return double(differ) / double(pixels);
}

TEST(PresentationGLTest, PatientModeAt4KLooksLikeItDoesAt1080p) {
    test::TempDir dir;
    const std::vector<std::string> scene{"--audience", "patient", "--phase", "inflation", "--progress", "0.6"};
    std::vector<std::string> hd = scene, uhd = scene;
    hd.insert(hd.end(), {"--size", "1920x1080"});
    uhd.insert(uhd.end(), {"--size", "3840x2160"});
    const Image small = test::renderScreenshot(hd, dir.path("hd.png"));
    const Image big = test::renderScreenshot(uhd, dir.path("uhd.png"));
    ASSERT_EQ(small.width, 1920);
    ASSERT_EQ(big.width, 3840);
    const Image halved = halve(big);
    EXPECT_LE(differingShare(small, halved), 0.10);
    // And the check can fail: the same 4K frame with the interface at the old fixed size differs.
    std::vector<std::string> fixed = uhd;
    fixed.insert(fixed.end(), {"--ui-scale", "0.5"});
    EXPECT_GT(differingShare(small, halve(test::renderScreenshot(fixed, dir.path("fixed.png")))), 0.02);
}

struct Layout {
    int width = 0, height = 0;
    std::vector<PanelBox> panels;
};

// Runs spineviz in this process, as `--screenshot`, and returns the panels of the frame it wrote.
Layout layoutOf(std::vector<std::string> args, int width, int height, const test::TempDir& dir) {
    args.insert(args.end(), {"--size", std::to_string(width) + "x" + std::to_string(height), "--screenshot",
                             dir.path("layout-" + std::to_string(width) + ".png")});
    ParseOutcome parsed = parseCommandLine(args);
    EXPECT_TRUE(parsed.options) << parsed.output;
    Layout layout{width, height, {}};
    if (!parsed.options) return layout;
    App app(std::move(*parsed.options));
    EXPECT_EQ(app.run(), 0);
    layout.panels = app.lastPanels();
    return layout;
}

void expectInside(const Layout& layout, const std::string& what) {
    EXPECT_FALSE(layout.panels.empty()) << what;
    for (const PanelBox& p : layout.panels) {
        const std::string where = what + " " + std::to_string(layout.width) + "x" + std::to_string(layout.height) + ": " +
                                  p.name + " at " + std::to_string(p.x) + "," + std::to_string(p.y) + " size " +
                                  std::to_string(p.width) + "x" + std::to_string(p.height);
        EXPECT_GE(p.x, 0.0f) << where;
        EXPECT_GE(p.y, 0.0f) << where;
        EXPECT_LE(p.x + p.width, float(layout.width) + 0.5f) << where;
        EXPECT_LE(p.y + p.height, float(layout.height) + 0.5f) << where;
    }
}

bool hasPanel(const Layout& layout, const std::string& prefix) {
    return std::any_of(layout.panels.begin(), layout.panels.end(),
                       [&](const PanelBox& p) { return p.name.rfind(prefix, 0) == 0; });
}

TEST(PresentationGLTest, At1280x720BothXrayViewsAndEveryPanelFitInTheWindow) {
    test::TempDir dir;
    const Layout layout = layoutOf({"--phase", "cement", "--progress", "0.7", "--fluoro", "both"}, 1280, 720, dir);
    EXPECT_TRUE(hasPanel(layout, "Fluoroscopy")) << "the X-ray panel is drawn";
    EXPECT_TRUE(hasPanel(layout, "Measurements"));
    expectInside(layout, "clinician, X-ray views");
}

// The measurements grow with leaks (runny cement injected early); the X-ray panel under them must
// still end inside the window, its buttons reachable.
TEST(PresentationGLTest, PanelsStayInsideFromSmallScreensToBigOnes) {
    test::TempDir dir;
    const std::vector<std::string> leaking{"--procedure", "vertebroplasty", "--cement", "low", "--injection-start", "2",
                                           "--phase", "cement", "--progress", "0.9", "--fluoro", "both"};
    expectInside(layoutOf(leaking, 1600, 900, dir), "leaking vertebroplasty");
    expectInside(layoutOf(leaking, 1024, 600, dir), "leaking vertebroplasty");
    expectInside(layoutOf({"--fluoro", "both", "--ui-scale", "1.6"}, 1024, 768, dir), "larger text, 4:3");
    expectInside(layoutOf({"--audience", "patient", "--phase", "outcome"}, 1024, 600, dir), "patient");
    const Layout guide = layoutOf({"--audience", "patient", "--learn"}, 1024, 600, dir);
    EXPECT_TRUE(hasPanel(guide, "About your treatment"));
    expectInside(guide, "the patient's guide");
    expectInside(layoutOf({"--learn", "--fluoro", "both"}, 1024, 600, dir), "Learn with the X-ray views");
}

// The waiting-room loop starts from the beginning, whatever step was asked for.
TEST(PresentationGLTest, TheWaitingRoomLoopStartsFromTheBeginning) {
    const auto at = test::runProcess(test::spinevizExecutable(), {"--phase", "cement", "--progress", "0.5", "--measurements"});
    const auto looped =
        test::runProcess(test::spinevizExecutable(), {"--phase", "cement", "--progress", "0.5", "--loop", "--measurements"});
    ASSERT_EQ(at.exitCode, 0) << at.err;
    ASSERT_EQ(looped.exitCode, 0) << looped.err;
    EXPECT_NE(at.out.find("\"phase_number\":9"), std::string::npos) << at.out;
    EXPECT_NE(looped.out.find("\"phase_number\":1"), std::string::npos) << looped.out;
    EXPECT_NE(looped.out.find("\"time_s\":0.0"), std::string::npos) << looped.out;
}

// Environment variables for one test, put back afterwards.
class ScopedEnv {
public:
    void set(const char* name, const char* value) {
        remember(name);
        if (value) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~ScopedEnv() {
        for (const auto& [name, value] : saved_) {
            if (value) setenv(name.c_str(), value->c_str(), 1);
            else unsetenv(name.c_str());
        }
    }

private:
    void remember(const char* name) {
        const char* value = std::getenv(name);
        saved_.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
    }
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(PresentationGLTest, WithoutADisplayAnInteractiveRunExitsAtOnceAndSaysHowToRenderHeadless) {
    test::TempDir dir; // an empty runtime folder: no Wayland socket in it
    ScopedEnv env;
    env.set("DISPLAY", nullptr);
    env.set("WAYLAND_DISPLAY", nullptr);
    env.set("SDL_VIDEODRIVER", nullptr);
    env.set("XDG_RUNTIME_DIR", dir.root().c_str());
    const auto start = std::chrono::steady_clock::now();
    const test::ProcessResult result = test::runProcess(test::spinevizExecutable(), {}, 30.0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_FALSE(result.timedOut);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_LT(seconds, 10.0);
    EXPECT_NE(result.err.find("no display"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("--screenshot"), std::string::npos) << result.err;

    // A headless render in the same place goes straight to the offscreen driver, quietly.
    const test::ProcessResult shot =
        test::runProcess(test::spinevizExecutable(), {"--size", "320x240", "--hide-ui", "--screenshot", dir.path("h.png")});
    EXPECT_EQ(shot.exitCode, 0) << shot.err;
    EXPECT_EQ(shot.err.find("XDG_RUNTIME_DIR"), std::string::npos) << shot.err;
}

// Asking for the offscreen driver on purpose is a choice, not a mistake: --benchmark runs on it.
TEST(PresentationGLTest, AChosenOffscreenDriverStillRuns) {
    const test::ProcessResult result = test::runProcess(test::spinevizExecutable(), {"--size", "320x240", "--benchmark", "3"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
}

} // namespace
} // namespace spineviz
