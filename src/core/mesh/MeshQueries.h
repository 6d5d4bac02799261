#pragma once
// Geometry queries on a closed mesh, in the mesh's own space: ray crossings, inside or outside,
// distance to the surface. Brute force over the triangles: meant for one bone or a test mesh, not
// for a whole scene every frame.

#include "core/mesh/MeshData.h"

#include <glm/vec3.hpp>

#include <vector>

namespace spineviz {

// Distances to every crossing of the ray (origin + t*dir, t > 0), sorted.
std::vector<float> rayHits(const MeshData& mesh, const glm::vec3& origin, const glm::vec3& dir);
bool insideMesh(const MeshData& mesh, const glm::vec3& p);
float distanceToMesh(const MeshData& mesh, const glm::vec3& p);

} // namespace spineviz
