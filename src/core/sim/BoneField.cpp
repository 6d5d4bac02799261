#include "core/sim/BoneField.h"

#include "core/math/SeededRandom.h"
#include "core/sim/BodySection.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

using namespace bone_detail;

constexpr std::uint8_t kUnknown = 255;

constexpr float kMargin = 0.008f;      // grid beyond the body on every side: room for leaks to be seen
constexpr float kMaxCell = 0.0005f;    // metres
constexpr float kMinCell = 0.0003f;
constexpr float kRimThickness = 0.0012f; // bone compacted around a balloon cavity (model)
constexpr float kSheetThickness = 0.0025f; // paravertebral leaks spread this close to the wall (model)
constexpr float kCanalDepth = 0.005f;  // epidural space a canal leak may fill behind the posterior wall (model)
constexpr float kLeakReach = 0.012f;   // how far a sheet or disc leak region extends from its exit (model)
// Typical entry pressure of osteoporotic trabecular bone (model, calibrated): of the order of the
// capillary pressure 2 gamma / r of a ~0.3 mm pore with gamma ~ 0.03 N/m (~200 Pa) and of a paste's yield
// stress acting over a pore; no measured value (GAP). Exits are open paths with lower entry pressures.
constexpr float kBoneEntryPressure = 1000.0f;

// Material factors against plain trabecular bone (model values; docs/cement.md).
constexpr float kCleftPermeability = 6.0f, kCleftEntry = 0.35f;  // a cleft is a more open path (risk factor, PMID 28192270)
constexpr float kRimPermeability = 0.25f, kRimEntry = 2.5f;      // compacted by the balloon
constexpr float kVeinEntry = 0.2f; // along a vein, against its entry pressure
constexpr float kOpeningPermeability = 10.0f;

std::uint64_t hashCell(std::uint64_t a, std::uint64_t b) { return SeededRandom(a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull)).next(); }
float unitOf(std::uint64_t h) { return static_cast<float>(h >> 40) * (1.0f / 16777216.0f); }

} // namespace

const char* voxelMaterialName(VoxelMaterial m) {
    switch (m) {
    case VoxelMaterial::Outside: return "outside";
    case VoxelMaterial::Cortex: return "cortex";
    case VoxelMaterial::Bone: return "bone";
    case VoxelMaterial::Cleft: return "cleft";
    case VoxelMaterial::Rim: return "rim";
    case VoxelMaterial::Cavity: return "cavity";
    case VoxelMaterial::Vessel: return "vessel";
    case VoxelMaterial::Opening: return "opening";
    case VoxelMaterial::Leak: return "leak";
    }
    return "outside";
}

BoneParameters boneParameters(BoneQuality quality) {
    BoneParameters p; // osteoporotic: Baroud 2004 SI 4.45e-8 m^2, AP 3.44e-8 (78 %)
    // Porosity of osteoporotic vertebral bone: GAP in the reference; 0.88 (BV/TV ~ 0.12) is an assumption.
    // Denser bone is less permeable (Nauman 1999: permeability falls non-linearly as volume fraction rises);
    // the factors below are model values. Entry pressure scales as 1/sqrt(k) (smaller pores).
    switch (quality) {
    case BoneQuality::Osteoporotic: break;
    case BoneQuality::Osteopenic:
        p.permeability *= 0.5f;
        p.porosity = 0.84f;
        break;
    case BoneQuality::Normal:
        p.permeability *= 0.25f;
        p.porosity = 0.80f;
        break;
    }
    p.entryPressurePa = kBoneEntryPressure * std::sqrt(4.45e-8f / p.permeability);
    return p;
}

VoxelGrid cementFlowGrid(const BodyFrame& body) {
    const float height = body.superiorY - body.inferiorY, depth = body.anteriorZ - body.posteriorZ;
    // The body's box holds at least 64^3 cells.
    const float cell = std::clamp(std::cbrt(body.width * height * depth / (64.0f * 64.0f * 64.0f)), kMinCell, kMaxCell);
    const glm::vec3 lo(-0.5f * body.width - kMargin, body.inferiorY - kMargin, body.posteriorZ - kMargin);
    const glm::vec3 hi(0.5f * body.width + kMargin, body.superiorY + kMargin, body.anteriorZ + kMargin);
    return VoxelGrid::covering(lo, hi, cell);
}

