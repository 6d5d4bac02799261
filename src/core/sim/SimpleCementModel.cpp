#include "core/sim/SimpleCementModel.h"

#include "core/math/SeededRandom.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spineviz {
namespace {

constexpr float kMargin = 0.006f; // metres of grid beyond the body on every side

// Smooth seeded noise in [0, 1] (value noise on a lattice), for irregular fronts.
class LatticeNoise {
public:
    LatticeNoise(std::uint32_t seed, float wavelength) : seed_(seed), scale_(1.0f / wavelength) {}
    float operator()(const glm::vec3& p) const {
        const glm::vec3 q = p * scale_;
        const glm::vec3 i(std::floor(q.x), std::floor(q.y), std::floor(q.z));
        glm::vec3 f = q - i;
        f = f * f * (3.0f - 2.0f * f);
        float corners[8];
        for (int c = 0; c < 8; ++c)
            corners[c] = hash(int(i.x) + (c & 1), int(i.y) + ((c >> 1) & 1), int(i.z) + ((c >> 2) & 1));
        const auto lerp = [](float a, float b, float t) { return a + (b - a) * t; };
        const float x00 = lerp(corners[0], corners[1], f.x), x10 = lerp(corners[2], corners[3], f.x);
        const float x01 = lerp(corners[4], corners[5], f.x), x11 = lerp(corners[6], corners[7], f.x);
        return lerp(lerp(x00, x10, f.y), lerp(x01, x11, f.y), f.z);
    }

private:
    float hash(int x, int y, int z) const {
        const std::uint64_t key = (std::uint64_t(std::uint32_t(x)) * 73856093u) ^ (std::uint64_t(std::uint32_t(y)) * 19349663u) ^
                                  (std::uint64_t(std::uint32_t(z)) * 83492791u) ^ (std::uint64_t(seed_) << 32);
        return static_cast<float>(SeededRandom(key).unit());
    }
    std::uint32_t seed_;
    float scale_;
};

// "Cost" of reaching p: cavity first (front to back), then the bone around it.
float kyphoplastyCost(const CementSetup& setup, const glm::vec3& p, const LatticeNoise& noise) {
    float best = INFINITY;
    for (const Ellipsoid& cavity : setup.cavities) {
        const float r = cavity.normalisedRadius(p);
        if (r <= 1.0f) {
            const float along = glm::dot(p - cavity.centre, cavity.axis); // + toward the front
            best = std::min(best, 0.5f * (1.0f - along / cavity.halfLength) * 0.999f);
        } else {
            const float beyond = (r - 1.0f) * cavity.radius; // roughly the distance past the cavity wall
            best = std::min(best, 1.0f + beyond / 0.004f * (0.45f + 1.1f * noise(p)));
        }
    }
    return best;
}

float vertebroplastyCost(const CementSetup& setup, const glm::vec3& p, const LatticeNoise& noise) {
    float best = INFINITY;
    for (const glm::vec3& tip : setup.tips) {
        glm::vec3 d = p - tip;
        d.y *= 0.85f; // trabecular bone is more permeable cranio-caudally (Baroud 2004: SI 4.45 vs AP 3.44 e-8 m^2)
        best = std::min(best, glm::length(d) / 0.004f * (0.35f + 1.3f * noise(p)));
    }
    return best;
}

} // namespace

VoxelGrid cementGridFor(const BodyFrame& body) {
    const glm::vec3 lo(-0.5f * body.width - kMargin, body.inferiorY - kMargin, body.posteriorZ - kMargin);
    const glm::vec3 hi(0.5f * body.width + kMargin, body.superiorY + kMargin, body.anteriorZ + kMargin);
    return VoxelGrid::covering(lo, hi, kCementCell);
}

bool insideBodyInterior(const BodyFrame& body, float cortical, const glm::vec3& p) {
    if (p.y <= body.inferiorY + cortical || p.y >= body.superiorY - cortical) return false;
    const float centreZ = 0.5f * (body.anteriorZ + body.posteriorZ);
    const float a = 0.5f * body.width - cortical, b = 0.5f * (body.anteriorZ - body.posteriorZ) - cortical;
    if (a <= 0.0f || b <= 0.0f) return false;
    const float rx = p.x / a, rz = (p.z - centreZ) / b;
    return rx * rx + rz * rz <= 1.0f;
}

CementField SimpleCementModel::fill(const CementSetup& setup) const {
    CementField field;
    field.grid = cementGridFor(setup.body);
    field.fillTime.assign(field.grid.count(), kNeverFilled);
    const LatticeNoise noise(setup.seed, 0.0035f);
    // Surgeons stop before the cement nears the posterior wall: keep out of the back fifth.
    const float stopZ = setup.body.posteriorZ + 0.2f * (setup.body.anteriorZ - setup.body.posteriorZ);

    std::vector<std::pair<float, std::size_t>> order;
    const VoxelGrid& g = field.grid;
    for (int z = 0; z < g.nz; ++z)
        for (int y = 0; y < g.ny; ++y)
            for (int x = 0; x < g.nx; ++x) {
                const glm::vec3 p = g.centre(x, y, z);
                if (!insideBodyInterior(setup.body, setup.corticalThickness, p) || p.z < stopZ) continue;
                const float cost = setup.procedure == Procedure::Kyphoplasty ? kyphoplastyCost(setup, p, noise)
                                                                             : vertebroplastyCost(setup, p, noise);
                if (std::isfinite(cost)) order.emplace_back(cost, g.index(x, y, z));
            }
    std::sort(order.begin(), order.end()); // ties break by index: deterministic
    const float cellMl = g.cellVolumeMl();
    const std::size_t cells = std::min(order.size(), static_cast<std::size_t>(setup.targetVolumeMl / cellMl));
    for (std::size_t k = 0; k < cells; ++k)
        field.fillTime[order[k].second] = float(k + 1) * cellMl / setup.flowMlPerSecond;
    field.injectionSeconds = float(cells) * cellMl / setup.flowMlPerSecond;
    field.finish();
    return field;
}

} // namespace spineviz
