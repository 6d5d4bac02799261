#pragma once
// Where the cement is at any moment of its injection: every voxel of a grid over the treated
// vertebral body holds the time the cement reached it. The state at time t is then exact and
// instant to look up, whichever way the timeline is scrubbed. Every cement model fills one of these.

#include "core/sim/VoxelGrid.h"

#include <limits>
#include <vector>

namespace spineviz {

inline constexpr float kNeverFilled = std::numeric_limits<float>::infinity();

struct CementField {
    VoxelGrid grid;                // in the treated vertebra's anatomical frame, healthy pose
    std::vector<float> fillTime;   // seconds after injection starts; kNeverFilled where cement never arrives
    float injectionSeconds = 0.0f; // when the injection stops

private:
    std::vector<float> sortedTimes_; // finite fill times, ascending
public:

    bool empty() const { return fillTime.empty(); }
    // Call once fillTime is complete: prepares fast volume look-ups.
    void finish();
    // Cement volume in place at time t (mL).
    float volumeAt(float t) const;
    float finalVolume() const { return volumeAt(injectionSeconds); }
    bool filledAt(int x, int y, int z, float t) const { return fillTime[grid.index(x, y, z)] <= t; }
};

} // namespace spineviz