// ---- The field ----------------------------------------------------------------------------------

BoneField::BoneField(const CementSetup& setup)
    : body_(setup.body), grid_(cementFlowGrid(setup.body)), damage_(setup.damage ? *setup.damage : drawBoneDamage(setup)),
      params_(boneParameters(setup.bone)), cavities_(setup.cavities), canalWidth_(setup.canalWidth), seed_(setup.seed) {
    shell_ = std::max(setup.corticalThickness, 1.5f * grid_.cell);
    material_.assign(grid_.count(), kUnknown);
    exitTag_.assign(grid_.count(), 0);
    exitRole_.assign(grid_.count(), 0);
    // Smooth heterogeneity: seeded values on a 3 mm lattice, interpolated.
    latticeOrigin_ = grid_.origin - glm::vec3(latticeSpacing_);
    const glm::vec3 extent = glm::vec3(float(grid_.nx), float(grid_.ny), float(grid_.nz)) * grid_.cell + 2.0f * latticeSpacing_;
    lx_ = int(std::ceil(extent.x / latticeSpacing_)) + 2;
    ly_ = int(std::ceil(extent.y / latticeSpacing_)) + 2;
    lz_ = int(std::ceil(extent.z / latticeSpacing_)) + 2;
    lattice_.resize(std::size_t(lx_) * ly_ * lz_);
    const std::uint64_t latticeSeed = deriveSeed(seed_, 102);
    for (std::size_t i = 0; i < lattice_.size(); ++i) lattice_[i] = unitOf(hashCell(latticeSeed, i));
    rasterise();
}

glm::vec3 BoneField::centre(std::size_t v) const {
    const std::size_t nx = std::size_t(grid_.nx), ny = std::size_t(grid_.ny);
    return grid_.centre(int(v % nx), int((v / nx) % ny), int(v / (nx * ny)));
}

bool BoneField::inOuter(const glm::vec3& p) const {
    if (p.y < body_.inferiorY || p.y > body_.superiorY) return false;
    return sectionOf(body_).normalised(p.x, p.z) <= 1.0f;
}

bool BoneField::inInterior(const glm::vec3& p) const {
    if (p.y <= body_.inferiorY + shell_ || p.y >= body_.superiorY - shell_) return false;
    const Section s = sectionOf(body_);
    const float a = s.a - shell_, b = s.b - shell_;
    if (a <= 0.0f || b <= 0.0f) return false;
    const float rx = p.x / a, rz = (p.z - s.cz) / b;
    return rx * rx + rz * rz <= 1.0f;
}

float BoneField::outwardDistance(const glm::vec3& p) const {
    return std::max({sectionOf(body_).distance(p.x, p.z), p.y - body_.superiorY, body_.inferiorY - p.y});
}

float BoneField::posteriorQuarterZ() const { return body_.posteriorZ + 0.25f * (body_.anteriorZ - body_.posteriorZ); }

float BoneField::stopZ() const {
    // A balloon may reach toward the posterior quarter; cement filling its cavity is expected there,
    // so with a cavity the line is 2 mm behind the cavity's back end if that is further back (model).
    float z = posteriorQuarterZ();
    for (const Ellipsoid& c : cavities_) {
        const float back = c.centre.z - std::abs(c.axis.z) * c.halfLength - std::sqrt(std::max(0.0f, 1.0f - c.axis.z * c.axis.z)) * c.radius;
        z = std::min(z, back - 0.002f);
    }
    return std::max(z, body_.posteriorZ + 0.1f * (body_.anteriorZ - body_.posteriorZ));
}

int BoneField::cavityOf(const glm::vec3& p) const {
    for (std::size_t c = 0; c < cavities_.size(); ++c)
        if (cavities_[c].contains(p)) return int(c);
    return -1;
}

float BoneField::cavityRadius(int c) const {
    if (c < 0 || std::size_t(c) >= cavities_.size()) return 0.0f;
    return std::cbrt(cavities_[std::size_t(c)].volume() / 4.18879020f);
}

