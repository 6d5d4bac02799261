#pragma once
// The procedure inside the app: the session (options, plan, player, state), how it is drawn, the
// panels that control it, its keys, and the camera moves each step asks for. The App owns one when
// the model carries spineviz landmarks.

#include "app/CommandLine.h"
#include "app/PracticeMode.h"
#include "core/camera/OrbitCamera.h"
#include "core/procedure/ProcedureSession.h"
#include "core/xray/BodyOutline.h"
#include "core/xray/CArm.h"
#include "render/GpuScene.h"
#include "render/ProcedureDrawer.h"
#include "ui/LearnPanel.h"
#include "ui/PartLabels.h"
#include "ui/ProcedureControls.h"
#include "ui/UiContext.h"
#include "ui/UiInsets.h"
#include "core/anatomy/PartAnchors.h"

#include <SDL.h>

#include <optional>
#include <string>

namespace spineviz {

class ProcedureController {
public:
    ProcedureController(const Scene& scene, GpuScene& gpu);

    std::string unavailableReason() const { return session_.unavailableReason(); }
    // Applies the command line's case, start time and view choices. Returns "" or a one-line error.
    std::string configure(const CommandLine& options);

    // Plays on; the waiting-room loop starts again from the beginning after a pause at the end.
    void advance(double seconds);
    void buildFrame(FrameScene& frame);
    // A camera pose to ease to when the step changed since the last call (and following is on).
    std::optional<CameraPose> cameraGoal(const Aabb& modelBounds, float aspect, bool force = false);
    // Points a preset direction at the current step's framing.
    CameraPose presetPose(ViewPreset preset, const Aabb& modelBounds, float aspect) const;
    // Panels; `insets` learns how much of each edge they cover. Without `controls` (an idle
    // presentation) only what the audience reads stays: the caption, the numbers, the guide.
    void drawUi(const UiContext& ui, UiInsets& insets, bool controls = true);
    // Names on the treated vertebra's parts (when asked for) and on cement leaks, over the 3D view,
    // their boxes kept within `room`.
    void drawLabels(const glm::mat4& viewProjection, float width, float height, LabelRoom room);
    // Space, arrows, PageUp/PageDown, Home, 1-9, A (the waiting-room loop); with the patient's guide
    // open, the clicker's keys turn its pages and Esc closes it. True when the key was the procedure's.
    bool handleKey(const SDL_Keysym& key);

    const Measurements& measurements() { return session_.state().measurements; }
    // For the X-ray views: the treated vertebra (C-arm presets) and the body around it.
    xray::XrayAnatomy xrayAnatomy() const;
    xray::BodyOutline xrayBody() const;
    bool playing() const { return session_.player().playing(); }
    bool looping() const { return looping_; }

    // Practice mode (app/PracticeMode): the trainee places the needles.
    bool practising() const { return practice_.active(); }
    void noteExposure(const xray::ExposureCounter& exposure) {
        if (practice_.active()) practice_.noteExposure(exposure);
    }
    bool pickEntry(const glm::vec3& origin, const glm::vec3& direction) {
        return practice_.active() && practice_.pickEntry(session_, origin, direction);
    }
    bool shotRequested() { return practice_.active() && practice_.shotRequested(); }
    Audience audience() const { return audience_; }

private:
    void apply(const ProcedureRequests& requests);
    void restartWith(const ProcedureOptions& options);
    void findAnchors();
    void drawLeakWarning(const UiInsets& insets);
    void setLooping(bool on);
    bool handleGuideKey(SDL_Keycode key);
    PhaseView currentView() const;

    const Scene& scene_;
    GpuScene& gpu_;
    ProcedureSession session_;
    ProcedureDrawer drawer_;
    PracticeMode practice_;
    InsideView inside_ = InsideView::Auto;
    std::optional<SectionMode> sectionChoice_;
    bool followCamera_ = true;
    Audience audience_ = Audience::Clinician;
    bool learnOpen_ = false;
    LearnPanelState learn_;
    bool looping_ = false;
    double loopHold_ = 0.0; // seconds the loop has rested on the last step
    float speedBeforeLoop_ = 1.0f;
    bool labels_ = false;
    std::vector<PartAnchor> anchors_; // of the treated vertebra, node-local; rebuilt with the options
    int cameraPhase_ = -1; // the step the camera last went to
};

} // namespace spineviz
