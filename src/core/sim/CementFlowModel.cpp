#include "core/sim/CementFlowModel.h"

#include "core/sim/CementFlowInternal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace spineviz {

using namespace cement_detail;


CementFlowSimulation::CementFlowSimulation(const CementSetup& setup)
    : setup_(setup), bone_(setup), rheology_(CementRheology::of(setup.cement)) {
    count_ = bone_.grid().count();
    state_.assign(count_, kUntouched);
    omega_.reset(new float[count_]);
    entry_.reset(new float[count_]);
    perm_.reset(new float[count_]);
    fill_.reset(new float[count_]);
    source_.reset(new std::uint8_t[count_]);
    part_.reset(new std::uint8_t[count_]);
    needle_.reset(new std::uint8_t[count_]);
    branches_.resize(bone_.exits().size());
    const float shell = bone_.shellThickness();
    for (std::size_t e = 0; e < branches_.size(); ++e) {
        const CementExit& x = bone_.exits()[e];
        // Neck: Poiseuille through a round hole in the cortex, 8 L / (pi r^4); a crack is a slit, 12 L / (w^3 length).
        if (x.kind == ExitKind::WallBreak || x.kind == ExitKind::EndplateBreak) {
            const double w = std::max(x.width, 1e-4f), length = 2.0 * double(x.radius);
            branches_[e].neck = 12.0 * shell / (w * w * w * length);
        } else {
            // A vein's mouth: where the bone's sinusoids open into it (radius), one cell long.
            const double r = std::max(x.radius, 1e-4f);
            branches_[e].neck = 8.0 * double(bone_.grid().cell) / (kPi * r * r * r * r);
        }
    }
    flowMl_ = std::max(setup.flowMlPerSecond, 1e-4f);
    targetMl_ = std::max(setup.targetVolumeMl, 0.0f);
    stopMl_ = std::numeric_limits<double>::infinity();
    recentKeys_.assign(kPressureWindow, 0.0);
    stopZ_ = bone_.stopZ();
    interiorHeight_ = std::max(1e-3, double(setup.body.superiorY - setup.body.inferiorY) - 2.0 * double(bone_.shellThickness()));
    seed();
    sample();
}

CementFlowSimulation::~CementFlowSimulation() = default;

double CementFlowSimulation::cellMl(std::uint32_t v) const { return double(bone_.porosity(v)) * double(bone_.grid().cellVolumeMl()); }

void CementFlowSimulation::seed() {
    const VoxelGrid& g = bone_.grid();
    const bool kypho = !setup_.cavities.empty();
    for (std::size_t n = 0; n < setup_.tips.size(); ++n) {
        const glm::vec3& tip = setup_.tips[n];
        // The voxel at the tip, or the nearest one cement can enter (a cavity voxel for kyphoplasty).
        const glm::vec3 c = (tip - g.origin) / g.cell;
        const int cx = int(std::floor(c.x)), cy = int(std::floor(c.y)), cz = int(std::floor(c.z));
        double best = std::numeric_limits<double>::infinity();
        std::int64_t chosen = -1;
        for (int r = 0; r <= 8 && chosen < 0; ++r)
            for (int z = cz - r; z <= cz + r; ++z)
                for (int y = cy - r; y <= cy + r; ++y)
                    for (int x = cx - r; x <= cx + r; ++x) {
                        if (!g.contains(x, y, z)) continue;
                        const std::size_t i = g.index(x, y, z);
                        const VoxelMaterial m = bone_.material(i);
                        if (!isBulk(m) || m == VoxelMaterial::Opening) continue;
                        if (kypho && m != VoxelMaterial::Cavity && r < 8) continue;
                        const double d = glm::length(g.centre(x, y, z) - tip);
                        if (d < best) {
                            best = d;
                            chosen = std::int64_t(i);
                        }
                    }
        if (chosen < 0) continue;
        const std::uint32_t v = std::uint32_t(chosen);
        if (state_[v] != kUntouched) continue;
        const int cavity = bone_.cavityOf(bone_.centre(v));
        Source source;
        source.cavity = cavity;
        if (cavity >= 0) {
            source.centre = setup_.cavities[std::size_t(cavity)].centre;
            source.radius = std::max(bone_.cavityRadius(cavity), CementFlowConstants::kNeedleRadius);
        } else {
            source.centre = tip;
            source.radius = CementFlowConstants::kNeedleRadius;
        }
        sourceTable_.push_back(source);
        state_[v] = kBulkFront;
        omega_[v] = 0.0f;
        source_[v] = std::uint8_t(sourceTable_.size() - 1);
        needle_[v] = std::uint8_t(std::min<std::size_t>(n, 1));
        needles_ = std::max(needles_, int(std::min<std::size_t>(n, 1)) + 1);
        entry_[v] = 0.0f; // cement is pushed out of the cannula here
        perm_[v] = bone_.conductivity(v);
        bulkFront_.push_back(v);
        bulkHeap_.push_back({0.0, v});
    }
    sources_ = std::max<int>(1, int(sourceTable_.size()));
    std::make_heap(bulkHeap_.begin(), bulkHeap_.end(), Later{});
}

