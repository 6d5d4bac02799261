#include "Parts.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <glm/common.hpp>
#include <glm/vector_relational.hpp>

namespace spine_model {

Part limbPart(const sdf::Limb& limb, float blend) {
    Part part;
    part.kind = Part::Kind::Limb;
    part.limb = limb;
    part.blend = blend;
    part.centre = 0.5f * (limb.a + limb.b);
    const float size = std::max(std::max(limb.sizeA.x, limb.sizeA.y), std::max(limb.sizeB.x, limb.sizeB.y));
    part.radius = 0.5f * glm::length(limb.b - limb.a) + 1.5f * size;
    return part;
}

Part platePart(const sdf::Plate& plate, float blend) {
    Part part;
    part.kind = Part::Kind::Plate;
    part.plate = plate;
    part.blend = blend;
    part.centre = plate.origin;
    float reach = 0.0f, slope = 0.0f;
    for (int i = 0; i < plate.count; ++i) {
        reach = std::max(reach, glm::length(plate.outline[i]));
        slope = std::max(slope, std::abs(glm::dot(plate.thicknessSlope, plate.outline[i])));
    }
    part.radius = reach + plate.corner + plate.halfThickness + slope + std::abs(plate.bend) * reach * reach + 1.0f;
    return part;
}

Part blobPart(const sdf::Blob& blob, float blend) {
    Part part;
    part.kind = Part::Kind::Blob;
    part.blob = blob;
    part.blend = blend;
    part.centre = blob.centre;
    part.radius = 1.2f * std::max(blob.radii.x, std::max(blob.radii.y, blob.radii.z));
    return part;
}

Part bar(const glm::vec3& a, const glm::vec3& b, const glm::vec2& sizeA, const glm::vec2& sizeB, const glm::vec3& widthDir, float blend,
         sdf::Section section, float rounding) {
    sdf::Limb l;
    l.a = a;
    l.b = b;
    l.sizeA = sizeA;
    l.sizeB = sizeB;
    l.widthDir = widthDir;
    l.section = section;
    l.rounding = rounding;
    return limbPart(l, blend);
}

float unionOfParts(const std::vector<Part>& parts, const glm::vec3& p, float start) {
    float f = start;
    for (const Part& part : parts) {
        if (glm::length(p - part.centre) - part.radius > f + part.blend) continue;
        f = sdf::smoothUnion(f, part.distance(p), part.blend);
    }
    return f;
}

Box boundsOf(const std::vector<Part>& parts) {
    Box b{glm::vec3(1e9f), glm::vec3(-1e9f)};
    for (const Part& part : parts) {
        b.lo = glm::min(b.lo, part.centre - glm::vec3(part.radius));
        b.hi = glm::max(b.hi, part.centre + glm::vec3(part.radius));
    }
    return b;
}

PartSet::PartSet(std::vector<Part> parts, float reach, float cell) : parts_(std::move(parts)), reach_(reach), cell_(cell) {
    if (parts_.empty()) return;
    const Box b = boundsOf(parts_);
    origin_ = b.lo - glm::vec3(reach_);
    const glm::vec3 extent = b.hi - b.lo + glm::vec3(2.0f * reach_);
    dims_ = glm::max(glm::ivec3(glm::ceil(extent / cell_)), glm::ivec3(1));
    const std::size_t cells = static_cast<std::size_t>(dims_.x) * static_cast<std::size_t>(dims_.y) * static_cast<std::size_t>(dims_.z);
    std::vector<std::vector<std::uint32_t>> lists(cells);
    for (std::uint32_t i = 0; i < parts_.size(); ++i) {
        const Part& part = parts_[i];
        const float r = part.radius + reach_ + part.blend;
        const glm::ivec3 lo = glm::clamp(glm::ivec3(glm::floor((part.centre - glm::vec3(r) - origin_) / cell_)), glm::ivec3(0), dims_ - 1);
        const glm::ivec3 hi = glm::clamp(glm::ivec3(glm::floor((part.centre + glm::vec3(r) - origin_) / cell_)), glm::ivec3(0), dims_ - 1);
        for (int z = lo.z; z <= hi.z; ++z)
            for (int y = lo.y; y <= hi.y; ++y)
                for (int x = lo.x; x <= hi.x; ++x) {
                    // Keep the part if its sphere comes within r of the cell box.
                    const glm::vec3 boxLo = origin_ + cell_ * glm::vec3(x, y, z), boxHi = boxLo + glm::vec3(cell_);
                    const glm::vec3 nearest = glm::clamp(part.centre, boxLo, boxHi);
                    if (glm::length(nearest - part.centre) > r) continue;
                    lists[static_cast<std::size_t>(x) + static_cast<std::size_t>(dims_.x) * (static_cast<std::size_t>(y) + static_cast<std::size_t>(dims_.y) * static_cast<std::size_t>(z))]
                        .push_back(i);
                }
    }
    first_.reserve(cells + 1);
    for (const auto& list : lists) {
        first_.push_back(static_cast<std::uint32_t>(items_.size()));
        items_.insert(items_.end(), list.begin(), list.end());
    }
    first_.push_back(static_cast<std::uint32_t>(items_.size()));
}

float PartSet::distance(const glm::vec3& p, float start) const {
    if (parts_.empty()) return start;
    const glm::ivec3 c = glm::ivec3(glm::floor((p - origin_) / cell_));
    if (glm::any(glm::lessThan(c, glm::ivec3(0))) || glm::any(glm::greaterThanEqual(c, dims_))) return std::min(start, reach_);
    const std::size_t cell = static_cast<std::size_t>(c.x) + static_cast<std::size_t>(dims_.x) * (static_cast<std::size_t>(c.y) + static_cast<std::size_t>(dims_.y) * static_cast<std::size_t>(c.z));
    float f = start;
    for (std::uint32_t k = first_[cell]; k < first_[cell + 1]; ++k) {
        const Part& part = parts_[items_[k]];
        if (glm::length(p - part.centre) - part.radius > f + part.blend) continue;
        f = sdf::smoothUnion(f, part.distance(p), part.blend);
    }
    return std::min(f, reach_);
}

} // namespace spine_model