template <class Test>
void BoneField::tag(int exit, VoxelMaterial role, const glm::vec3& lo, const glm::vec3& hi, Test test) {
    const auto cellOf = [&](float v, float o, int n) { return std::clamp(int(std::floor((v - o) / grid_.cell)), 0, n - 1); };
    const int x0 = cellOf(lo.x, grid_.origin.x, grid_.nx), x1 = cellOf(hi.x, grid_.origin.x, grid_.nx);
    const int y0 = cellOf(lo.y, grid_.origin.y, grid_.ny), y1 = cellOf(hi.y, grid_.origin.y, grid_.ny);
    const int z0 = cellOf(lo.z, grid_.origin.z, grid_.nz), z1 = cellOf(hi.z, grid_.origin.z, grid_.nz);
    for (int z = z0; z <= z1; ++z)
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const std::size_t i = grid_.index(x, y, z);
                if (exitTag_[i] != 0) continue; // the first exit to claim a voxel keeps it
                const glm::vec3 p = grid_.centre(x, y, z);
                const bool outer = inOuter(p), interior = inInterior(p);
                const bool fits = role == VoxelMaterial::Opening ? (outer && !interior)
                                  : role == VoxelMaterial::Vessel ? outer
                                                                  : !outer;
                if (!fits || !test(p)) continue;
                exitTag_[i] = std::uint8_t(exit + 1);
                exitRole_[i] = std::uint8_t(role);
            }
}

// Tags every voxel within `radius` of any of the segments: a vein as a chain of tubes.
void BoneField::tagTubes(int exit, VoxelMaterial role, const std::vector<std::pair<glm::vec3, glm::vec3>>& segments, float radius) {
    for (const auto& segment : segments) {
        const glm::vec3 a = segment.first, b = segment.second;
        tag(exit, role, glm::min(a, b) - glm::vec3(radius), glm::max(a, b) + glm::vec3(radius),
            [&](const glm::vec3& p) { return segmentDistance(p, a, b) <= radius; });
    }
}

