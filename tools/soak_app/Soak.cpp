// spineviz_soak: plays both procedures on the bundled spine, one after the other, on a loop, in a
// hidden window (headless with SDL_VIDEODRIVER=offscreen), for a given time. It draws every frame
// with the app's renderer, procedure drawer and X-ray views, checks glGetError after each, and
// samples the resident memory; it prints the figures and exits 1 if RSS grew by 1 MiB or more after
// the warm-up (one run of each procedure, and at least WARMUP_SECONDS), or if GL reported an error. Run by tools/soak (docs/reliability.md).
//
//   spineviz_soak SECONDS [WARMUP_SECONDS]

#include "app/CommandLine.h"
#include "app/ProcedureController.h"
#include "app/ResourcePaths.h"
#include "app/Window.h"
#include "core/camera/OrbitCamera.h"
#include "core/scene/GltfLoader.h"
#include "render/FrameRenderer.h"
#include "render/Gl.h"
#include "render/GpuScene.h"

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

using namespace spineviz;

long residentKiB() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            long kib = 0;
            status >> kib;
            return kib;
        }
        std::getline(status, key);
    }
    return -1;
}

// Procedure time per frame: each run of a procedure takes a few hundred frames, so a soak sees
// every step, the cement fill and the restarts many times.
constexpr double kProcedureSecondsPerFrame = 1.0;

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

void play(ProcedureController& procedure) {
    SDL_Keysym space{};
    space.sym = SDLK_SPACE;
    procedure.handleKey(space);
}

// Everything GL lives inside, so it is released while the window's context still exists.
int soak(double seconds, double warmup) {
    ResourcePaths paths;
    std::string error;
    if (!findResources(paths, error)) return std::fprintf(stderr, "spineviz_soak: %s\n", error.c_str()), 1;
    LoadResult loaded = loadGltf(paths.defaultModel);
    if (!loaded) return std::fprintf(stderr, "spineviz_soak: %s\n", loaded.error.c_str()), 1;
    const Scene scene = std::move(*loaded.scene);
    Window window;
    WindowConfig config;
    config.width = 480;
    config.height = 300;
    config.hidden = true;
    config.vsync = false;
    FrameRenderer renderer;
    error = window.create(config);
    if (error.empty()) error = renderer.init(paths.shaderDir, 4);
    if (!error.empty()) return std::fprintf(stderr, "spineviz_soak: %s\n", error.c_str()), 1;
    GpuScene gpu;
    gpu.upload(scene);
    ProcedureController procedure(scene, gpu);
    CommandLine options;
    OrbitCamera camera;
    const Aabb bounds = scene.bounds();
    const float aspect = float(config.width) / float(config.height);

    const double start = now();
    long baseline = -1, peak = 0;
    int frames = 0, glErrors = 0, runs = 0;
    bool kyphoplasty = false;
    double lastReport = start;
    while (now() - start < seconds) {
        if (!procedure.playing()) { // the next procedure from its beginning, with a new case
            kyphoplasty = !kyphoplasty;
            options.procedure.procedure = kyphoplasty ? Procedure::Kyphoplasty : Procedure::Vertebroplasty;
            options.procedure.seed = std::uint32_t(runs + 1);
            error = procedure.configure(options);
            if (!error.empty()) return std::fprintf(stderr, "spineviz_soak: %s\n", error.c_str()), 1;
            play(procedure);
            ++runs;
        }
        SDL_Event event;
        while (SDL_PollEvent(&event)) {}
        procedure.advance(kProcedureSecondsPerFrame);
        if (auto goal = procedure.cameraGoal(bounds, aspect)) camera.transitionTo(*goal, 0.0f);
        camera.update(1.0f / 30.0f);
        FrameScene frame;
        procedure.buildFrame(frame);
        renderer.render(frame, camera.view(), camera.projection(aspect), Viewport{0, 0, config.width, config.height}, 0);
        glFinish();
        for (GLenum e = glGetError(); e != GL_NO_ERROR; e = glGetError()) ++glErrors;
        window.swap();
        ++frames;
        const long rss = residentKiB();
        // The baseline once each procedure has run through once (its caches exist) and the warm-up passed.
        if (baseline < 0 && runs >= 3 && now() - start >= warmup) baseline = rss;
        if (baseline >= 0) peak = std::max(peak, rss);
        if (now() - lastReport >= 60.0) {
            lastReport = now();
            std::printf("soak: %.0f s, %d frames, %d procedure runs, RSS %ld KiB (after warm-up %ld KiB)\n", now() - start, frames,
                        runs, rss, baseline);
            std::fflush(stdout);
        }
    }
    const long end = residentKiB();
    if (baseline < 0) baseline = end;
    const long growth = end - baseline;
    std::printf("soak: %.0f s, %d frames, %d procedure runs, GL errors %d\n", now() - start, frames, runs, glErrors);
    std::printf("soak: RSS after the first kyphoplasty and vertebroplasty (and %.0f s) %ld KiB, at the end %ld KiB, peak %ld KiB, growth %ld KiB\n", warmup, baseline, end,
                peak, growth);
    std::fflush(stdout);
    return glErrors == 0 && growth < 1024 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 60.0;
    const double warmup = argc > 2 ? std::atof(argv[2]) : std::min(60.0, seconds / 10.0);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return std::fprintf(stderr, "spineviz_soak: %s\n", SDL_GetError()), 1;
    const int code = soak(seconds, warmup);
    SDL_Quit();
    return code;
}
