#pragma once
#include "core/mesh/MeshData.h"

namespace spineviz {

// Fills mesh.normals with angle-weighted vertex normals (smooth wherever vertices are shared).
void computeVertexNormals(MeshData& mesh);

} // namespace spineviz