void BoneField::rasterise() {
    const Section s = sectionOf(body_);
    const float h = grid_.cell;
    const glm::vec3 gridLo = grid_.origin;
    const glm::vec3 gridHi = grid_.origin + glm::vec3(float(grid_.nx), float(grid_.ny), float(grid_.nz)) * h;
    // Openings first (all exits), so a leak region of one exit never takes another's hole.
    for (std::size_t e = 0; e < damage_.exits.size() && e < 254; ++e) {
        const CementExit& x = damage_.exits[e];
        const int id = int(e);
        switch (x.kind) {
        case ExitKind::BasivertebralForamen:
        case ExitKind::SegmentalForamen: break; // the vein itself goes through the cortex (below)
        case ExitKind::EndplateBreak: {
            const float halfWidth = std::max(0.5f * x.width, 0.9f * h);
            const bool superior = x.normal.y > 0.0f;
            const float yLo = superior ? body_.superiorY - shell_ - h : body_.inferiorY - h;
            const float yHi = superior ? body_.superiorY + h : body_.inferiorY + shell_ + h;
            const glm::vec3 a = x.position - x.direction * x.radius, b = x.position + x.direction * x.radius;
            const float reach = x.radius + halfWidth;
            tag(id, VoxelMaterial::Opening, {x.position.x - reach, yLo, x.position.z - reach}, {x.position.x + reach, yHi, x.position.z + reach},
                [&](const glm::vec3& p) { return segmentDistance({p.x, a.y, p.z}, a, b) <= halfWidth; });
            break;
        }
        case ExitKind::WallBreak: {
            const float theta0 = s.angle(x.position.x, x.position.z);
            const float halfHeight = std::max(0.5f * x.width, 0.75f * h);
            const float speed = s.speed(theta0);
            const float reach = x.radius + shell_ + 2.0f * h;
            tag(id, VoxelMaterial::Opening, x.position - glm::vec3(reach, halfHeight + h, reach), x.position + glm::vec3(reach, halfHeight + h, reach),
                [&](const glm::vec3& p) {
                    return std::abs(p.y - x.position.y) <= halfHeight &&
                           std::abs(wrapAngle(s.angle(p.x, p.z) - theta0)) * speed <= x.radius;
                });
            break;
        }
        }
    }
    // Veins from inside the body out through their foramina.
    for (std::size_t e = 0; e < damage_.exits.size() && e < 254; ++e) {
        const CementExit& x = damage_.exits[e];
        if (x.innerLength <= 0.0f || x.vesselRadius <= 0.0f) continue;
        const float r = std::max(x.vesselRadius, 0.9f * h);
        const glm::vec3 a = x.position + x.normal * h, b = x.position - x.normal * (shell_ + x.innerLength);
        std::vector<std::pair<glm::vec3, glm::vec3>> segments{{a, b}};
        if (x.kind == ExitKind::BasivertebralForamen) {
            // The basivertebral veins gather from both sides of the centre into one trunk.
            const float branch = 0.004f;
            segments.push_back({b, b + glm::vec3(0.7f * branch, 0.0f, 0.7f * branch)});
            segments.push_back({b, b + glm::vec3(-0.7f * branch, 0.0f, 0.7f * branch)});
        }
        tagTubes(int(e), VoxelMaterial::Vessel, segments, r);
    }
    // Where leaks go, outside the body.
    for (std::size_t e = 0; e < damage_.exits.size() && e < 254; ++e) {
        const CementExit& x = damage_.exits[e];
        const int id = int(e);
        switch (x.kind) {
        case ExitKind::BasivertebralForamen: {
            // Into the anterior internal vertebral venous plexus: a stub back from the foramen, then
            // paired veins running up and down behind the body, joined by a transverse branch.
            const float r = std::max(x.vesselRadius, 0.9f * h);
            const float zPlexus = body_.posteriorZ - r - 0.0007f;
            const float sx = 0.0035f;
            const std::vector<std::pair<glm::vec3, glm::vec3>> veins = {
                {x.position, {x.position.x, x.position.y, zPlexus}},
                {{-sx, x.position.y, zPlexus}, {sx, x.position.y, zPlexus}},
                {{sx, gridLo.y, zPlexus}, {sx, gridHi.y, zPlexus}},
                {{-sx, gridLo.y, zPlexus}, {-sx, gridHi.y, zPlexus}},
            };
            tagTubes(id, VoxelMaterial::Leak, veins, r);
            break;
        }
        case ExitKind::SegmentalForamen: {
            // A vein hugging the wall at the body's waist, running back toward the foramen.
            const float r = std::max(x.vesselRadius, 0.9f * h);
            const float theta0 = s.angle(x.position.x, x.position.z);
            const float toward = x.position.x >= 0.0f ? -1.0f : 1.0f; // left side: back is decreasing theta
            const float offset = r + 0.0006f;
            std::vector<glm::vec3> waist;
            for (float t = -20.0f; t <= 80.0f; t += 4.0f) {
                const float theta = theta0 + toward * t * kDeg;
                waist.push_back(s.point(theta, x.position.y) + s.normal(theta) * offset);
            }
            // A stub out of the foramen to the waist vein, then the vein itself.
            std::vector<std::pair<glm::vec3, glm::vec3>> segments{{x.position, s.point(theta0, x.position.y) + s.normal(theta0) * offset}};
            for (std::size_t i = 0; i + 1 < waist.size(); ++i) segments.push_back({waist[i], waist[i + 1]});
            tagTubes(id, VoxelMaterial::Leak, segments, r);
            break;
        }
        case ExitKind::EndplateBreak: {
            // The disc next to the broken endplate.
            const bool superior = x.normal.y > 0.0f;
            const float yLo = superior ? body_.superiorY : std::max(body_.inferiorY - body_.discBelowHeight, gridLo.y);
            const float yHi = superior ? std::min(body_.superiorY + body_.discAboveHeight, gridHi.y) : body_.inferiorY;
            const float inset = 0.0005f;
            const glm::vec3 a = x.position - x.direction * x.radius, b = x.position + x.direction * x.radius;
            const float reach = kLeakReach + x.radius;
            tag(id, VoxelMaterial::Leak, {x.position.x - reach, yLo, x.position.z - reach}, {x.position.x + reach, yHi, x.position.z + reach},
                [&](const glm::vec3& p) {
                    return p.y >= yLo && p.y <= yHi && s.distance(p.x, p.z) <= -inset &&
                           segmentDistance({p.x, a.y, p.z}, a, b) <= kLeakReach;
                });
            break;
        }
        case ExitKind::WallBreak: {
            if (x.leakType == LeakType::SpinalCanal) {
                // The epidural space behind the posterior wall, within the canal's width.
                tag(id, VoxelMaterial::Leak, {-0.5f * canalWidth_, x.position.y - kLeakReach, body_.posteriorZ - kCanalDepth},
                    {0.5f * canalWidth_, x.position.y + kLeakReach, body_.posteriorZ + 0.001f}, [&](const glm::vec3& p) {
                        return std::abs(p.x) <= 0.5f * canalWidth_ && p.z >= body_.posteriorZ - kCanalDepth &&
                               std::abs(p.y - x.position.y) <= kLeakReach;
                    });
            } else {
                // Paravertebral soft tissue: a thin layer on the wall around the crack.
                const float theta0 = s.angle(x.position.x, x.position.z);
                const float speed = s.speed(theta0);
                const float reach = kLeakReach + kSheetThickness;
                tag(id, VoxelMaterial::Leak, x.position - glm::vec3(reach), x.position + glm::vec3(reach), [&](const glm::vec3& p) {
                    const float dist = s.distance(p.x, p.z);
                    return dist > 0.0f && dist <= kSheetThickness && std::abs(p.y - x.position.y) <= 0.7f * kLeakReach &&
                           p.y >= body_.inferiorY - 0.001f && p.y <= body_.superiorY + 0.001f &&
                           std::abs(wrapAngle(s.angle(p.x, p.z) - theta0)) * speed <= kLeakReach;
                });
            }
            break;
        }
        }
    }
}

