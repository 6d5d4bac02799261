// The cement flow simulation's invasion (CementFlowModel.h): the hydraulic resistance from the
// source, and how the bulk and each leak take their next voxel.
#include "core/sim/CementFlowModel.h"

#include "core/sim/CementFlowInternal.h"

#include <algorithm>
#include <cmath>

namespace spineviz {

using namespace cement_detail;

double CementFlowSimulation::sourceDistance(int source, std::uint32_t v) const {
    // Radius of the sphere the flow has spread over on reaching v: the source's own radius plus how far
    // v lies beyond it (from the needle tip, or from a balloon cavity's wall). Transverse distances are
    // stretched by 1 / sqrt(AP/SI permeability ratio), so equal-pressure surfaces are the ellipsoids of
    // an anisotropic medium, taller than wide (Baroud 2004: SI > AP).
    const Source& s = sourceTable_[std::size_t(source)];
    const glm::vec3 p = bone_.centre(v);
    if (s.cavity < 0) {
        const glm::vec3 d = p - s.centre;
        const double transverse = 1.0 / double(bone_.parameters().transverseRatio);
        return double(s.radius) + std::sqrt(double(d.x) * d.x * transverse + double(d.y) * d.y + double(d.z) * d.z * transverse);
    }
    const Ellipsoid& c = setup_.cavities[std::size_t(s.cavity)];
    const float beyond = std::max(0.0f, c.normalisedRadius(p) - 1.0f) * std::min(c.radius, c.halfLength);
    return double(s.radius) + double(beyond);
}

double CementFlowSimulation::potential(int source, std::uint32_t v) const {
    // Hydraulic resistance (1/m^3) from the source to distance r in homogeneous bone: Darcy flow from a
    // sphere, dR = dr / (k 4 pi r^2); beyond half the body's height the endplates confine it to a
    // cylinder, dR = dr / (k 2 pi r H).
    const double r0 = double(sourceTable_[std::size_t(source)].radius);
    const double r = std::max(sourceDistance(source, v), r0);
    const double k = double(bone_.parameters().permeability);
    const double rc = std::max(0.5 * interiorHeight_, r0);
    if (r <= rc) return (1.0 / r0 - 1.0 / r) / (4.0 * kPi * k);
    return (1.0 / r0 - 1.0 / rc) / (4.0 * kPi * k) + std::log(r / rc) / (2.0 * kPi * k * interiorHeight_);
}

void CementFlowSimulation::touchBulk(std::uint32_t from, std::uint32_t to) {
    const VoxelMaterial mt = bone_.material(to);
    const VoxelMaterial mf = bone_.material(from);
    const float h = bone_.grid().cell;
    if (state_[to] == kUntouched) {
        perm_[to] = bone_.conductivity(to);
        entry_[to] = bone_.entryPressure(to);
    }
    std::uint8_t src = source_[from];
    double omega;
    if (mt == VoxelMaterial::Cavity) {
        // Inside an open cavity: no real resistance; the cavity is its own source from here on.
        const int cavity = bone_.cavityOf(bone_.centre(to));
        for (std::size_t i = 0; i < sourceTable_.size(); ++i)
            if (sourceTable_[i].cavity == cavity) src = std::uint8_t(i);
        omega = kCavityOmegaPerMetre * h;
    } else {
        if (mf == VoxelMaterial::Cavity) {
            const int cavity = bone_.cavityOf(bone_.centre(from));
            bool found = false;
            for (std::size_t i = 0; i < sourceTable_.size(); ++i)
                if (sourceTable_[i].cavity == cavity) {
                    src = std::uint8_t(i);
                    found = true;
                }
            if (!found && cavity >= 0 && sourceTable_.size() < 250) {
                // A second cavity reached through the first (bilateral balloons that touch).
                Source s;
                s.cavity = cavity;
                s.centre = setup_.cavities[std::size_t(cavity)].centre;
                s.radius = std::max(bone_.cavityRadius(cavity), CementFlowConstants::kNeedleRadius);
                sourceTable_.push_back(s);
                src = std::uint8_t(sourceTable_.size() - 1);
            }
        }
        // The resistance the homogeneous field adds between the two voxels (so a front in plain bone is
        // an equal-pressure surface, whatever path the cement took), divided by how much more
        // permeable than bone the voxel entered is: a cleft or vein short-circuits the field, the
        // compacted rim around a cavity resists it.
        const double rise = std::max(0.0, potential(src, to) - potential(src, from));
        omega = rise * double(bone_.parameters().permeability) / std::max(double(perm_[to]), 1e-14);
    }
    const double total = double(omega_[from]) + omega;
    if (state_[to] == kUntouched) {
        state_[to] = kBulkFront;
        bulkFront_.push_back(to);
    } else if (!(total < double(omega_[to]) * (1.0 - 1e-6))) {
        return;
    }
    omega_[to] = float(total);
    source_[to] = src;
    needle_[to] = needle_[from];
    const double key = double(entry_[to]) + viscosity_ * sourceFlow() * total;
    bulkHeap_.push_back({key, to});
    std::push_heap(bulkHeap_.begin(), bulkHeap_.end(), Later{});
}

double CementFlowSimulation::leakOmega(int exit, std::uint32_t v) const {
    const CementExit& x = bone_.exits()[std::size_t(exit)];
    const double h = bone_.grid().cell;
    const glm::vec3 p = bone_.centre(v);
    double r = double(x.radius) + double(glm::length(p - x.position));
    if (x.kind == ExitKind::EndplateBreak) {
        // From the crack line, not its middle.
        const glm::vec3 d = p - x.position;
        const float along = std::clamp(glm::dot(d, x.direction), -x.radius, x.radius);
        r = double(std::max(x.width, 0.5f * bone_.grid().cell)) + double(glm::length(d - along * x.direction));
    }
    switch (x.kind) {
    case ExitKind::BasivertebralForamen:
    case ExitKind::SegmentalForamen: {
        const double rv = std::max(double(x.vesselRadius), 0.9 * h);
        return 8.0 * h / (kPi * rv * rv * rv * rv); // Poiseuille along the vein
    }
    case ExitKind::EndplateBreak: return h / (kDiscPermeability * 2.0 * kPi * r * r); // spreading into the disc (half space)
    case ExitKind::WallBreak: return h / (kSheetPermeability * 2.0 * kPi * r * kSheetThickness); // a sheet along the wall
    }
    return h;
}

void CementFlowSimulation::touchLeak(int exit, std::uint32_t from, std::uint32_t to, bool fromOpening) {
    const double total = (fromOpening ? 0.0 : double(omega_[from])) + leakOmega(exit, to);
    Branch& b = branches_[std::size_t(exit)];
    if (state_[to] == kUntouched) {
        entry_[to] = bone_.entryPressure(to);
        state_[to] = kLeakFront;
        b.front.push_back(to);
    } else if (!(total < double(omega_[to]) * (1.0 - 1e-6))) {
        return;
    }
    omega_[to] = float(total);
    needle_[to] = needle_[from];
    const double key = double(entry_[to]) + viscosity_ * b.flow * total;
    b.heap.push_back({key, to});
    std::push_heap(b.heap.begin(), b.heap.end(), Later{});
}

void CementFlowSimulation::invadeBulk(std::uint32_t v, double key) {
    const VoxelGrid& g = bone_.grid();
    state_[v] = kFilled;
    placedMl_ += cellMl(v);
    needleMl_[needle_[v]] += cellMl(v);
    fill_[v] = float(placedMl_ / flowMl_);
    part_[v] = 0;
    recentKeys_[recentNext_++ % kPressureWindow] = key;
    const std::size_t nx = std::size_t(g.nx), ny = std::size_t(g.ny);
    const int c[3] = {int(v % nx), int((v / nx) % ny), int(v / (nx * ny))};
    for (int a = 0; a < 3; ++a) {
        lo_[a] = hi_[a] < lo_[a] ? c[a] : std::min(lo_[a], c[a]);
        hi_[a] = std::max(hi_[a], c[a]);
    }
    const VoxelMaterial m = bone_.material(v);
    if (isVisibleMass(m) && g.centre(c[0], c[1], c[2]).z < stopZ_) posteriorMl_ += cellMl(v);
    if (setup_.stopAtPosteriorQuarter && !stopTriggered_ && posteriorMl_ >= CementFlowConstants::kStopVisibleMl) {
        // Seen on the lateral view nearing the posterior wall: the surgeon stops.
        stopTriggered_ = true;
        stopMl_ = placedMl_ + flowMl_ * CementFlowConstants::kStopReactionSeconds;
    }
    const int exit = m == VoxelMaterial::Opening ? bone_.exitOf(v) : -1;
    if (exit >= 0) {
        Branch& b = branches_[std::size_t(exit)];
        if (!b.reached) b.needle = needle_[v];
        b.exitOmega = b.reached ? std::min(b.exitOmega, double(omega_[v])) : double(omega_[v]);
        b.reached = true;
    }
    forEachFaceNeighbour(g, v, c, [&](std::uint32_t w) {
        const std::uint8_t s = state_[w];
        if (s == kFilled || s == kBlocked) return;
        const VoxelMaterial mw = bone_.material(w);
        if (mw == VoxelMaterial::Outside || mw == VoxelMaterial::Cortex) {
            state_[w] = kBlocked;
            return;
        }
        if (mw == VoxelMaterial::Vessel) {
            // Cement that reaches a vein enters it: a venous leak starts here.
            const int vein = bone_.exitOf(w);
            Branch& b = branches_[std::size_t(vein)];
            if (!b.reached) b.needle = needle_[v];
            b.exitOmega = b.reached ? std::min(b.exitOmega, double(omega_[v])) : double(omega_[v]);
            b.reached = true;
            touchLeak(vein, v, w, true);
            return;
        }
        if (mw == VoxelMaterial::Leak) {
            // Out of the body only through a crack's opening, into that exit's own region.
            if (exit >= 0 && bone_.exitOf(w) == exit) touchLeak(exit, v, w, true);
            return;
        }
        if (s == kLeakFront) return;
        if (exit >= 0) {
            // A crack's opening leads out through the cortex, not along it or back in.
            if (mw != VoxelMaterial::Opening || bone_.exitOf(w) != exit ||
                bone_.outwardDistance(bone_.centre(w)) <= bone_.outwardDistance(bone_.centre(v)))
                return;
        }
        touchBulk(v, w);
        });
}

void CementFlowSimulation::invadeLeak(int exit, std::uint32_t v) {
    const VoxelGrid& g = bone_.grid();
    Branch& b = branches_[std::size_t(exit)];
    const double ml = cellMl(v);
    state_[v] = kFilled;
    placedMl_ += ml;
    leakedMl_ += ml;
    needleMl_[b.needle] += ml;
    b.ml += ml;
    b.owedMl -= ml;
    b.resistance = std::max(b.resistance, double(omega_[v]));
    fill_[v] = float(placedMl_ / flowMl_);
    if (b.leak < 0) {
        const CementExit& x = bone_.exits()[std::size_t(exit)];
        CementLeak leak;
        leak.type = x.leakType;
        leak.exit = exit;
        leak.exitPosition = x.position;
        leak.exitNormal = x.normal;
        leak.startSeconds = fill_[v];
        b.leak = int(leaks_.size());
        leaks_.push_back(leak);
    }
    part_[v] = std::uint8_t(std::min(b.leak + 1, 255));
    const std::size_t nx = std::size_t(g.nx), ny = std::size_t(g.ny);
    const int c[3] = {int(v % nx), int((v / nx) % ny), int(v / (nx * ny))};
    for (int a = 0; a < 3; ++a) {
        lo_[a] = hi_[a] < lo_[a] ? c[a] : std::min(lo_[a], c[a]);
        hi_[a] = std::max(hi_[a], c[a]);
    }
    forEachFaceNeighbour(g, v, c, [&](std::uint32_t w) {
        const std::uint8_t s = state_[w];
        if (s == kFilled || s == kBlocked || s == kBulkFront) return;
        if (!isLeakPath(bone_.material(w)) || bone_.exitOf(w) != exit) return; // a leak stays in its region
        touchLeak(exit, v, w, false);
    });
}

void CementFlowSimulation::rebuildHeap(std::vector<std::uint32_t>& front, std::vector<Entry>& heap, std::uint8_t frontState, double scale) {
    front.erase(std::remove_if(front.begin(), front.end(), [&](std::uint32_t v) { return state_[v] != frontState; }), front.end());
    heap.clear();
    heap.reserve(front.size());
    for (std::uint32_t v : front) heap.push_back({double(entry_[v]) + scale * double(omega_[v]), v});
    std::make_heap(heap.begin(), heap.end(), Later{});
}

} // namespace spineviz
