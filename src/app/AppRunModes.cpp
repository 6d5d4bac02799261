// The App's ways to run: the interactive loop, one screenshot, a benchmark.
#include "app/App.h"

#include "core/io/ImageFile.h"
#include "render/ColorTarget.h"
#include "render/Screenshot.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace spineviz {
namespace {

constexpr int kScreenshotSettleFrames = 6; // ImGui sizes auto-fitting windows over the first frames

} // namespace

double App::nowSeconds() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

int App::runInteractive() {
    double last = nowSeconds();
    double fpsWindowStart = last;
    lastInput_ = last;
    int fpsFrames = 0;
    while (running_) {
        SDL_Event event;
        while (SDL_PollEvent(&event)) handleEvent(event);
        const double now = nowSeconds();
        const float dt = static_cast<float>(std::min(now - last, 0.1));
        last = now;
        updateIdle(now);
        int width = 1, height = 1;
        window_.drawableSize(width, height);
        renderFrame(dt, 0, width, height, false);
        if (screenshotRequested_) {
            screenshotRequested_ = false;
            saveScreenshot();
        }
        window_.swap();
        ++fpsFrames;
        if (now - fpsWindowStart >= 0.5) {
            framesPerSecond_ = static_cast<float>(fpsFrames / (now - fpsWindowStart));
            fpsFrames = 0;
            fpsWindowStart = now;
        }
    }
    return 0;
}

int App::runScreenshot() {
    ColorTarget target;
    if (!target.create(options_.width, options_.height)) {
        std::fprintf(stderr, "spineviz: cannot create a %dx%d offscreen image\n", options_.width, options_.height);
        return 1;
    }
    for (int i = 0; i < kScreenshotSettleFrames; ++i) {
        SDL_Event event;
        while (SDL_PollEvent(&event)) {} // keep the window system happy; input is ignored here
        renderFrame(0.0f, target.framebuffer(), target.width(), target.height(), true);
    }
    const Image image = readFramebuffer(target.framebuffer(), target.width(), target.height());
    const std::string error = writeImage(options_.screenshotPath, image);
    if (!error.empty()) {
        std::fprintf(stderr, "spineviz: %s\n", error.c_str());
        return 1;
    }
    std::printf("spineviz: wrote %s (%dx%d)\n", options_.screenshotPath.c_str(), image.width, image.height);
    return writeFluoroImages() ? 0 : 1;
}

// With --fluoro, --screenshot OUT.png also writes each X-ray view beside it: OUT-ap.png,
// OUT-lateral.png (named by the view's C-arm preset).
bool App::writeFluoroImages() {
    if (!procedure_ || !fluoro_.open()) return true;
    const std::filesystem::path out(options_.screenshotPath);
    const std::string extension = out.extension().empty() ? ".png" : out.extension().string();
    for (int i = 0; i < xray::kFluoroViews; ++i) {
        if (!fluoro_.view(i).shown) continue;
        std::string name = out.stem().string() + "-" + xray::carmPresetKey(fluoro_.view(i).preset);
        if (i > 0 && fluoro_.view(0).shown && fluoro_.view(0).preset == fluoro_.view(i).preset) name += "-2";
        const std::string path = (out.parent_path() / (name + extension)).string();
        const Image image = fluoroRenderer_.image(i).readDisplay();
        const std::string error = writeImage(path, image);
        if (!error.empty()) {
            std::fprintf(stderr, "spineviz: %s\n", error.c_str());
            return false;
        }
        std::printf("spineviz: wrote %s (%dx%d)\n", path.c_str(), image.width, image.height);
    }
    return true;
}

int App::runBenchmark() {
    std::vector<double> milliseconds;
    milliseconds.reserve(static_cast<std::size_t>(options_.benchmarkFrames));
    // With --fluoro, every other frame is drawn without the X-ray views, so that whatever else the
    // machine runs weighs on both alike; both are reported (docs/performance.md).
    const bool compareFluoro = fluoro_.open();
    std::vector<double> withoutFluoro;
    int width = 1, height = 1;
    window_.drawableSize(width, height);
    std::printf("spineviz benchmark: %d frames at %dx%d on %s\n", options_.benchmarkFrames, width, height,
                window_.rendererName().c_str());
    for (int i = 0; i < options_.benchmarkFrames && running_; ++i) {
        SDL_Event event;
        while (SDL_PollEvent(&event))
            if (event.type == SDL_QUIT) running_ = false;
        const bool skipFluoro = compareFluoro && i % 2 == 1;
        if (skipFluoro) fluoro_.setOpen(false);
        const double start = nowSeconds();
        window_.drawableSize(width, height);
        renderFrame(1.0f / 60.0f, 0, width, height, false);
        glFinish(); // without it the offscreen driver's frame times mean nothing
        window_.swap();
        (skipFluoro ? withoutFluoro : milliseconds).push_back((nowSeconds() - start) * 1000.0);
        if (skipFluoro) fluoro_.setOpen(true);
    }
    const auto percentile = [](std::vector<double>& times, double p) {
        std::sort(times.begin(), times.end());
        const std::size_t index = std::min(times.size() - 1, static_cast<std::size_t>(p * (times.size() - 1) + 0.5));
        return times[index];
    };
    const double median = percentile(milliseconds, 0.5);
    std::printf("frame time median: %.3f ms\nframe time p95: %.3f ms\nframe time p99: %.3f ms\n", median,
                percentile(milliseconds, 0.95), percentile(milliseconds, 0.99));
    if (!withoutFluoro.empty()) {
        const double without = percentile(withoutFluoro, 0.5);
        std::printf("without fluoroscopy (interleaved frames): median %.3f ms, p95 %.3f ms\n", without, percentile(withoutFluoro, 0.95));
        std::printf("fluoroscopy adds: %.1f %%\n", 100.0 * (median - without) / without);
    }
    std::printf("fps: %.1f\n", 1000.0 / median);
    return 0;
}

} // namespace spineviz
