#include "core/procedure/Timeline.h"

#include <algorithm>

namespace spineviz {

double phaseDuration(PhaseId id) {
    switch (id) {
    case PhaseId::Healthy: return 6.0;
    case PhaseId::Fracture: return 8.0;
    case PhaseId::Preparation: return 9.0;
    case PhaseId::Access: return 14.0;
    case PhaseId::Drilling: return 8.0;
    case PhaseId::BalloonInsertion: return 8.0;
    case PhaseId::Inflation: return 12.0;
    case PhaseId::Deflation: return 7.0;
    case PhaseId::Cement: return 14.0;
    case PhaseId::Hardening: return 8.0;
    case PhaseId::Removal: return 7.0;
    case PhaseId::Outcome: return 10.0;
    }
    return 8.0;
}

Timeline::Timeline(Procedure procedure) {
    double start = 0.0;
    for (PhaseId id : phasesOf(procedure)) {
        phases_.push_back({id, start, phaseDuration(id)});
        start += phaseDuration(id);
    }
}

PhaseTime Timeline::at(double t) const {
    t = std::clamp(t, 0.0, duration());
    // The last phase owns its end point; every other boundary belongs to the phase that starts there.
    int index = static_cast<int>(phases_.size()) - 1;
    for (int i = 0; i < static_cast<int>(phases_.size()); ++i)
        if (t < phases_[i].end()) {
            index = i;
            break;
        }
    const PhaseSpan& span = phases_[index];
    return {index, span.id, std::clamp((t - span.start) / span.duration, 0.0, 1.0)};
}

int Timeline::indexOf(PhaseId id) const {
    for (int i = 0; i < static_cast<int>(phases_.size()); ++i)
        if (phases_[i].id == id) return i;
    return -1;
}

double Timeline::startOf(PhaseId id) const {
    const int i = indexOf(id);
    return i >= 0 ? phases_[i].start : 0.0;
}

double Timeline::timeOf(PhaseId id, double progress) const {
    const int i = indexOf(id);
    if (i < 0) return 0.0;
    // The end of a phase is the start of the next one; "all the way through" means just before it.
    const double end = i + 1 < static_cast<int>(phases_.size()) ? phases_[i].end() - kBoundaryEpsilon : phases_[i].end();
    return std::min(phases_[i].start + std::clamp(progress, 0.0, 1.0) * phases_[i].duration, end);
}

} // namespace spineviz
