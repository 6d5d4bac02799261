#include "app/ProcedureController.h"

#include "app/SessionSetup.h"
#include "app/TraineeScoreRun.h"

#include "core/procedure/TrunkSurface.h"
#include "core/content/Captions.h"
#include "ui/CaptionPanel.h"
#include "ui/LearnPanel.h"
#include "ui/MeasurementsPanel.h"
#include "ui/PartLabels.h"
#include "ui/ProcedurePanel.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace spineviz {
namespace {

constexpr float kLoopSpeed = 0.6f;         // slowly enough to read each caption in a waiting room
constexpr double kLoopHoldSeconds = 8.0;   // the finished result stays up before it starts again

} // namespace

ProcedureController::ProcedureController(const Scene& scene, GpuScene& gpu) : scene_(scene), gpu_(gpu), session_(scene) {
    drawer_.setTrunk(trunkSurface(scene_, session_.anatomy()));
}

std::string ProcedureController::configure(const CommandLine& options) {
    // A plan to look back on in practice mode sets the level (a plan is for one vertebra).
    CommandLine effective = options;
    std::optional<TraineePlan> attempt;
    if (options.trainee && !options.traineePlan.empty() && options.traineePlan != "ideal") {
        TraineePlan plan;
        const std::string planError = readTraineePlanFile(options.traineePlan, plan);
        if (!planError.empty()) return options.traineePlan + ": " + planError;
        if (options.levelGiven && plan.level != options.procedure.level)
            return options.traineePlan + ": the plan is for " + plan.level + " but --level asks for " + options.procedure.level;
        effective.procedure.level = plan.level;
        attempt = plan;
    }
    const std::string error = configureSession(session_, effective);
    if (!error.empty()) return error;
    drawer_.reset();
    inside_ = options.cutaway ? InsideView::Cutaway : options.ghost ? InsideView::Ghost : InsideView::Auto;
    audience_ = options.patientAudience ? Audience::Patient : Audience::Clinician;
    labels_ = options.labels;
    findAnchors();
    learnOpen_ = options.learn;
    if (options.loop) setLooping(true);
    if (options.trainee) {
        if (options.traineePlan == "ideal") attempt = idealTraineePlan(session_.plan().landmarks, session_.options(), kIdealShotsPerNeedle);
        return practice_.start(scene_, session_, attempt ? &*attempt : nullptr);
    }
    return "";
}

void ProcedureController::advance(double seconds) {
    if (practice_.active()) { // the timeline is held while the trainee works
        practice_.advance(seconds);
        return;
    }
    ProcedurePlayer& player = session_.player();
    player.advance(seconds);
    if (!looping_ || !player.atEnd()) return;
    loopHold_ += seconds;
    if (loopHold_ < kLoopHoldSeconds) return;
    setLooping(true); // from the beginning again
}

void ProcedureController::setLooping(bool on) {
    ProcedurePlayer& player = session_.player();
    if (on && !looping_) speedBeforeLoop_ = player.speed();
    if (!on && looping_) player.setSpeed(speedBeforeLoop_);
    looping_ = on;
    loopHold_ = 0.0;
    if (!on) return;
    player.restart();
    player.setSpeed(kLoopSpeed);
    player.play();
}

void ProcedureController::findAnchors() {
    const VertebraNode* vertebra = session_.anatomy().vertebra(session_.options().level);
    const int mesh = vertebra ? scene_.nodes[vertebra->node].mesh : -1;
    anchors_.clear();
    if (mesh >= 0 && !scene_.meshes[mesh].primitives.empty())
        anchors_ = vertebraPartAnchors(scene_.meshes[mesh].primitives.front().mesh, vertebra->landmarks);
}

void ProcedureController::drawLabels(const glm::mat4& viewProjection, float width, float height, LabelRoom room) {
    const ProcedureState& now = session_.state();
    // Leaks are named for clinicians whatever the label setting: seeing them early is the lesson.
    if (audience_ == Audience::Clinician && !now.measurements.cementLeaks.empty()) {
        std::vector<PlacedLabel> leaks;
        for (const Measurements::Leak& leak : now.measurements.cementLeaks) {
            // Short on the picture; the panel and the warning give the full name.
            std::string type = leak.type;
            if (!type.empty()) type[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(type[0])));
            char text[128];
            std::snprintf(text, sizeof text, "%s leak (%s), %.2f mL", type.c_str(), leak.code.c_str(), leak.volumeMl);
            const glm::vec3 anatomical = now.deformation.treated(leak.positionMm * 1e-3f);
            leaks.push_back({text, glm::vec3(session_.pose().anatomicalToWorld() * glm::vec4(anatomical, 1.0f))});
        }
        drawPartLabels(leaks, viewProjection, width, height, room, "Cement leak", LabelTone::Warning);
    }
    if (!labels_ || anchors_.empty()) return;
    const VertebraNode* vertebra = session_.anatomy().vertebra(session_.options().level);
    const glm::mat4 nodeWorld = scene_.worldTransform(vertebra->node);
    const ProcedureState& state = session_.state();
    std::vector<PlacedLabel> placed;
    // The labels ride on the bone as the fracture and the balloon change its shape.
    for (const PartAnchor& anchor : anchors_)
        placed.push_back({anchor.term, session_.pose().deformWorld(glm::vec3(nodeWorld * glm::vec4(anchor.point, 1.0f)),
                                                                    PoseRegion::Treated, state.deformation)});
    drawPartLabels(placed, viewProjection, width, height, room, session_.options().level + ", the treated vertebra", LabelTone::Anatomy);
}

