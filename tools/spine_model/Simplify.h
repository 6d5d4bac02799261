#pragma once
// Error-bounded, topology-preserving simplification of a closed manifold mesh: quadric-error edge
// collapses (Garland & Heckbert) that keep the mesh a 2-manifold (link condition), never fold a
// triangle, and never make the worst triangle worse than a quality floor; then edge flips that
// raise the smallest angles where the surface is nearly flat. Deterministic: ties break by index.

#include "core/mesh/MeshData.h"

#include <glm/vec3.hpp>

#include <cstddef>
#include <functional>

namespace spine_model {

struct SimplifyOptions {
    double maxError = 0.03;           // mm: stop when a collapse would move the surface further (RMS over its planes)
    std::size_t targetTriangles = 0;  // stop early when reached (0: only the error bound stops)
    double minQuality = 0.35;         // 4*sqrt(3)*area / sum(edge^2): 1 equilateral, ~0.35 means min angle ~15 deg
    // Optional |distance| to the true surface: lets flips work on curved patches without leaving it.
    std::function<float(const glm::vec3&)> surfaceDistance;
};

void simplifyMesh(spineviz::MeshData& mesh, const SimplifyOptions& options);

// Only the edge-flip pass of the above.
void flipForQuality(spineviz::MeshData& mesh, const SimplifyOptions& options);

// Quality of a triangle as used above (0 degenerate, 1 equilateral).
double triangleQuality(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c);

} // namespace spine_model
