#include "core/procedure/ProcedurePlayer.h"

#include <algorithm>

namespace spineviz {
namespace {

constexpr double kPreviousGrace = 0.75; // seconds into a phase within which "previous" goes back a phase

} // namespace

void ProcedurePlayer::reset(Timeline timeline) {
    timeline_ = std::move(timeline);
    time_ = 0.0;
    playing_ = false;
}

void ProcedurePlayer::play() {
    if (atEnd()) time_ = 0.0; // play at the end starts over
    playing_ = true;
}

void ProcedurePlayer::setSpeed(float speed) { speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed); }

void ProcedurePlayer::advance(double seconds) {
    if (!playing_ || seconds <= 0.0) return;
    time_ = std::min(time_ + seconds * speed_, timeline_.duration());
    if (atEnd()) playing_ = false;
}

void ProcedurePlayer::seek(double time) { time_ = std::clamp(time, 0.0, timeline_.duration()); }

void ProcedurePlayer::restart() {
    time_ = 0.0;
}

void ProcedurePlayer::jumpToPhase(int index) {
    const auto& phases = timeline_.phases();
    index = std::clamp(index, 0, static_cast<int>(phases.size()) - 1);
    time_ = phases[index].start;
}

void ProcedurePlayer::nextPhase() {
    const int index = phase().index;
    if (index + 1 < static_cast<int>(timeline_.phases().size())) jumpToPhase(index + 1);
    else time_ = timeline_.duration();
}

void ProcedurePlayer::previousPhase() {
    const PhaseTime now = phase();
    const double intoPhase = time_ - timeline_.phases()[now.index].start;
    jumpToPhase(intoPhase > kPreviousGrace || now.index == 0 ? now.index : now.index - 1);
}

} // namespace spineviz
