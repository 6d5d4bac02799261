#include "app/App.h"

#include "app/DisplayCheck.h"
#include "app/PicturesFolder.h"
#include "app/ScreenshotPath.h"
#include "app/TraineeScoreRun.h"
#include "core/io/ImageFile.h"
#include "core/anatomy/SpineAnatomy.h"
#include "core/scene/GltfLoader.h"
#include "render/Screenshot.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace spineviz {
namespace {

constexpr float kPresetTransitionSeconds = 0.8f;
constexpr int kMsaaSamples = 4;
constexpr int kPanelSettleFrames = 5;      // frames after which the panels' room is known (auto-sized panels, and the X-ray panel hung under them, take up to four)

std::string fileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// The opening view: three-quarters from the front left, slightly from above, which shows the
// spine's curves and depth at once.
CameraPose openingOrientation() {
    CameraPose pose;
    pose.yaw = 0.62f;
    pose.pitch = 0.12f;
    return pose;
}

} // namespace

App::App(CommandLine options) : options_(std::move(options)) { uiVisible_ = !options_.hideUi; }

bool App::loadModel() {
    std::string error;
    if (!findResources(paths_, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return false;
    }
    modelPath_ = options_.modelPath.empty() ? paths_.defaultModel : options_.modelPath;
    LoadResult loaded = loadGltf(modelPath_);
    if (!loaded) {
        std::fprintf(stderr, "spineviz: cannot load model %s\n", loaded.error.c_str());
        return false;
    }
    if (!loaded.warning.empty()) std::fprintf(stderr, "spineviz: warning: %s: %s\n", modelPath_.c_str(), loaded.warning.c_str());
    scene_ = std::move(*loaded.scene);
    // Landmarks come from the file too: broken ones refuse the model before anything uses them.
    const std::string landmarks = SpineAnatomy::fromScene(scene_).landmarkProblem();
    if (!landmarks.empty()) {
        std::fprintf(stderr, "spineviz: cannot load model %s: %s\n", modelPath_.c_str(), landmarks.c_str());
        return false;
    }

    procedure_ = std::make_unique<ProcedureController>(scene_, gpuScene_);
    const std::string unavailable = procedure_->unavailableReason();
    if (!unavailable.empty()) {
        procedure_.reset();
        // A plain model is fine to look at; asking it for a procedure is an error.
        const bool fluoro = options_.fluoro && *options_.fluoro != xray::FluoroChoice::Off;
        if (options_.measurements || options_.phase || fluoro) {
            std::fprintf(stderr, "spineviz: %s: %s\n", modelPath_.c_str(), unavailable.c_str());
            return false;
        }
        return true;
    }
    error = procedure_->configure(options_);
    if (!error.empty()) {
        std::fprintf(stderr, "spineviz: %s: %s\n", modelPath_.c_str(), error.c_str());
        return false;
    }
    return true;
}

bool App::startWindow() {
    if (!options_.screenshotPath.empty()) {
        if (const std::string problem = screenshotDestinationProblem(options_.screenshotPath); !problem.empty()) {
            std::fprintf(stderr, "spineviz: %s\n", problem.c_str());
            return false;
        }
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "spineviz: cannot start SDL video: %s\n", SDL_GetError());
        return false;
    }
    sdl_.started = true;
    const bool interactive = options_.screenshotPath.empty() && options_.benchmarkFrames == 0;
    if (const std::string noDisplay = checkVideoDriver(interactive); !noDisplay.empty()) {
        std::fprintf(stderr, "%s\n", noDisplay.c_str());
        return false;
    }
    WindowConfig config;
    config.width = options_.width;
    config.height = options_.height;
    config.fullscreen = options_.fullscreen;
    config.hidden = !options_.screenshotPath.empty();
    config.vsync = options_.benchmarkFrames == 0;
    std::string error = window_.create(config);
    if (error.empty()) error = renderer_.init(paths_.shaderDir, kMsaaSamples);
    if (error.empty()) error = fluoroRenderer_.init(paths_.shaderDir);
    if (!error.empty()) {
        std::fprintf(stderr, "spineviz: %s\n", error.c_str());
        return false;
    }
    if (!ui_.init(window_.sdl(), window_.context(), paths_.fontPath, detectDisplayScale(window_.sdl()))) {
        std::fprintf(stderr, "spineviz: cannot start the user interface\n");
        return false;
    }
    if (options_.uiScale > 0.0f) ui_.setUserScale(options_.uiScale);
    fluoroRenderer_.setImageSize(options_.fluoroSize);
    if (options_.fluoro) fluoro_.choose(*options_.fluoro);
    if (procedure_ && procedure_->practising()) {
        // Practice starts with both C-arms in place and the beam off: every image is a shot the trainee takes.
        if (!options_.fluoro) fluoro_.choose(xray::FluoroChoice::Both);
        fluoro_.setAllLive(false);
    }
    gpuScene_.upload(scene_);
    window_.drawableSize(frameWidth_, frameHeight_);
    if (!options_.screenshotPath.empty()) {
        frameWidth_ = options_.width;
        frameHeight_ = options_.height;
    }
    startCamera();
    return true;
}

