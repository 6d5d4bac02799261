#pragma once
// A shape as a list of parts (limbs, plates, ellipsoids), each blended onto the ones before it with
// its own fillet radius, and each with a bounding sphere so that parts far from a point are skipped.

#include "FieldSampling.h"
#include "Sdf.h"

#include <glm/vec3.hpp>

#include <cstdint>
#include <vector>

namespace spine_model {

struct Part {
    enum class Kind : unsigned char { Limb, Plate, Blob };
    Kind kind = Kind::Limb;
    sdf::Limb limb;
    sdf::Plate plate;
    sdf::Blob blob;
    float blend = 0.0f;        // fillet radius where it meets the parts before it
    glm::vec3 centre{0.0f};    // bounding sphere
    float radius = 0.0f;

    float distance(const glm::vec3& p) const {
        switch (kind) {
        case Kind::Limb: return sdf::limb(p, limb);
        case Kind::Plate: return sdf::plate(p, plate);
        case Kind::Blob: return sdf::blob(p, blob);
        }
        return 1e9f;
    }
};

Part limbPart(const sdf::Limb& limb, float blend);
Part platePart(const sdf::Plate& plate, float blend);
Part blobPart(const sdf::Blob& blob, float blend);

// A tapered bar (see sdf::Limb) as a part.
Part bar(const glm::vec3& a, const glm::vec3& b, const glm::vec2& sizeA, const glm::vec2& sizeB, const glm::vec3& widthDir, float blend,
         sdf::Section section = sdf::Section::Ellipse, float rounding = 0.5f);

// An ellipsoidal cup carved into a bone (or a disc) around something that articulates with it.
struct Socket {
    glm::vec3 centre{0.0f};
    glm::vec3 radii{1.0f}; // along the axes below
    glm::vec3 axes[3] = {glm::vec3(1, 0, 0), glm::vec3(0, 1, 0), glm::vec3(0, 0, 1)};
    float distance(const glm::vec3& p) const {
        const glm::vec3 d = p - centre;
        return sdf::ellipsoid(glm::vec3(glm::dot(d, axes[0]), glm::dot(d, axes[1]), glm::dot(d, axes[2])), radii);
    }
};

// Smooth union of the parts onto `start`, in order, skipping those that cannot change the result.
float unionOfParts(const std::vector<Part>& parts, const glm::vec3& p, float start = 1e9f);

// Box around all bounding spheres.
Box boundsOf(const std::vector<Part>& parts);

// A list of parts with a coarse spatial index, for shapes of many parts (a cord is a hundred limbs):
// a point only visits the parts listed in its grid cell. The result is the exact union wherever it is
// below `reach` (mm), and `reach` elsewhere, which is below the true value: enough for sampling (only
// the sign matters far from the surface) and exact where surfaces are extracted.
class PartSet {
public:
    PartSet() = default;
    explicit PartSet(std::vector<Part> parts, float reach = 8.0f, float cell = 6.0f);

    float distance(const glm::vec3& p, float start = 1e9f) const;
    const std::vector<Part>& parts() const { return parts_; }
    Box bounds() const { return boundsOf(parts_); }

private:
    std::vector<Part> parts_;
    float reach_ = 8.0f, cell_ = 6.0f;
    glm::vec3 origin_{0.0f};
    glm::ivec3 dims_{0};
    std::vector<std::uint32_t> first_; // per cell, into items_ (one extra at the end)
    std::vector<std::uint32_t> items_; // part indices, ascending within a cell (blend order)
};

} // namespace spine_model
