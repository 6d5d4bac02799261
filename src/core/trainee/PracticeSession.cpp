#include "core/trainee/PracticeSession.h"

#include "core/mesh/MeshQueries.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/vec4.hpp>

#include <algorithm>

namespace spineviz {
namespace {

constexpr float kStartOffset = 0.006f; // the first docking point is this far lateral of the ideal one
constexpr float kProbeBack = 0.05f;    // docking searches for bone from this far behind the entry

glm::vec3 local(const VertebraLandmarks& l, const glm::vec3& anatomical, float w) {
    return glm::vec3(l.anatomicalToLocal() * glm::vec4(anatomical, w));
}
glm::vec3 anatomical(const VertebraLandmarks& l, const glm::vec3& p, float w) { return glm::vec3(l.localToAnatomical() * glm::vec4(p, w)); }

} // namespace

PracticeSession::PracticeSession(const TraineeCase& where, const ProcedureOptions& options) : where_(where), options_(options) {
    const VertebraLandmarks& l = *where_.landmarks;
    plan_.level = options.level;
    const bool both = options.access == Access::Bilateral;
    for (Side side : both ? std::vector<Side>{Side::Left, Side::Right} : std::vector<Side>{Side::Left}) {
        targets_.push_back(accessTarget(l, options, side));
        const AccessTarget& t = targets_.back();
        NeedleAttempt needle;
        needle.side = side;
        const float lateral = t.path.entry.x >= 0.0f ? 1.0f : -1.0f;
        needle.entry = local(l, t.path.entry + glm::vec3(lateral * kStartOffset, 0.0f, 0.0f), 1.0f);
        needle.direction = glm::normalize(local(l, glm::vec3(0, 0, 1), 0.0f)); // straight in, as a beginner starts
        dock(needle);
        plan_.needles.push_back(needle);
    }
}

PracticeSession::PracticeSession(const TraineeCase& where, const ProcedureOptions& options, const TraineePlan& attempt)
    : where_(where), options_(options), plan_(attempt) {
    options_.level = attempt.level;
    options_.access = attempt.needles.size() >= 2 ? Access::Bilateral : Access::Unilateral;
    for (const NeedleAttempt& n : plan_.needles) targets_.push_back(accessTarget(*where_.landmarks, options_, n.side));
    finish();
}

void PracticeSession::dock(NeedleAttempt& needle) const {
    const glm::vec3 from = needle.entry - needle.direction * kProbeBack;
    const std::vector<float> hits = rayHits(*where_.bone, from, needle.direction);
    if (!hits.empty()) needle.entry = from + needle.direction * hits.front();
}

void PracticeSession::selectNeedle(int index) {
    active_ = std::clamp(index, 0, int(plan_.needles.size()) - 1);
    checksStale_ = true;
}

void PracticeSession::moveEntry(float dx, float dy) {
    NeedleAttempt& n = plan_.needles[std::size_t(active_)];
    const VertebraLandmarks& l = *where_.landmarks;
    n.entry = local(l, anatomical(l, n.entry, 1.0f) + glm::vec3(dx, dy, -0.02f), 1.0f);
    dock(n);
    n.depth = 0.0f;
    checksStale_ = true;
}

void PracticeSession::setEntry(const glm::vec3& onBone) {
    NeedleAttempt& n = plan_.needles[std::size_t(active_)];
    n.entry = onBone;
    n.depth = 0.0f;
    checksStale_ = true;
}

void PracticeSession::aim(float medial, float cranial) {
    NeedleAttempt& n = plan_.needles[std::size_t(active_)];
    const VertebraLandmarks& l = *where_.landmarks;
    // A turn about +y by a positive angle swings the aim towards +x (the patient's left): medial for
    // the right pedicle, lateral for the left.
    const float towardMidline = anatomical(l, n.entry, 1.0f).x >= 0.0f ? -1.0f : 1.0f;
    glm::vec3 d = anatomical(l, n.direction, 0.0f);
    d = glm::vec3(glm::rotate(glm::mat4(1.0f), towardMidline * medial, glm::vec3(0, 1, 0)) * glm::vec4(d, 0.0f));
    const glm::vec3 across = glm::normalize(glm::cross(glm::vec3(0, 1, 0), d));
    d = glm::vec3(glm::rotate(glm::mat4(1.0f), -cranial, across) * glm::vec4(d, 0.0f));
    n.direction = glm::normalize(local(l, d, 0.0f));
    checksStale_ = true;
}

void PracticeSession::advance(float metres) {
    NeedleAttempt& n = plan_.needles[std::size_t(active_)];
    n.depth = std::clamp(n.depth + metres, 0.0f, kMaxDepth);
    checksStale_ = true;
}

void PracticeSession::noteExposure(int shots, double fluoroSeconds) {
    if (shots < shotsSeen_ || fluoroSeconds < fluoroSeen_) { // the counters were reset
        shotsSeen_ = shots;
        fluoroSeen_ = fluoroSeconds;
        return;
    }
    if (!finished()) {
        NeedleAttempt& n = plan_.needles[std::size_t(active_)];
        n.shots += shots - shotsSeen_;
        n.fluoroSeconds += fluoroSeconds - fluoroSeen_;
    }
    shotsSeen_ = shots;
    fluoroSeen_ = fluoroSeconds;
}

void PracticeSession::addTime(double seconds) {
    if (!finished()) seconds_ += seconds;
}

const PracticeChecks& PracticeSession::checks() const {
    if (!checksStale_) return checks_;
    const NeedleAttempt& n = plan_.needles[std::size_t(active_)];
    const VertebraLandmarks& l = *where_.landmarks;
    const AccessTarget& t = targets_[std::size_t(active_)];
    const float radius = 0.5f * traineeInstrumentDiameter(options_.procedure);
    checks_.medialRule = checkMedialWallRule(l, n);
    checks_.breaches = n.depth > 0.0f ? findBreaches(*where_.bone, l, n, radius) : std::vector<Breach>{};
    checks_.tooTight = tooTightFor(l.pedicle(n.side), 2.0f * radius);
    const float distance = glm::distance(n.tip(), t.targetLocal);
    const bool past = glm::dot(n.tip() - t.targetLocal, n.direction) > 0.0f;
    checks_.toTarget = past ? -distance : distance;
    checks_.atTarget = distance < kAtTarget;
    checks_.pastPosteriorWall = anatomical(l, n.tip(), 1.0f).z > anatomical(l, l.posteriorWall, 1.0f).z;
    checksStale_ = false;
    return checks_;
}

const TraineeReport& PracticeSession::finish() {
    ProcedureOptions scored = options_;
    report_ = scoreAttempt(plan_, *where_.bone, *where_.landmarks, scored);
    report_->seconds = seconds_;
    return *report_;
}

} // namespace spineviz
