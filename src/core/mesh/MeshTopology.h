#pragma once
// Checks that a mesh is a closed, consistently wound 2-manifold: what the X-ray path-length pass
// and the model generator's tests rely on. Vertices at identical positions count as one vertex,
// so meshes with split normals are judged by their geometry.

#include "core/mesh/MeshData.h"

#include <cstddef>

namespace spineviz {

struct TopologyReport {
    std::size_t triangles = 0;
    std::size_t edges = 0;
    std::size_t boundaryEdges = 0;       // used by one triangle: a hole
    std::size_t nonManifoldEdges = 0;    // used by three or more triangles
    std::size_t misorientedEdges = 0;    // two triangles traverse the edge in the same direction
    std::size_t degenerateTriangles = 0; // repeated vertex or zero area
    std::size_t components = 0;          // edge-connected pieces
    double signedVolume = 0.0;           // positive when faces wind counter-clockwise seen from outside

    bool closedManifold() const {
        return boundaryEdges == 0 && nonManifoldEdges == 0 && misorientedEdges == 0 && degenerateTriangles == 0;
    }
};

TopologyReport analyzeTopology(const MeshData& mesh);

} // namespace spineviz