xray::XrayAnatomy ProcedureController::xrayAnatomy() const {
    return xray::xrayAnatomyFrom(session_.pose().anatomicalToWorld(), session_.plan().landmarks);
}

xray::BodyOutline ProcedureController::xrayBody() const {
    return xray::bodyOutlineFor(scene_, session_.anatomy(), session_.options().level);
}

PhaseView ProcedureController::currentView() const {
    return phaseView(session_.player().phase().id);
}

void ProcedureController::buildFrame(FrameScene& frame) {
    if (practice_.active()) {
        // Solid bone while the trainee works by X-ray; see-through afterwards to show the path taken.
        const ProcedureState state = practice_.stateToDraw(session_);
        const ProcedureLook look = resolveLook(practice_.session().finished() ? InsideView::Ghost : inside_, currentView());
        drawer_.build(scene_, gpu_, session_.plan(), session_.pose(), state, look, frame);
        practice_.appendMarks(session_, frame);
        return;
    }
    const ProcedureState& state = session_.state();
    ProcedureLook look = resolveLook(inside_, currentView());
    if (sectionChoice_) look.section = *sectionChoice_;
    drawer_.build(scene_, gpu_, session_.plan(), session_.pose(), state, look, frame);
}

std::optional<CameraPose> ProcedureController::cameraGoal(const Aabb& modelBounds, float aspect, bool force) {
    const int phase = session_.player().phase().index;
    if (!force && (phase == cameraPhase_ || !followCamera_)) return std::nullopt;
    cameraPhase_ = phase;
    return cameraPoseFor(currentView(), session_.pose().anatomicalToWorld(), modelBounds, aspect);
}

CameraPose ProcedureController::presetPose(ViewPreset preset, const Aabb& modelBounds, float aspect) const {
    // The same framing whatever the step, so views of different steps compare like for like.
    PhaseView framing;
    framing.span = 0.16f;
    CameraPose pose = cameraPoseFor(framing, session_.pose().anatomicalToWorld(), modelBounds, aspect);
    const CameraPose direction = presetOrientation(preset);
    pose.yaw = direction.yaw;
    pose.pitch = direction.pitch;
    return pose;
}

void ProcedureController::restartWith(const ProcedureOptions& options) {
    if (!session_.setOptions(options).empty()) return; // the panel only offers valid choices
    gpu_.upload(scene_); // undo the old level's deformed meshes
    drawer_.reset();
    cameraPhase_ = -1;
    findAnchors();
}

void ProcedureController::apply(const ProcedureRequests& r) {
    ProcedurePlayer& player = session_.player();
    // Someone taking the controls ends the waiting-room loop.
    if (r.seek || r.jumpToPhase || r.togglePlay || r.next || r.previous || r.restart || r.options) setLooping(false);
    if (r.options && *r.options != session_.options()) restartWith(*r.options);
    if (r.cement && *r.cement != session_.cementOptions() && session_.setCementOptions(*r.cement).empty()) drawer_.reset();
    if (r.seek) player.seek(*r.seek);
    if (r.jumpToPhase) player.jumpToPhase(*r.jumpToPhase);
    if (r.togglePlay) player.togglePlay();
    if (r.next) player.nextPhase();
    if (r.previous) player.previousPhase();
    if (r.restart) {
        player.restart();
        player.play();
    }
    if (r.speed) player.setSpeed(*r.speed);
    if (r.inside) inside_ = *r.inside;
    if (r.section) sectionChoice_ = *r.section;
    if (r.followCamera) {
        followCamera_ = *r.followCamera;
        if (followCamera_) cameraPhase_ = -1; // go to this step's view now
    }
    if (r.audience) audience_ = *r.audience;
    if (r.learnOpen) learnOpen_ = *r.learnOpen;
    if (r.labels) labels_ = *r.labels;
    if (r.loop) setLooping(*r.loop);
    if (r.practice && *r.practice) practice_.start(scene_, session_);
}

