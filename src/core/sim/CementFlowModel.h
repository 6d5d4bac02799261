#pragma once
// Cement flow that behaves like PMMA in osteoporotic bone, with leakage (docs/cement.md).
//
// The body is a voxel grid of porous bone (BoneField). Cement leaves the cannula or needle tip at
// the syringe's flow rate and invades the bone voxel by voxel where it takes the least pressure:
// the pressure to enter a voxel is its entry pressure (pushing cement past a pore throat and the
// marrow out of it) plus the Darcy pressure drop from the tip, viscosity x flow x hydraulic
// resistance along the cement (resistance = distance / (permeability x flow area)). This is invasion
// percolation stabilised by viscous forces (Wilkinson & Willemsen 1983; Lenormand et al. 1988):
// runny cement follows the easiest pores and open channels (fingers, leaks), viscous cement grows
// as a compact mass. A balloon cavity has no entry pressure and fills first, at low pressure.
//
// When the cement reaches an exit (an opening in the cortex), a leak flows out along it at the rate
// Darcy / Poiseuille gives for the pressure the cement has there, less the exit's own entry
// pressure, over the viscosity times the resistance of the exit's neck and of the leak so far. It
// spreads voxel by voxel in the tissue beyond (a vein, the disc, the soft tissue, the canal).
//
// Each voxel keeps the time the cement reached it (CementField), so any moment is exact.
// Deterministic for a given setup (seed included).

#include "core/sim/BoneField.h"
#include "core/sim/CementModel.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace spineviz {

// Model constants that are not in BoneParameters (values and sources in the .cpp and docs/cement.md).
struct CementFlowConstants {
    static constexpr float kNeedleRadius = 0.001f;      // 11-13 gauge (AJNR 2004, PMC7976525): ~1 mm inner radius (DERIVED)
    static constexpr float kStopReactionSeconds = 0.5f; // from seeing cement near the posterior quarter to stopping (model)
    // Cement past the stop line that a lateral view shows (mL): about a 3 mm blob; thin fingers go
    // unseen (small leaks are mostly missed on radiographs, Yeom 2003). Model value.
    static constexpr float kStopVisibleMl = 0.02f;
    static constexpr float kMaxLeakShare = 0.9f;        // leaks can take at most this share of the flow (model)
    // Bilateral injection alternates between the needles in aliquots of about this much (model: a
    // surgeon fills each side in turn so both halves of the body get about half).
    static constexpr float kAliquotMl = 0.5f;
    // A leak fed from the needle not in use drains at this share of its rate: the pressure in that
    // side's cement relaxes while the other side is filled (model).
    static constexpr float kIdleLeakShare = 0.3f;
    // Yield stress (Pa) of the cement when it becomes a paste (500 Pa.s); it scales as viscosity^1.5 (model, calibrated).
    static constexpr float kPasteYieldPa = 250.0f;
    // Leaks drain faster than the neck and channel alone give: the veins and tissue beyond open into
    // wider spaces than the model's grid resolves (model, calibrated to the leak rates of PMID 28192270).
    static constexpr float kLeakConductance = 8.0f;
};

class CementFlowSimulation {
public:
    explicit CementFlowSimulation(const CementSetup& setup);
    ~CementFlowSimulation();
    CementFlowSimulation(const CementFlowSimulation&) = delete;
    CementFlowSimulation& operator=(const CementFlowSimulation&) = delete;

    // Advances the injection by `seconds` (less when it ends sooner). False once it has ended.
    bool step(float seconds);
    bool finished() const { return finished_; }
    float time() const { return time_; }  // injection seconds simulated
    const std::vector<CementSample>& history() const { return history_; }
    const std::string& stopReason() const { return stopReason_; }
    const BoneField& bone() const { return bone_; }
    std::size_t frontSize() const { return bulkFront_.size(); }
    // Diagnostics for voxels the cement has reached or touched: hydraulic resistance from the tip
    // (1/m^3) and entry pressure (Pa); NaN elsewhere.
    double resistanceAt(std::size_t voxel) const;
    double entryPressureAt(std::size_t voxel) const;

