#pragma once
// The vertebral body as cement sees it, on the cement grid: what each voxel is (trabecular bone,
// cortex, fracture cleft, balloon cavity, a vein or crack leading out, tissue a leak spreads into),
// and how easily cement enters it (permeability, entry pressure, pore space).
//
// Osteoporotic trabecular bone by default: Darcy permeability 4.45e-8 m^2 superior-inferior and
// ~78 % of that anterior-posterior (Baroud 2004, J Biomech 37:189), with a seeded heterogeneous
// field; the cortical shell is impermeable except where an exit opens it. Everything is a pure
// function of the setup (seed included). Not thread-safe: material() caches as it goes.

#include "core/sim/BoneDamage.h"
#include "core/sim/CementModel.h"
#include "core/sim/VoxelGrid.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace spineviz {

enum class VoxelMaterial : std::uint8_t {
    Outside, // soft tissue, disc or canal where no exit leads: cement never goes there
    Cortex,  // intact cortical shell: impermeable
    Bone,    // trabecular bone
    Cleft,   // fracture cleft: crushed, more open bone
    Rim,     // bone compacted around a balloon cavity
    Cavity,  // the balloon's cavity (kyphoplasty): empty space
    Vessel,  // a vein that drains the body through a foramen (inside the body and through the cortex)
    Opening, // the hole a fracture crack makes in the cortex
    Leak,    // outside the body, along an exit: where a leak through it goes
};

const char* voxelMaterialName(VoxelMaterial material);
// Where the injected cement stays in the body (retained): bone, cleft, rim, cavity, crack openings.
inline bool isBulk(VoxelMaterial m) {
    return m == VoxelMaterial::Bone || m == VoxelMaterial::Cleft || m == VoxelMaterial::Rim || m == VoxelMaterial::Cavity ||
           m == VoxelMaterial::Opening;
}
// Where leaked cement goes: veins (from the moment cement enters them, inside the body or out) and
// the tissue beyond a crack.
inline bool isLeakPath(VoxelMaterial m) { return m == VoxelMaterial::Vessel || m == VoxelMaterial::Leak; }

// Properties of the bone for one quality (osteoporotic by default).
struct BoneParameters {
    float permeability = 4.45e-8f; // m^2, superior-inferior mean
    float transverseRatio = 0.78f; // AP (and, assumed, ML) over SI
    float porosity = 0.88f;        // share of a voxel cement can fill
    float entryPressurePa = 500.0f; // typical pressure to push cement from pore to pore (model, calibrated)
};
BoneParameters boneParameters(BoneQuality quality);

// The grid cement is simulated on: cubic cells small enough that the body's box holds at least 64^3
// of them (0.5 mm at most), with an 8 mm margin around the body for leaks.
VoxelGrid cementFlowGrid(const BodyFrame& body);

// The exits and clefts of this patient's fractured body, drawn from the fracture (morphology, grade)
// and the seed. Calibrated against clinical leak rates (docs/cement.md).
BoneDamage drawBoneDamage(const CementSetup& setup);

class BoneField {
public:
    explicit BoneField(const CementSetup& setup);

    const VoxelGrid& grid() const { return grid_; }
    const BoneDamage& damage() const { return damage_; }
    const std::vector<CementExit>& exits() const { return damage_.exits; }
    const BoneParameters& parameters() const { return params_; }
    const BodyFrame& body() const { return body_; }
    float shellThickness() const { return shell_; } // the cortex as simulated (at least 1.5 cells: watertight)

    VoxelMaterial material(std::size_t voxel) const;
    VoxelMaterial materialAt(const glm::vec3& p) const; // of the voxel holding p (Outside beyond the grid)
    int exitOf(std::size_t voxel) const; // the exit of an Opening, Vessel or Leak voxel; else -1
    int cavityOf(const glm::vec3& p) const;              // -1 outside every cavity
    float cavityRadius(int cavity) const;                // radius of the sphere of the same volume (m)

    float permeability(std::size_t voxel) const;  // m^2, superior-inferior direction, with the seeded heterogeneity
    // Permeability as the pressure field sees it: the mean of the bone times its material's factor
    // (cleft, rim, vessel, opening). The mm-scale heterogeneity acts through entry pressures instead.
    float conductivity(std::size_t voxel) const;
    float entryPressure(std::size_t voxel) const; // Pa
    float porosity(std::size_t voxel) const;      // fraction of the cell cement can fill

    bool inInterior(const glm::vec3& p) const; // inside the cortical shell
    float outwardDistance(const glm::vec3& p) const; // signed distance to the outer surface (> 0 outside), approximate
    bool inOuter(const glm::vec3& p) const;    // inside the body's outer surface
    float posteriorQuarterZ() const;           // the posterior quarter of the body begins here (z)
    float stopZ() const;                       // surgeons stop when cement passes this (z): the posterior quarter, or just behind a balloon cavity
    glm::vec3 centre(std::size_t voxel) const;

private:
    void rasterise();
    template <class Test> void tag(int exit, VoxelMaterial role, const glm::vec3& lo, const glm::vec3& hi, Test test);
    void tagTubes(int exit, VoxelMaterial role, const std::vector<std::pair<glm::vec3, glm::vec3>>& segments, float radius);
    VoxelMaterial classify(const glm::vec3& p) const;
    bool nearCavity(const glm::vec3& p) const;
    float smoothNoise(const glm::vec3& p) const;
    float whiteNoise(std::size_t voxel, std::uint64_t purpose) const;

    BodyFrame body_;
    VoxelGrid grid_;
    BoneDamage damage_;
    BoneParameters params_;
    std::vector<Ellipsoid> cavities_;
    float shell_ = 0.001f;
    float canalWidth_ = 0.022f;
    std::uint32_t seed_ = 1;
    mutable std::vector<std::uint8_t> material_; // kUnknown until first asked
    std::vector<std::uint8_t> exitTag_;          // exit + 1, 0 for none
    std::vector<std::uint8_t> exitRole_;         // VoxelMaterial of the tag (Opening, Vessel, Leak)
    // Coarse lattice of seeded values for the smooth heterogeneity of the bone.
    std::vector<float> lattice_;
    glm::vec3 latticeOrigin_{0.0f};
    float latticeSpacing_ = 0.003f;
    int lx_ = 0, ly_ = 0, lz_ = 0;
};

} // namespace spineviz
