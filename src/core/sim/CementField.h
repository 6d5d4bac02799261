#pragma once
// Where the cement is at any moment of its injection: every voxel of a grid over the treated
// vertebral body (and the tissue around it, where leaks go) holds the time the cement reached it.
// The state at time t is then exact and instant to look up, whichever way the timeline is scrubbed.
// Every cement model fills one of these.

#include "core/sim/CementRheology.h"
#include "core/sim/Leak.h"
#include "core/sim/VoxelGrid.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace spineviz {

inline constexpr float kNeverFilled = std::numeric_limits<float>::infinity();

// The injection at one moment (one per simulation step).
struct CementSample {
    float seconds = 0.0f;     // after the injection started
    float injectedMl = 0.0f;  // pushed out of the cannula so far
    float retainedMl = 0.0f;  // inside the vertebral body
    float leakedMl = 0.0f;    // outside it, all leaks together
    float viscosityPaS = 0.0f;
    float pressureKPa = 0.0f; // model: cement pressure in the bone at the tip(s), cannula loss excluded
    float needleMl[2] = {0.0f, 0.0f}; // pushed through each needle or cannula so far (tips in CementSetup order)
};

struct CementField {
    VoxelGrid grid;                // in the treated vertebra's anatomical frame, healthy pose
    std::vector<float> fillTime;   // seconds after injection starts; kNeverFilled where cement never arrives
    std::vector<float> voxelMl;    // cement each voxel holds once filled (its pore space); empty: the whole cell
    std::vector<std::uint8_t> part; // 0: retained in the body; i + 1: leak i; empty: everything retained
    std::vector<CementLeak> leaks;  // in order of their start
    std::vector<CementSample> history; // per simulation step, in time order (flow model; may be empty)
    float injectionSeconds = 0.0f; // when the injection stops
    float flowMlPerSecond = 0.0f;  // the syringe's rate (0: not modelled)
    float injectionStartMinutes = 0.0f; // after mixing
    CementRheology rheology;
    std::string stopReason;        // why the injection stopped ("volume target", "posterior quarter", ...)

    bool empty() const { return fillTime.empty(); }
    // Call once fillTime (and voxelMl, part) are complete: prepares fast look-ups.
    void finish();

    // Cement in place at time t (mL): retained + leaked.
    float volumeAt(float t) const;
    float retainedVolumeAt(float t) const;
    float leakedVolumeAt(float t) const;
    float leakVolumeAt(int leak, float t) const;
    // Centre of leak `leak`'s cement at time t (its exit position before it starts).
    glm::vec3 leakCentroidAt(int leak, float t) const;
    // What the syringe has pushed by time t: the flow rate times the time, up to the stop. Equal to
    // volumeAt(t) within one voxel (mass conservation); volumeAt(t) when no flow rate is known.
    float injectedVolumeAt(float t) const;
    float finalVolume() const { return volumeAt(injectionSeconds); }
    // What went through needle `needle` (0 or 1, CementSetup::tips order) by time t, from the history
    // (0 without one); and the tip pressure then (kPa, 0 without a history).
    float needleVolumeAt(int needle, float t) const;
    float pressureKPaAt(float t) const;
    // Minutes since mixing and viscosity at injection time t.
    float minutesAt(float t) const { return injectionStartMinutes + t / 60.0f; }
    float viscosityAt(float t) const { return rheology.viscosityAt(minutesAt(t)); }

    bool filledAt(int x, int y, int z, float t) const { return fillTime[grid.index(x, y, z)] <= t; }
    float cementMlOf(std::size_t voxel) const { return voxelMl.empty() ? grid.cellVolumeMl() : voxelMl[voxel]; }
    int partOf(std::size_t voxel) const { return part.empty() ? 0 : part[voxel]; }

private:
    // Fill times of one part in ascending order, with running totals of volume and volume-weighted position.
    struct Track {
        std::vector<float> times;
        std::vector<double> cumulativeMl;
        std::vector<double> momentX, momentY, momentZ;
        double at(float t, std::size_t* count = nullptr) const;
    };
    std::vector<Track> tracks_; // [0] retained, [i + 1] leak i
    Track all_;
};

} // namespace spineviz