void ProcedureController::drawUi(const UiContext& ui, UiInsets& insets, bool controls) {
    if (practice_.active()) {
        if (!practice_.drawUi(session_, insets)) practice_.stop();
        return;
    }
    const ProcedureState& state = session_.state();
    ProcedureView view;
    view.options = &session_.options();
    view.cement = &session_.cementOptions();
    view.levels = session_.treatableLevels();
    view.timeline = &session_.plan().timeline;
    view.time = session_.player().time();
    view.playing = session_.player().playing();
    view.speed = session_.player().speed();
    view.inside = inside_;
    view.section = sectionChoice_.value_or(currentView().section);
    view.followCamera = followCamera_;
    view.audience = audience_;
    view.learnOpen = learnOpen_;
    view.labels = labels_;
    view.looping = looping_;

    const bool patient = audience_ == Audience::Patient;
    ProcedureRequests requests;
    if (controls) requests = patient ? drawPresenterBar(view, ui.headingFont(), &insets) : drawProcedurePanel(view, &insets);
    // A patient reading the guide reads nothing else: it takes the place of the caption and the numbers.
    const bool reading = patient && learnOpen_;
    if (!reading) drawMeasurementsPanel(state.measurements, audience_, &insets, ui.captionFont());
    if (!reading) {
        const PhaseCaption caption = phaseCaption(session_.plan(), state);
        drawCaptionPanel(caption, state.phase.index + 1, static_cast<int>(view.timeline->phases().size()), audience_,
                         ui.headingFont(), ui.captionFont(), &insets);
    }
    if (learnOpen_ && !drawLearnPanel(patient, learn_, LearnPanelFonts{ui.headingFont(), ui.captionFont()}, insets.top))
        requests.learnOpen = false;
    if (audience_ == Audience::Clinician) drawLeakWarning(insets);
    apply(requests);
}

// A banner at the top while cement is leaking: stop, or change the plan, as a surgeon would.
void ProcedureController::drawLeakWarning(const UiInsets& insets) {
    const Measurements& m = session_.state().measurements;
    if (m.cementLeaks.empty() || m.cementCure > 0.0f) return; // once the cement sets the lesson is in the panel
    // Just above the caption, centred in the room the side panels leave.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float gap = ImGui::GetFontSize() * 0.6f;
    const float centreX = viewport->WorkPos.x + insets.left + 0.5f * (viewport->WorkSize.x - insets.left - insets.right);
    ImGui::SetNextWindowPos(ImVec2(centreX, viewport->WorkPos.y + viewport->WorkSize.y - insets.bottom - gap), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.45f, 0.22f, 0.05f, 0.92f));
    if (ImGui::Begin("##leak", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                            ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs)) {
        const Measurements::Leak& first = m.cementLeaks.front();
        ImGui::Text("Cement leak: %s, %.2f mL outside the body", first.title.c_str(), m.cementLeakedMl);
        ImGui::TextDisabled("Check the lateral view; slow down, wait for thicker cement, or stop.");
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

// The patient's guide turns its pages with the same keys as the steps, so a clicker does both.
bool ProcedureController::handleGuideKey(SDL_Keycode key) {
    if (!learnOpen_ || audience_ != Audience::Patient) return false;
    switch (key) {
    case SDLK_RIGHT:
    case SDLK_PAGEDOWN: ++learn_.patientPage; return true; // the panel keeps it within the guide
    case SDLK_LEFT:
    case SDLK_PAGEUP: learn_.patientPage = std::max(0, learn_.patientPage - 1); return true;
    case SDLK_ESCAPE: learnOpen_ = false; return true;
    default: return false;
    }
}

bool ProcedureController::handleKey(const SDL_Keysym& key) {
    if (practice_.active()) return practice_.handleKey(key); // the timeline is held while practising
    if (handleGuideKey(key.sym)) return true;
    ProcedureRequests r;
    switch (key.sym) {
    case SDLK_a: r.loop = !looping_; break;
    case SDLK_SPACE: r.togglePlay = true; break;
    case SDLK_RIGHT:
    case SDLK_PAGEDOWN: r.next = true; break; // presentation clickers send PageUp / PageDown
    case SDLK_LEFT:
    case SDLK_PAGEUP: r.previous = true; break;
    case SDLK_HOME: r.restart = true; break;
    default:
        if (key.sym >= SDLK_1 && key.sym <= SDLK_9) r.jumpToPhase = static_cast<int>(key.sym - SDLK_1);
        else return false;
    }
    apply(r);
    return true;
}

} // namespace spineviz