bool CementFlowSimulation::step(float seconds) {
    if (finished_) return false;
    const double t0 = time_, t1 = time_ + std::max(seconds, 0.0f);
    viscosity_ = rheology_.viscosityAt(setup_.injectionStartMinutes + float(0.5 * (t0 + t1)) / 60.0f);
    if (viscosity_ >= CementRheology::kSetViscosity * 0.999) {
        finish("cement set");
        return false;
    }
    const double flow = flowMl_ * 1e-6; // m^3/s

    // Leaks: each reached exit drains at the Darcy / Poiseuille rate for the pressure there.
    double leakFlow = 0.0;
    for (std::size_t e = 0; e < branches_.size(); ++e) {
        Branch& b = branches_[e];
        b.flow = 0.0;
        if (!b.reached) continue;
        b.front.erase(std::remove_if(b.front.begin(), b.front.end(), [&](std::uint32_t v) { return state_[v] != kLeakFront; }), b.front.end());
        if (b.front.empty()) continue; // nowhere (left) to go
        const double atExit = std::max(0.0, pressure_ - viscosity_ * sourceFlow() * b.exitOmega);
        const double drive = atExit - double(bone_.exits()[e].entryPressurePa) - yieldBlock(int(e));
        if (drive > 0.0) b.flow = CementFlowConstants::kLeakConductance * drive / (viscosity_ * (b.neck + b.resistance));
        if (needles_ > 1 && b.needle != activeNeedle_) b.flow *= CementFlowConstants::kIdleLeakShare;
        leakFlow += b.flow;
    }
    const double cap = CementFlowConstants::kMaxLeakShare * flow;
    if (leakFlow > cap) {
        for (Branch& b : branches_) b.flow *= cap / leakFlow;
        leakFlow = cap;
    }
    bulkFlow_ = flow - leakFlow;

    const double budgetEnd = std::min({flowMl_ * t1, targetMl_, stopMl_});
    const double fits = 1e-12;
    for (std::size_t e = 0; e < branches_.size(); ++e) {
        Branch& b = branches_[e];
        if (b.flow <= 0.0) continue;
        b.owedMl += b.flow * (t1 - t0) * 1e6;
        rebuildHeap(b.front, b.heap, kLeakFront, viscosity_ * b.flow);
        while (!b.heap.empty()) {
            const Entry top = b.heap.front();
            if (state_[top.voxel] != kLeakFront) {
                std::pop_heap(b.heap.begin(), b.heap.end(), Later{});
                b.heap.pop_back();
                continue;
            }
            const double ml = cellMl(top.voxel);
            if (b.owedMl < ml || placedMl_ + ml > std::min(budgetEnd, stopMl_) + fits) break;
            std::pop_heap(b.heap.begin(), b.heap.end(), Later{});
            b.heap.pop_back();
            invadeLeak(int(e), top.voxel);
        }
        if (b.heap.empty()) b.owedMl = 0.0;
    }

    // The bulk: invasion in order of the pressure each voxel needs, from the needle in use.
    chooseNeedle();
    // While the other side's balloon cavity is still open, this side's cement does not go into bone.
    const bool otherCavityOpen = !setup_.cavities.empty() && needleHasFront(1 - activeNeedle_, true);
    rebuildHeap(bulkFront_, bulkHeap_, kBulkFront, viscosity_ * sourceFlow());
    std::size_t invaded = 0;
    while (!bulkHeap_.empty()) {
        const Entry top = bulkHeap_.front();
        if (otherCavityOpen && state_[top.voxel] == kBulkFront && needle_[top.voxel] == activeNeedle_ &&
            bone_.material(top.voxel) != VoxelMaterial::Cavity)
            break;
        if (state_[top.voxel] != kBulkFront || (needles_ > 1 && needle_[top.voxel] != activeNeedle_)) {
            // Cement of the other side waits for its turn (the next step's rebuild puts it back).
            std::pop_heap(bulkHeap_.begin(), bulkHeap_.end(), Later{});
            bulkHeap_.pop_back();
            continue;
        }
        const double ml = cellMl(top.voxel);
        if (placedMl_ + ml > std::min(budgetEnd, stopMl_) + fits) break; // the stop may come during the step
        std::pop_heap(bulkHeap_.begin(), bulkHeap_.end(), Later{});
        bulkHeap_.pop_back();
        invadeBulk(top.voxel, top.key);
        ++invaded;
    }
    if (invaded > 0) pressure_ = *std::max_element(recentKeys_.begin(), recentKeys_.end());

    time_ = float(t1);
    const bool noRoom = bulkHeap_.empty() && leakFlow <= 0.0 && !needleHasFront(1 - activeNeedle_);
    const double end = std::min(targetMl_, stopMl_);
    if (end <= flowMl_ * t1) finish(stopMl_ < targetMl_ ? "posterior quarter" : "volume target");
    else if (noRoom) finish("no room left");
    else sample();
    return !finished_;
}