void App::startCamera() {
    const Aabb bounds = scene_.bounds();
    camera_.setDistanceLimits(bounds.radius() * 0.02f, bounds.radius() * 30.0f);
    if (procedure_) {
        // The step's own view counts as taken either way, so a chosen --view is not overridden
        // until the step changes.
        const CameraPose stepView = *procedure_->cameraGoal(bounds, aspect(), true);
        camera_.setPose(options_.view ? procedure_->presetPose(*options_.view, bounds, aspect()) : stepView);
    } else if (options_.view) {
        setPreset(*options_.view, false);
    } else {
        camera_.setPose(openingOrientation());
        camera_.frame(bounds, aspect());
    }
}

int App::runMeasurements() {
    if (!procedure_) {
        std::fprintf(stderr, "spineviz: %s carries no spineviz landmarks, so it has no measurements\n", modelPath_.c_str());
        return 1;
    }
    std::printf("%s\n", procedure_->measurements().toJson().dump().c_str());
    return 0;
}

float App::aspect() const { return frameHeight_ > 0 ? float(frameWidth_) / float(frameHeight_) : 1.0f; }

void App::setPreset(ViewPreset preset, bool animate) {
    const CameraPose goal = procedure_ ? procedure_->presetPose(preset, scene_.bounds(), aspect())
                                       : camera_.framedPose(scene_.bounds(), preset, aspect());
    if (animate) camera_.transitionTo(goal, kPresetTransitionSeconds);
    else camera_.setPose(goal);
}

int App::run() {
    if (options_.score) return runTraineeScore(options_); // no window, no procedure: the attempt alone
    if (!loadModel()) return 1;
    if (options_.measurements) return runMeasurements();
    const bool interactive = options_.screenshotPath.empty() && options_.benchmarkFrames == 0;
    if (const std::string noDisplay = prepareVideoDriver(interactive); !noDisplay.empty()) {
        std::fprintf(stderr, "%s\n", noDisplay.c_str());
        return 1;
    }
    if (!startWindow()) return 1;
    if (!options_.screenshotPath.empty()) return runScreenshot();
    if (options_.benchmarkFrames > 0) return runBenchmark();
    return runInteractive();
}

// How much of the view the panels leave free, as the lens shift that centres the view in it and
// the share of the height it keeps.
App::FreeView App::freeView() const {
    FreeView free;
    if (uiSize_.x <= 0.0f || uiSize_.y <= 0.0f) return free;
    const float left = insets_.left, right = uiSize_.x - insets_.rightForView();
    const float top = insets_.top, bottom = uiSize_.y - insets_.bottom;
    if (right - left < 0.3f * uiSize_.x || bottom - top < 0.3f * uiSize_.y) return free; // panels cover too much: ignore them
    free.lensShift = glm::vec2((left + right) / uiSize_.x - 1.0f, 1.0f - (top + bottom) / uiSize_.y);
    free.heightShare = (bottom - top) / uiSize_.y;
    free.widthShare = (right - left) / uiSize_.x;
    return free;
}

