#pragma once
// The application: owns the window, the loop, input and the command line's modes (interactive,
// --screenshot, --benchmark). It assembles each frame from the loaded scene and hands it to the
// renderer; UI panels report requests that the app carries out.

#include "app/CommandLine.h"
#include "app/ProcedureController.h"
#include "app/ResourcePaths.h"
#include "app/Window.h"
#include "core/camera/OrbitCamera.h"
#include "core/scene/Scene.h"
#include "core/xray/FluoroSession.h"
#include "render/FrameRenderer.h"
#include "render/GpuScene.h"
#include "render/xray/FluoroRenderer.h"
#include "ui/FluoroPanel.h"
#include "ui/PresenterOverlay.h"
#include "ui/UiContext.h"
#include "ui/ViewPanel.h"

#include <memory>
#include <string>
#include <vector>

namespace spineviz {

class App {
public:
    explicit App(CommandLine options);
    int run(); // the process exit code
    // The panels of the last frame drawn offscreen (a screenshot), for checking the layout.
    const std::vector<PanelBox>& lastPanels() const { return lastPanels_; }

private:
    bool loadModel();
    bool startWindow();
    void startCamera();
    void pickEntryAt(int x, int y);
    int runMeasurements();
    int runInteractive();
    int runScreenshot();
    int runBenchmark();

    void handleEvent(const SDL_Event& event);
    void handleKey(const SDL_KeyboardEvent& key);
    bool handleFluoroKey(SDL_Keycode key);
    bool handlePresenterKey(SDL_Keycode key);
    void noteInput(const SDL_Event& event);
    static double nowSeconds(); // a steady clock
    void updateIdle(double now);
    void updateFluoro(float dt);
    bool writeFluoroImages();
    void applyViewActions(const ViewPanelActions& actions);
    void renderFrame(float dt, GLuint output, int width, int height, bool offscreen);
    void drawUi();
    void drawDisplayPanel();
    void saveScreenshot();
    void showToast(const std::string& text);
    void setPreset(ViewPreset preset, bool animate);
    float aspect() const;
    struct FreeView {
        glm::vec2 lensShift{0.0f};
        float heightShare = 1.0f;
        float widthShare = 1.0f;
    };
    FreeView freeView() const;

    // Declaration order is teardown order in reverse: GL objects go while the context lives, the
    // window before SDL quits.
    struct SdlSession {
        bool started = false;
        ~SdlSession() { if (started) SDL_Quit(); }
    };

    CommandLine options_;
    ResourcePaths paths_;
    Scene scene_;
    SdlSession sdl_;
    Window window_;
    UiContext ui_;
    FrameRenderer renderer_;
    FluoroRenderer fluoroRenderer_; // the simulated X-ray views (docs/fluoroscopy.md)
    GpuScene gpuScene_;
    std::unique_ptr<ProcedureController> procedure_; // when the model carries spineviz landmarks
    OrbitCamera camera_;
    FrameScene frame_;
    UiInsets insets_;          // what the panels covered last frame, in UI units
    int framesRendered_ = 0;
    float measurementsBottom_ = 0.0f; // where the measurements panel ended last frame
    glm::vec2 uiSize_{0.0f};   // the UI's size when they were measured
    xray::FluoroSession fluoro_;
    FluoroPanelLayout fluoroLayout_;
    std::string modelPath_;

    std::vector<PanelBox> lastPanels_;
    PresenterOverlay presenter_;
    double lastInput_ = 0.0;   // when the user last touched mouse or keys
    bool controlsIdle_ = false; // in fullscreen, after a few idle seconds: no cursor, no controls

    bool running_ = true;
    bool uiVisible_ = true;
    bool screenshotRequested_ = false;
    int activeFingers_ = 0;
    float framesPerSecond_ = 0.0f;
    std::string toast_;
    float toastTimeLeft_ = 0.0f;
    int frameWidth_ = 1, frameHeight_ = 1;
};

} // namespace spineviz
