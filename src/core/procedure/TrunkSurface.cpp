#include "core/procedure/TrunkSurface.h"

#include "core/mesh/MeshNormals.h"
#include "core/xray/BodyOutline.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

// Estimates: the trunk goes on 10 cm above T1's body (to the shoulders) and 12 cm below L5's (over
// the pelvis); its last 7 cm at either end round off to a pole.
constexpr float kAboveTop = 0.10f, kBelowBottom = 0.12f, kRoundEnd = 0.07f;
constexpr int kRings = 72, kSegments = 64;
constexpr int kAxisSmoothingPasses = 6;
constexpr float kBendBand = 0.06f; // half-height of the band the skin bends over, metres

// Skin over the tips of the spinous processes, at least this thick (estimate).
constexpr float kSkinOverProcesses = 0.015f;

struct SpinePoint {
    float y;
    glm::vec3 axis; // the trunk's axis at this level, world
};

// The trunk's axis at each vertebra, top to bottom: its back skin kBackSkinToBody behind the
// body's centre, or further back where a spinous process reaches further (the upper thoracic
// spine).
std::vector<SpinePoint> trunkAxis(const Scene& scene, const SpineAnatomy& anatomy) {
    std::vector<SpinePoint> raw;
    for (const VertebraNode& v : anatomy.vertebrae()) {
        const glm::mat4 world = scene.worldTransforms()[static_cast<std::size_t>(v.node)];
        const glm::vec3 c(world * glm::vec4(v.landmarks.origin, 1.0f));
        float back = c.z - xray::kBackSkinToBody;
        const int mesh = scene.nodes[static_cast<std::size_t>(v.node)].mesh;
        if (mesh >= 0)
            for (const Primitive& primitive : scene.meshes[static_cast<std::size_t>(mesh)].primitives)
                for (const glm::vec3& p : primitive.mesh.positions)
                    back = std::min(back, (world * glm::vec4(p, 1.0f)).z - kSkinOverProcesses);
        raw.push_back({c.y, glm::vec3(c.x, c.y, back + xray::kTrunkSemiDepth)});
    }
    std::sort(raw.begin(), raw.end(), [](const SpinePoint& a, const SpinePoint& b) { return a.y > b.y; });
    // Smoothed until no level-to-level step creases the skin (a crease seen edge-on reads as a line).
    for (int pass = 0; pass < kAxisSmoothingPasses; ++pass) {
        const std::vector<SpinePoint> before = raw;
        for (std::size_t i = 1; i + 1 < raw.size(); ++i)
            raw[i].axis = 0.25f * before[i - 1].axis + 0.5f * before[i].axis + 0.25f * before[i + 1].axis;
    }
    return raw;
}

// The axis at height y, linearly between levels, held beyond the ends.
glm::vec3 axisAt(const std::vector<SpinePoint>& curve, float y) {
    if (y >= curve.front().y) return curve.front().axis;
    if (y <= curve.back().y) return curve.back().axis;
    for (std::size_t i = 0; i + 1 < curve.size(); ++i)
        if (y <= curve[i].y && y >= curve[i + 1].y) {
            const float t = (curve[i].y - y) / std::max(curve[i].y - curve[i + 1].y, 1e-6f);
            return curve[i].axis + t * (curve[i + 1].axis - curve[i].axis);
        }
    return curve.back().axis;
}

// The cross-section's scale at distance d (metres) from the nearer end: 1 in the middle, an
// elliptic round-off to 0 at the pole.
float endScale(float d) {
    if (d >= kRoundEnd) return 1.0f;
    const float u = 1.0f - std::max(d, 0.0f) / kRoundEnd;
    return std::sqrt(std::max(1.0f - u * u, 0.0f));
}

} // namespace

MeshData trunkSurface(const Scene& scene, const SpineAnatomy& anatomy) {
    MeshData mesh;
    const std::vector<SpinePoint> curve = trunkAxis(scene, anatomy);
    if (curve.empty()) return mesh;
    const float top = curve.front().y + kAboveTop, bottom = curve.back().y - kBelowBottom;
    const auto pointAt = [&](float y, float scale, float angle) {
        const glm::vec3 axis = axisAt(curve, y);
        return glm::vec3(axis.x + scale * xray::kTrunkSemiLateral * std::cos(angle), y,
                         axis.z + scale * xray::kTrunkSemiDepth * std::sin(angle));
    };
    mesh.positions.push_back(pointAt(top, 0.0f, 0.0f)); // top pole
    for (int r = 1; r < kRings; ++r) {
        const float y = top + (bottom - top) * float(r) / float(kRings);
        const float scale = endScale(std::min(top - y, y - bottom));
        for (int s = 0; s < kSegments; ++s) mesh.positions.push_back(pointAt(y, scale, 6.2831853f * float(s) / float(kSegments)));
    }
    mesh.positions.push_back(pointAt(bottom, 0.0f, 0.0f)); // bottom pole

    // Counter-clockwise seen from outside: the angle runs from +X toward +Z, y downward with r.
    const auto at = [](int r, int s) { return static_cast<std::uint32_t>(1 + (r - 1) * kSegments + s % kSegments); };
    const std::uint32_t last = static_cast<std::uint32_t>(mesh.positions.size() - 1);
    for (int s = 0; s < kSegments; ++s) {
        mesh.indices.insert(mesh.indices.end(), {0u, at(1, s + 1), at(1, s)});
        mesh.indices.insert(mesh.indices.end(), {last, at(kRings - 1, s), at(kRings - 1, s + 1)});
        for (int r = 1; r < kRings - 1; ++r)
            mesh.indices.insert(mesh.indices.end(), {at(r, s), at(r, s + 1), at(r + 1, s + 1), at(r, s), at(r + 1, s + 1), at(r + 1, s)});
    }
    computeVertexNormals(mesh);
    return mesh;
}

MeshData posedTrunk(const MeshData& trunk, const SpinePose& pose, const BodyDeformation& deformation) {
    if (deformation.isIdentity()) return trunk;
    MeshData out = trunk;
    for (glm::vec3& p : out.positions) {
        const glm::vec3 a(pose.worldToAnatomical() * glm::vec4(p, 1.0f));
        const float t = std::clamp((a.y + kBendBand) / (2.0f * kBendBand), 0.0f, 1.0f);
        const float w = t * t * (3.0f - 2.0f * t);
        const glm::vec3 above(deformation.above() * glm::vec4(a, 1.0f));
        p = glm::vec3(pose.anatomicalToWorld() * glm::vec4(a + w * (above - a), 1.0f));
    }
    computeVertexNormals(out);
    return out;
}

} // namespace spineviz