void App::renderFrame(float dt, GLuint output, int width, int height, bool offscreen) {
    frameWidth_ = width;
    frameHeight_ = height;
    frame_.clear();
    const FreeView free = freeView();
    camera_.setLensShift(free.lensShift);
    if (procedure_) {
        if (!offscreen) procedure_->advance(dt);
        // The first frames measure the panels; aim again once their room is known (unless a --view was asked for).
        const bool reaim = framesRendered_ < kPanelSettleFrames && !options_.view;
        if (auto goal = procedure_->cameraGoal(scene_.bounds(), aspect(), reaim)) {
            // The step's anatomy fits the room left free, however the panels narrow it.
            goal->distance /= std::max(std::min(free.heightShare, 1.25f * free.widthShare), 0.5f);
            camera_.transitionTo(*goal, offscreen || reaim ? 0.0f : 1.2f);
        }
        procedure_->buildFrame(frame_);
        updateFluoro(dt);
    } else {
        gpuScene_.appendDrawItems(scene_, scene_.worldTransforms(), frame_.items);
    }
    camera_.update(dt);
    const Viewport viewport{0, 0, width, height};
    renderer_.render(frame_, camera_.view(), camera_.projection(viewport.aspect()), viewport, output);
    ui_.beginFrame(offscreen ? width : 0, offscreen ? height : 0);
    insets_ = UiInsets{};
    uiSize_ = glm::vec2(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
    if (uiVisible_) drawUi();
    // After the panels, so the labels know the room they leave (the labels draw on top either way).
    if (procedure_)
        procedure_->drawLabels(camera_.projection(viewport.aspect()) * camera_.view(), uiSize_.x, uiSize_.y,
                               LabelRoom{insets_.left, uiSize_.x - insets_.rightForView()});
    drawToast(toast_, std::min(toastTimeLeft_, 1.0f));
    drawPresenterOverlay(presenter_);
    ui_.endFrame();
    if (offscreen) lastPanels_ = ui_.visiblePanels();
    toastTimeLeft_ = std::max(0.0f, toastTimeLeft_ - dt);
    ++framesRendered_;
}

// The X-ray views see the frame as the procedure built it; then their C-arms join the 3D view.
void App::updateFluoro(float dt) {
    if (!fluoro_.open()) return;
    fluoro_.setAnatomy(procedure_->xrayAnatomy(), scene_.bounds().centre());
    fluoroRenderer_.setBody(procedure_->xrayBody());
    fluoroRenderer_.cullWith(scene_, gpuScene_);
    fluoro_.advance(dt);
    if (procedure_->shotRequested()) fluoro_.takeShotAll();
    procedure_->noteExposure(fluoro_.exposure()); // practice mode charges it to the needle in hand
    fluoroRenderer_.render(frame_, fluoro_);
    fluoroRenderer_.appendCArms(fluoro_, camera_.eye(), frame_);
}

// Panels at the edges go first, so the caption knows the room they take.
void App::drawUi() {
    if (!controlsIdle_) drawDisplayPanel();
    if (!procedure_) return;
    // The X-ray monitors fit under where the measurements ended last frame. A patient's
    // consultation keeps to the simple controls: no X-ray launcher unless the views are open.
    if ((procedure_->audience() == Audience::Clinician && !controlsIdle_) || fluoro_.open()) {
        FluoroPanelView fluoro;
        fluoro.session = &fluoro_;
        for (int i = 0; i < xray::kFluoroViews; ++i) fluoro.textures[static_cast<std::size_t>(i)] = fluoroRenderer_.texture(i);
        insets_.rightColumnTop = measurementsBottom_;
        applyFluoroRequests(drawFluoroPanel(fluoro, fluoroLayout_, &insets_), fluoro_);
        insets_.rightColumnTop = 0.0f;
        insets_.rightColumnReserve = fluoroLayout_.minimumHeight + ImGui::GetFontSize() * 0.8f;
    }
    procedure_->drawUi(ui_, insets_, !controlsIdle_);
    measurementsBottom_ = insets_.rightColumnTop;
}

void App::drawDisplayPanel() {
    ViewPanelInfo info;
    info.belowOtherPanels = procedure_ != nullptr;
    info.modelName = fileName(modelPath_);
    info.triangles = scene_.triangleCount();
    info.framesPerSecond = framesPerSecond_;
    info.msaaSamples = renderer_.samples();
    info.fullscreen = window_.fullscreen();
    info.uiScale = ui_.userScale();
    applyViewActions(drawViewPanel(info, &insets_));
}

void App::applyViewActions(const ViewPanelActions& actions) {
    if (actions.preset) setPreset(*actions.preset, true);
    if (actions.frameAll) camera_.frame(scene_.bounds(), aspect());
    if (actions.screenshot) screenshotRequested_ = true;
    if (actions.toggleFullscreen) window_.setFullscreen(!window_.fullscreen());
    if (actions.hideUi) uiVisible_ = false;
    if (actions.uiScale) ui_.setUserScale(*actions.uiScale);
}

void App::showToast(const std::string& text) {
    toast_ = text;
    toastTimeLeft_ = 4.0f;
}

void App::saveScreenshot() {
    const Image image = readFramebuffer(0, frameWidth_, frameHeight_);
    const std::string path = screenshotPathIn(picturesFolder());
    const std::string error = writeImage(path, image);
    if (error.empty()) {
        std::printf("spineviz: screenshot saved to %s\n", path.c_str());
        showToast("Screenshot saved to " + path);
    } else {
        std::fprintf(stderr, "spineviz: screenshot failed: %s\n", error.c_str());
        showToast("Screenshot failed: " + error);
    }
}

} // namespace spineviz