double CementFlowSimulation::yieldBlock(int exit) const {
    // A paste has a yield stress: to move it along a channel of length L and radius r takes
    // 2 tau L / r before it flows at all (Bingham). The yield stress grows faster than the viscosity
    // as the cement turns from a liquid into a paste, tau = tau_paste (mu / mu_paste)^1.5: a model
    // (PMMA yield stresses are a GAP in our sources), calibrated so that early runny cement leaks
    // clearly more than a late paste (PMID 28192270: low viscosity OR 3.32; Habib / Baroud, Int J
    // Spine Surg 4:26). With a Newtonian cement alone the leak's share of the flow would not depend
    // on the viscosity at all (the pressure and the leak's resistance both scale with it).
    const CementExit& x = bone_.exits()[std::size_t(exit)];
    const double ratio = viscosity_ / double(CementRheology::kPasteViscosity);
    const double tau = CementFlowConstants::kPasteYieldPa * ratio * std::sqrt(ratio);
    const bool vein = x.kind == ExitKind::BasivertebralForamen || x.kind == ExitKind::SegmentalForamen;
    const double length = vein ? double(bone_.grid().cell) : double(bone_.shellThickness()); // the mouth of the vein, the crack through the cortex
    const double radius = vein ? std::max(double(x.vesselRadius), 1e-4) : std::max(0.5 * double(x.width), 1e-4);
    return 2.0 * tau * length / radius;
}

double CementFlowSimulation::resistanceAt(std::size_t v) const {
    return v < count_ && state_[v] != kUntouched && state_[v] != kBlocked ? double(omega_[v]) : std::nan("");
}

double CementFlowSimulation::entryPressureAt(std::size_t v) const {
    return v < count_ && state_[v] != kUntouched && state_[v] != kBlocked ? double(entry_[v]) : std::nan("");
}