bool BoneField::nearCavity(const glm::vec3& p) const {
    // The balloon presses bone fragments into cracks it touches: within the compacted rim, a crack is
    // closed (model; the cavity's compacted wall is what kyphoplasty relies on).
    for (const Ellipsoid& c : cavities_)
        if ((c.normalisedRadius(p) - 1.0f) * std::min(c.radius, c.halfLength) <= 0.25f * kRimThickness) return true;
    return false;
}

VoxelMaterial BoneField::classify(const glm::vec3& p) const {
    if (!inOuter(p)) return VoxelMaterial::Outside;
    if (!inInterior(p)) return VoxelMaterial::Cortex;
    for (const Ellipsoid& c : cavities_) {
        const float n = c.normalisedRadius(p);
        if (n <= 1.0f) return VoxelMaterial::Cavity;
    }
    for (const Ellipsoid& c : cavities_) {
        const float n = c.normalisedRadius(p);
        if ((n - 1.0f) * std::min(c.radius, c.halfLength) <= kRimThickness) return VoxelMaterial::Rim;
    }
    for (const FractureCleft& c : damage_.clefts)
        if (c.contains(p)) return VoxelMaterial::Cleft;
    return VoxelMaterial::Bone;
}

VoxelMaterial BoneField::material(std::size_t v) const {
    std::uint8_t m = material_[v];
    if (m == kUnknown) {
        m = exitRole_[v] != 0 ? exitRole_[v] : std::uint8_t(classify(centre(v)));
        // The balloon crushes what it inflates against: a crack it touches is sealed, a vein inside
        // its cavity or compacted rim is no longer a vein.
        if (m == std::uint8_t(VoxelMaterial::Opening) && nearCavity(centre(v))) m = std::uint8_t(VoxelMaterial::Cortex);
        if (m == std::uint8_t(VoxelMaterial::Vessel) && inInterior(centre(v)) && nearCavity(centre(v)))
            m = std::uint8_t(classify(centre(v)));
        material_[v] = m;
    }
    return VoxelMaterial(m);
}

int BoneField::exitOf(std::size_t v) const {
    const VoxelMaterial m = material(v);
    return m == VoxelMaterial::Opening || m == VoxelMaterial::Vessel || m == VoxelMaterial::Leak ? int(exitTag_[v]) - 1 : -1;
}

VoxelMaterial BoneField::materialAt(const glm::vec3& p) const {
    const glm::vec3 c = (p - grid_.origin) / grid_.cell;
    const int x = int(std::floor(c.x)), y = int(std::floor(c.y)), z = int(std::floor(c.z));
    if (!grid_.contains(x, y, z)) return VoxelMaterial::Outside;
    return material(grid_.index(x, y, z));
}

