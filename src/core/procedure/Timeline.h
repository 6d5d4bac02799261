#pragma once
// The procedure's phases laid end to end on a time axis (seconds of animation at 1x speed).
// Looking up a time gives the phase and how far through it we are; the same t always gives the
// same answer, which is what makes play, scrub and jump agree.

#include "core/procedure/Phase.h"

#include <vector>

namespace spineviz {

struct PhaseSpan {
    PhaseId id;
    double start = 0.0;
    double duration = 0.0;
    double end() const { return start + duration; }
};

struct PhaseTime {
    int index = 0;        // into Timeline::phases()
    PhaseId id = PhaseId::Healthy;
    double progress = 0;  // 0..1 through the phase
};

class Timeline {
public:
    static constexpr double kBoundaryEpsilon = 1e-6; // seconds
    explicit Timeline(Procedure procedure);

    const std::vector<PhaseSpan>& phases() const { return phases_; }
    double duration() const { return phases_.back().end(); }
    PhaseTime at(double t) const;   // t is clamped to [0, duration]
    // Start of a phase; the procedure must have it.
    double startOf(PhaseId id) const;
    // Time at `progress` (0..1) through a phase; progress 1 is the last moment of the phase.
    double timeOf(PhaseId id, double progress) const;
    int indexOf(PhaseId id) const; // -1 if absent

private:
    std::vector<PhaseSpan> phases_;
};

// How long each phase plays at 1x: long enough to follow, short enough for a consultation.
double phaseDuration(PhaseId id);

} // namespace spineviz
