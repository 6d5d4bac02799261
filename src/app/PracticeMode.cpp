#include "app/PracticeMode.h"

#include "core/mesh/MeshQueries.h"

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include <utility>

namespace spineviz {

std::string PracticeMode::start(const Scene& scene, ProcedureSession& session, const TraineePlan* attempt) {
    std::string error;
    const auto where = findTraineeCase(scene, session.anatomy(), session.options().level, error);
    if (!where) return error;
    scene_ = &scene;
    procedure_ = &session;
    practice_ = attempt ? PracticeSession(*where, session.options(), *attempt) : PracticeSession(*where, session.options());
    xrayTaken_ = false;
    shotRequested_ = attempt != nullptr; // looking back: the X-rays show where the needles ended
    leave_ = false;
    // The patient prone with the fracture as it is, before the trocar goes in.
    session.player().pause();
    session.player().seek(session.plan().timeline.startOf(PhaseId::Access));
    return "";
}

void PracticeMode::noteExposure(const xray::ExposureCounter& exposure) {
    if (exposure.shots > 0 || exposure.fluoroSeconds > 0.0) xrayTaken_ = true;
    practice_.noteExposure(exposure.shots, exposure.fluoroSeconds);
}

glm::mat4 PracticeMode::nodeToWorld(const ProcedureSession& session) const {
    const VertebraNode* v = session.anatomy().vertebra(practice_.options().level);
    return scene_->worldTransform(v->node);
}

ProcedureState PracticeMode::stateToDraw(ProcedureSession& session) const {
    ProcedureState state = session.state();
    state.instruments.clear();
    const VertebraLandmarks& l = session.plan().landmarks;
    for (const NeedleAttempt& n : practice_.needles()) {
        InstrumentPlacement p;
        p.kind = practice_.options().procedure == Procedure::Kyphoplasty ? InstrumentKind::Trocar : InstrumentKind::VertebroplastyNeedle;
        p.side = n.side;
        p.tip = glm::vec3(l.localToAnatomical() * glm::vec4(n.tip(), 1.0f));
        p.axis = glm::normalize(glm::vec3(l.localToAnatomical() * glm::vec4(n.direction, 0.0f)));
        p.params.needleGauge = practice_.options().procedure == Procedure::Kyphoplasty ? 8 : 11; // traineeInstrumentDiameter's gauges
        state.instruments.push_back(p);
    }
    return state;
}

void PracticeMode::appendMarks(const ProcedureSession& session, FrameScene& frame) {
    if (!practice_.finished()) return;
    const glm::mat4 world = nodeToWorld(session);
    const auto toWorld = [&](const glm::vec3& p) { return glm::vec3(world * glm::vec4(p, 1.0f)); };
    PracticeMarks marks;
    for (const NeedleResult& n : practice_.report()->needles)
        for (const Breach& b : n.breaches) marks.breaches.push_back(toWorld(b.point));
    if (showIdeal_)
        for (int i = 0; i < int(practice_.needles().size()); ++i)
            marks.idealPaths.emplace_back(toWorld(practice_.target(i).entryLocal), toWorld(practice_.target(i).targetLocal));
    marks_.append(marks, frame);
}

bool PracticeMode::handleKey(const SDL_Keysym& key) {
    const bool fine = (key.mod & KMOD_SHIFT) != 0, entry = (key.mod & KMOD_CTRL) != 0;
    const float move = fine ? kPracticeFineMove : kPracticeMoveStep, aim = fine ? kPracticeFineAim : kPracticeAimStep;
    const float depth = fine ? kPracticeFineAdvance : kPracticeAdvanceStep;
    const bool left = practice_.needles()[std::size_t(practice_.activeNeedle())].side == Side::Left;
    PracticeRequests r;
    switch (key.sym) {
    case SDLK_LEFT: entry ? r.moveX = move : r.aimMedial = left ? -aim : aim; break;   // screen left: the patient's left seen from behind
    case SDLK_RIGHT: entry ? r.moveX = -move : r.aimMedial = left ? aim : -aim; break;
    case SDLK_UP: entry ? r.moveY = move : r.aimCranial = aim; break;
    case SDLK_DOWN: entry ? r.moveY = -move : r.aimCranial = -aim; break;
    case SDLK_w: case SDLK_PAGEDOWN: r.advance = depth; break;
    case SDLK_q: case SDLK_PAGEUP: r.advance = -depth; break;
    case SDLK_TAB: r.selectNeedle = (practice_.activeNeedle() + 1) % int(practice_.needles().size()); break;
    case SDLK_RETURN: case SDLK_KP_ENTER: r.finish = true; break;
    default: return false;
    }
    apply(r);
    return true;
}

bool PracticeMode::pickEntry(const ProcedureSession& session, const glm::vec3& origin, const glm::vec3& direction) {
    if (practice_.finished()) return false;
    const glm::mat4 toNode = glm::inverse(nodeToWorld(session));
    const glm::vec3 o = glm::vec3(toNode * glm::vec4(origin, 1.0f));
    const glm::vec3 d = glm::normalize(glm::vec3(toNode * glm::vec4(direction, 0.0f)));
    std::string error;
    const auto where = findTraineeCase(*scene_, session.anatomy(), practice_.options().level, error);
    if (!where) return false;
    const std::vector<float> hits = rayHits(*where->bone, o, d);
    if (hits.empty()) return false;
    practice_.setEntry(o + d * hits.front());
    return true;
}

bool PracticeMode::drawUi(const ProcedureSession&, UiInsets& insets) {
    apply(drawPracticePanel(practice_, xrayTaken_, showIdeal_, &insets));
    return !std::exchange(leave_, false);
}

void PracticeMode::apply(const PracticeRequests& r) {
    if (r.selectNeedle) practice_.selectNeedle(*r.selectNeedle);
    if (!practice_.finished()) {
        if (r.moveX != 0.0f || r.moveY != 0.0f) practice_.moveEntry(r.moveX, r.moveY);
        if (r.aimMedial != 0.0f || r.aimCranial != 0.0f) practice_.aim(r.aimMedial, r.aimCranial);
        if (r.advance != 0.0f) practice_.advance(r.advance);
        if (r.finish) practice_.finish();
    }
    if (r.shot) shotRequested_ = true;
    if (r.showIdeal) showIdeal_ = *r.showIdeal;
    if (r.restart && scene_ && procedure_) start(*scene_, *procedure_);
    if (r.leave) leave_ = true;
}

} // namespace spineviz