float BoneField::smoothNoise(const glm::vec3& p) const {
    const glm::vec3 q = (p - latticeOrigin_) / latticeSpacing_;
    const int ix = std::clamp(int(std::floor(q.x)), 0, lx_ - 2), iy = std::clamp(int(std::floor(q.y)), 0, ly_ - 2),
              iz = std::clamp(int(std::floor(q.z)), 0, lz_ - 2);
    glm::vec3 f = glm::clamp(q - glm::vec3(float(ix), float(iy), float(iz)), 0.0f, 1.0f);
    f = f * f * (3.0f - 2.0f * f);
    const auto at = [&](int x, int y, int z) { return lattice_[std::size_t(x) + std::size_t(lx_) * (std::size_t(y) + std::size_t(ly_) * std::size_t(z))]; };
    const auto lerp = [](float a, float b, float t) { return a + (b - a) * t; };
    const float x00 = lerp(at(ix, iy, iz), at(ix + 1, iy, iz), f.x), x10 = lerp(at(ix, iy + 1, iz), at(ix + 1, iy + 1, iz), f.x);
    const float x01 = lerp(at(ix, iy, iz + 1), at(ix + 1, iy, iz + 1), f.x), x11 = lerp(at(ix, iy + 1, iz + 1), at(ix + 1, iy + 1, iz + 1), f.x);
    return lerp(lerp(x00, x10, f.y), lerp(x01, x11, f.y), f.z);
}

float BoneField::whiteNoise(std::size_t v, std::uint64_t purpose) const { return unitOf(hashCell(deriveSeed(seed_, purpose), v)); }

float BoneField::permeability(std::size_t v) const {
    // Log-normal-like spread around the mean; exp(2 (n - 0.5)) gives a coefficient of variation of about
    // 0.35-0.4, like the 4.45 +- 1.72e-8 m^2 between cores (Baroud 2004).
    const float bone = params_.permeability * std::exp(2.0f * (smoothNoise(centre(v)) - 0.5f));
    switch (material(v)) {
    case VoxelMaterial::Bone: return bone;
    case VoxelMaterial::Cleft: return bone * kCleftPermeability;
    case VoxelMaterial::Rim: return bone * kRimPermeability;
    case VoxelMaterial::Cavity: return 1e-5f; // open space
    case VoxelMaterial::Opening: return params_.permeability * kOpeningPermeability;
    case VoxelMaterial::Vessel:
    case VoxelMaterial::Leak: return params_.permeability; // unused: leaks follow their channel's geometry
    default: return 0.0f;
    }
}

float BoneField::conductivity(std::size_t v) const {
    switch (material(v)) {
    case VoxelMaterial::Bone: return params_.permeability;
    case VoxelMaterial::Cleft: return params_.permeability * kCleftPermeability;
    case VoxelMaterial::Rim: return params_.permeability * kRimPermeability;
    case VoxelMaterial::Cavity: return 1e-5f;
    case VoxelMaterial::Opening: return params_.permeability * kOpeningPermeability;
    case VoxelMaterial::Vessel:
    case VoxelMaterial::Leak: return params_.permeability;
    default: return 0.0f;
    }
}

float BoneField::entryPressure(std::size_t v) const {
    const VoxelMaterial m = material(v);
    if (m == VoxelMaterial::Cavity) return 0.0f;
    const int e = exitOf(v);
    const float white = 0.75f + 0.5f * whiteNoise(v, 103); // pore-to-pore disorder (invasion percolation)
    if (m == VoxelMaterial::Opening && e >= 0) return damage_.exits[std::size_t(e)].entryPressurePa;
    if ((m == VoxelMaterial::Leak || m == VoxelMaterial::Vessel) && e >= 0) {
        const CementExit& x = damage_.exits[std::size_t(e)];
        const bool vein = x.kind == ExitKind::BasivertebralForamen || x.kind == ExitKind::SegmentalForamen;
        return (vein ? kVeinEntry : 1.0f) * x.entryPressurePa * white; // once in a vein, cement runs easily
    }
    // Larger pores (higher permeability) are easier to enter: Leverett-type 1/sqrt(k) scaling.
    const float k = params_.permeability * std::exp(2.0f * (smoothNoise(centre(v)) - 0.5f));
    float p = params_.entryPressurePa * std::sqrt(params_.permeability / k) * white;
    if (m == VoxelMaterial::Cleft) p *= kCleftEntry;
    if (m == VoxelMaterial::Rim) p *= kRimEntry;
    return p;
}

float BoneField::porosity(std::size_t v) const {
    switch (material(v)) {
    case VoxelMaterial::Bone:
    case VoxelMaterial::Rim: return params_.porosity;
    case VoxelMaterial::Cleft: return std::min(1.0f, params_.porosity + 0.06f);
    default: return 1.0f; // cavity, veins, cracks, soft tissue pushed aside
    }
}

} // namespace spineviz
