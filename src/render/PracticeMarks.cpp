#include "render/PracticeMarks.h"

#include "core/instruments/MeshBuilder.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <cmath>

namespace spineviz {
namespace {

constexpr float kBeadRadius = 0.0025f;  // larger than the needle, so it shows around it
constexpr float kRodRadius = 0.0007f;

// Places a unit rod along +Z from `from` to `to`.
glm::mat4 rodMatrix(const glm::vec3& from, const glm::vec3& to) {
    const glm::vec3 z = to - from;
    const float length = glm::length(z);
    const glm::vec3 dir = z / std::max(length, 1e-6f);
    const glm::vec3 helper = std::abs(dir.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    const glm::vec3 x = glm::normalize(glm::cross(helper, dir)), y = glm::cross(dir, x);
    return glm::mat4(glm::vec4(x * kRodRadius, 0), glm::vec4(y * kRodRadius, 0), glm::vec4(z, 0), glm::vec4(from, 1));
}

} // namespace

void PracticeMarksDrawer::append(const PracticeMarks& marks, FrameScene& out) {
    if (!bead_) {
        bead_ = std::make_unique<GpuMesh>();
        bead_->upload(instruments::roundedBox(glm::vec3(1e-4f), 1.0f, 6));
        rod_ = std::make_unique<GpuMesh>();
        rod_->upload(instruments::sweptTube({glm::vec3(0, 0, 0), glm::vec3(0, 0, 1)}, 1.0f, 12));
    }
    for (const glm::vec3& p : marks.breaches) {
        DrawItem item;
        item.mesh = bead_.get();
        item.model = glm::scale(glm::translate(glm::mat4(1.0f), p), glm::vec3(kBeadRadius));
        item.look.baseColor = {0.85f, 0.08f, 0.06f, 1.0f};
        item.look.roughness = 0.4f;
        out.items.push_back(item);
    }
    for (const auto& [from, to] : marks.idealPaths) {
        DrawItem item;
        item.mesh = rod_.get();
        item.model = rodMatrix(from, to);
        item.look.baseColor = {0.20f, 0.80f, 0.45f, 0.85f};
        item.look.roughness = 0.5f;
        out.items.push_back(item);
    }
}

} // namespace spineviz
