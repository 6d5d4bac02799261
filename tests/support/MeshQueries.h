#pragma once
// Geometry queries on a closed mesh, in the mesh's own space, for tests: ray crossings, inside or
// outside, distance to the surface. Brute force over the triangles: fine for test-sized meshes.

#include "core/mesh/MeshData.h"

#include <glm/vec3.hpp>

#include <vector>

// Distances to every crossing of the ray (origin + t*dir, t > 0), sorted.
std::vector<float> rayHits(const spineviz::MeshData& mesh, const glm::vec3& origin, const glm::vec3& dir);
bool insideMesh(const spineviz::MeshData& mesh, const glm::vec3& p);
float distanceToMesh(const spineviz::MeshData& mesh, const glm::vec3& p);
