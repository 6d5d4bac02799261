#include "core/sim/CementFlowModel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace spineviz {
namespace {

// Calls visit(w) for each face neighbour w of cell v (grid coordinates c) that lies in the grid.
template <typename Visit>
void forEachFaceNeighbour(const VoxelGrid& g, std::uint32_t v, const int c[3], Visit visit) {
    const std::int64_t step[3] = {1, std::int64_t(g.nx), std::int64_t(g.nx) * g.ny};
    const int size[3] = {g.nx, g.ny, g.nz};
    for (int a = 0; a < 3; ++a)
        for (int d = -1; d <= 1; d += 2)
            if (c[a] + d >= 0 && c[a] + d < size[a]) visit(std::uint32_t(std::int64_t(v) + d * step[a]));
}

enum : std::uint8_t { kUntouched = 0, kBulkFront = 1, kLeakFront = 2, kFilled = 3, kBlocked = 4 };

constexpr double kPi = 3.14159265358979;
constexpr double kCavityOmegaPerMetre = 1e3; // an open cavity has next to no resistance: this only orders its filling (model)
constexpr std::size_t kPressureWindow = 64;  // invasions the tip pressure is taken over (the largest of them)
// Leaks beyond the cortex (model values, docs/cement.md): soft tissue and disc resist like a loose
// porous medium; a sheet of paravertebral cement stays this thick; the canal's epidural fat likewise.
constexpr double kSheetPermeability = 2e-8;  // m^2
constexpr double kSheetThickness = 0.002;    // m
constexpr double kDiscPermeability = 1e-7;   // m^2

struct Later {
    template <class E> bool operator()(const E& a, const E& b) const {
        return a.key > b.key || (a.key == b.key && a.voxel > b.voxel); // min-heap, ties by index: deterministic
    }
};

bool isVisibleMass(VoxelMaterial m) {
    return m == VoxelMaterial::Bone || m == VoxelMaterial::Cleft || m == VoxelMaterial::Rim || m == VoxelMaterial::Cavity;
}

} // namespace

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
