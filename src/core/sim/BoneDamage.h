#pragma once
// The ways out of a vertebral body that cement can take, and the fracture cleft that leads to
// some of them. Drawn per patient from the fracture (see drawBoneDamage in BoneField.h), or given
// explicitly (tests, teaching cases). Anatomical frame of the treated vertebra: x left, y superior,
// z anterior, metres, origin at the body centre, healthy pose.

#include "core/sim/Leak.h"

#include <glm/vec3.hpp>

#include <cstdint>
#include <vector>

namespace spineviz {

enum class ExitKind : std::uint8_t {
    BasivertebralForamen, // mid posterior wall: the basivertebral vein leaves for the epidural plexus
    SegmentalForamen,     // lateral / anterolateral wall: a vein to the segmental vein
    EndplateBreak,        // a crack through an endplate into the disc
    WallBreak,            // a crack through the cortical wall (paravertebral; canal when posterior)
};

const char* exitKindName(ExitKind kind);

struct CementExit {
    ExitKind kind = ExitKind::WallBreak;
    LeakType leakType = LeakType::Paravertebral; // what a leak through it is called
    glm::vec3 position{0.0f};  // centre of the opening on the outer cortex
    glm::vec3 normal{0.0f, 0.0f, 1.0f}; // outward, unit
    float radius = 0.001f;     // foramina: opening radius; cracks (endplate, wall): half-length
    float width = 0.0f;        // cracks: how far they gape (metres)
    glm::vec3 direction{1.0f, 0.0f, 0.0f}; // endplate cracks: along the endplate (unit, y = 0)
    float vesselRadius = 0.0f; // foramina: the vein's radius, inside and beyond the wall
    float innerLength = 0.0f;  // foramina: how far the venous channel runs into the body
    float entryPressurePa = 300.0f; // pressure cement needs to enter it (vein wall, periosteum, disc)
};

// A fracture cleft: crushed, more open bone where the body collapsed, or the fracture line behind
// a crack. An ellipsoid with one horizontal axis along `along`, one vertical, one across.
struct FractureCleft {
    glm::vec3 centre{0.0f};
    glm::vec3 halfSize{0.005f, 0.0015f, 0.005f}; // along, vertical, across (metres)
    glm::vec3 along{1.0f, 0.0f, 0.0f};           // horizontal unit vector

    bool contains(const glm::vec3& p) const {
        const glm::vec3 d = p - centre;
        const glm::vec3 across(-along.z, 0.0f, along.x);
        const float a = (d.x * along.x + d.z * along.z) / halfSize.x, b = d.y / halfSize.y, c = (d.x * across.x + d.z * across.z) / halfSize.z;
        return a * a + b * b + c * c <= 1.0f;
    }
};

struct BoneDamage {
    std::vector<CementExit> exits;
    std::vector<FractureCleft> clefts;
};

} // namespace spineviz