    // The injection so far as a field, cropped around the cement (and finished, ready to query).
    CementField field() const;

private:
    struct Entry {
        double key;
        std::uint32_t voxel;
    };
    struct Branch {
        bool reached = false;
        double exitOmega = 0.0;   // hydraulic resistance from the tip to the exit (1/m^3)
        double neck = 0.0;        // of the opening through the cortex (1/m^3)
        double resistance = 0.0;  // of the leak so far, exit to its front (1/m^3)
        double owedMl = 0.0;      // flowed out but not yet placed in whole voxels
        double flow = 0.0;        // m^3/s, this step
        double ml = 0.0;          // leaked so far
        int leak = -1;            // index in leaks_ once cement is out
        int needle = 0;           // whose cement reached it first
        std::vector<std::uint32_t> front;
        std::vector<Entry> heap;
    };

    void seed();
    void invadeBulk(std::uint32_t v, double key);
    void invadeLeak(int exit, std::uint32_t v);
    void touchBulk(std::uint32_t from, std::uint32_t to);
    void touchLeak(int exit, std::uint32_t from, std::uint32_t to, bool fromOpening);
    double leakOmega(int exit, std::uint32_t voxel) const;
    double sourceDistance(int source, std::uint32_t voxel) const;
    double potential(int source, std::uint32_t voxel) const;
    double cellMl(std::uint32_t v) const;
    void rebuildHeap(std::vector<std::uint32_t>& front, std::vector<Entry>& heap, std::uint8_t frontState, double scale);
    void finish(const char* reason);
    void chooseNeedle();
    // Flow (m^3/s) out of the source in use: bilateral injection alternates, so one needle carries it all.
    double sourceFlow() const { return bulkFlow_ * double(needles_) / double(sources_); }
    bool needleHasFront(int needle, bool cavityOnly = false) const;
    double yieldBlock(int exit) const; // Pa the paste's yield stress holds back at this exit
    void sample();

    CementSetup setup_;
    BoneField bone_;
    CementRheology rheology_;
    std::size_t count_ = 0;
    int sources_ = 1;
    double flowMl_ = 0.0;      // syringe, mL/s
    double targetMl_ = 0.0;
    double stopMl_ = 0.0;      // volume at which the surgeon stops (posterior quarter)
    double interiorHeight_ = 0.02; // between the endplates (m)
    float stopZ_ = 0.0f;       // cement past this (toward the posterior wall) makes the surgeon stop
    double placedMl_ = 0.0;    // cement in voxels, all parts
    double leakedMl_ = 0.0;
    double posteriorMl_ = 0.0; // visible cement past the stop line
    double bulkFlow_ = 0.0;    // m^3/s going into the bone this step
    double viscosity_ = 0.0;   // Pa.s this step
    double pressure_ = 0.0;    // Pa at the tip (recent invasion pressures)
    int needles_ = 1;          // needle tips that took cement (bilateral: 2)
    int activeNeedle_ = 0;     // the needle being pushed now (bilateral injection alternates)
    double aliquotStartMl_ = 0.0; // placed volume when the active needle took over
    double needleMl_[2] = {0.0, 0.0}; // through each needle so far
    float time_ = 0.0f;
    bool finished_ = false;
    bool stopTriggered_ = false;
    std::string stopReason_;

    std::vector<std::uint8_t> state_;
    std::unique_ptr<float[]> omega_, entry_, perm_, fill_;
    std::unique_ptr<std::uint8_t[]> source_, part_, needle_;
    // Where cement comes from: the needle tips (radius: the needle's) or, once a cavity is full, its wall.
    struct Source {
        glm::vec3 centre{0.0f};
        float radius = 0.001f;
        int cavity = -1;
    };
    std::vector<Source> sourceTable_;
    std::vector<std::uint32_t> bulkFront_;
    std::vector<Entry> bulkHeap_;
    std::vector<Branch> branches_;
    std::vector<CementLeak> leaks_;
    std::vector<double> recentKeys_;
    std::size_t recentNext_ = 0;
    std::vector<CementSample> history_;
    int lo_[3] = {0, 0, 0}, hi_[3] = {-1, -1, -1}; // box of filled voxels
};

class CementFlowModel : public CementModel {
public:
    // Step length for the whole injection at plan time; the viscosity and pressure are updated once a step.
    static constexpr float kPlanStepSeconds = 0.25f;
    explicit CementFlowModel(float stepSeconds = kPlanStepSeconds) : step_(stepSeconds) {}
    CementField fill(const CementSetup& setup) const override;

private:
    float step_;
};

} // namespace spineviz