bool CementFlowSimulation::needleHasFront(int needle, bool cavityOnly) const {
    if (needles_ < 2) return false;
    for (std::uint32_t v : bulkFront_)
        if (state_[v] == kBulkFront && needle_[v] == needle && (!cavityOnly || bone_.material(v) == VoxelMaterial::Cavity)) return true;
    return false;
}

void CementFlowSimulation::chooseNeedle() {
    // Alternate: after each aliquot the other needle takes over, if its side still has room; a
    // balloon cavity still open on the other side is filled before this side's cement enters bone.
    if (needles_ < 2) return;
    const int other = 1 - activeNeedle_;
    bool turn = placedMl_ - aliquotStartMl_ >= CementFlowConstants::kAliquotMl || !needleHasFront(activeNeedle_);
    if (!setup_.cavities.empty()) {
        const bool here = needleHasFront(activeNeedle_, true), there = needleHasFront(other, true);
        if (here != there) turn = there; // fill the open cavity first, wherever it is
    }
    if (turn && needleHasFront(other)) {
        activeNeedle_ = other;
        aliquotStartMl_ = placedMl_;
    }
}

void CementFlowSimulation::finish(const char* reason) {
    if (finished_) return;
    finished_ = true;
    stopReason_ = reason;
    time_ = float(placedMl_ / flowMl_);
    sample();
}

void CementFlowSimulation::sample() {
    CementSample s;
    s.seconds = time_;
    s.injectedMl = float(finished_ ? placedMl_ : flowMl_ * time_);
    s.retainedMl = float(placedMl_ - leakedMl_);
    s.leakedMl = float(leakedMl_);
    s.viscosityPaS = float(viscosity_ > 0.0 ? viscosity_ : rheology_.viscosityAt(setup_.injectionStartMinutes));
    s.pressureKPa = float(pressure_ * 1e-3);
    s.needleMl[0] = float(needleMl_[0]);
    s.needleMl[1] = float(needleMl_[1]);
    history_.push_back(s);
}

CementField CementFlowSimulation::field() const {
    const VoxelGrid& g = bone_.grid();
    CementField f;
    f.rheology = rheology_;
    f.injectionStartMinutes = setup_.injectionStartMinutes;
    f.flowMlPerSecond = float(flowMl_);
    f.injectionSeconds = finished_ ? time_ : float(placedMl_ / flowMl_);
    f.stopReason = stopReason_;
    f.history = history_;
    f.leaks = leaks_;
    for (CementLeak& l : f.leaks) l.finalVolumeMl = float(branches_[std::size_t(l.exit)].ml);
    // Crop to the cement with a margin of two empty cells, so surfaces stay closed and cheap to mesh.
    int lo[3], hi[3];
    const int size[3] = {g.nx, g.ny, g.nz};
    for (int a = 0; a < 3; ++a) {
        if (hi_[a] < lo_[a]) {
            lo[a] = 0;
            hi[a] = std::min(size[a] - 1, 3);
        } else {
            lo[a] = std::max(0, lo_[a] - 2);
            hi[a] = std::min(size[a] - 1, hi_[a] + 2);
        }
    }
    f.grid = g.sub(lo, hi);
    f.fillTime.assign(f.grid.count(), kNeverFilled);
    f.voxelMl.assign(f.grid.count(), 0.0f);
    f.part.assign(f.grid.count(), 0);
    for (int z = lo[2]; z <= hi[2]; ++z)
        for (int y = lo[1]; y <= hi[1]; ++y)
            for (int x = lo[0]; x <= hi[0]; ++x) {
                const std::size_t v = g.index(x, y, z);
                if (state_[v] != kFilled) continue;
                const std::size_t o = f.grid.index(x - lo[0], y - lo[1], z - lo[2]);
                f.fillTime[o] = fill_[v];
                f.voxelMl[o] = float(cellMl(std::uint32_t(v)));
                f.part[o] = part_[v];
            }
    f.finish();
    return f;
}

CementField CementFlowModel::fill(const CementSetup& setup) const {
    CementFlowSimulation sim(setup);
    while (sim.step(step_)) {
    }
    return sim.field();
}

} // namespace spineviz
