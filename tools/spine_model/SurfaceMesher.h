#pragma once
// The whole field-to-mesh pipeline for one part: sample, extract (marching tetrahedra), simplify
// within an error bound, put the vertices back onto the exact surface, and take normals from the
// field's gradient. Checks the result is a closed, consistently wound manifold and throws if not.

#include "FieldSampling.h"
#include "Simplify.h"

#include "core/mesh/MeshData.h"

#include <string>
#include <vector>

namespace spine_model {

struct MeshingOptions {
    float cell = 0.4f;          // mm, sampling step
    float maxError = 0.03f;     // mm, simplification bound
    std::size_t maxTriangles = 0; // 0: no cap
    bool refineChords = false;  // split edges whose midpoints stray more than 2 x maxError from the surface
};

struct SurfaceRequest {
    float isoLevel = 0.0f;      // 0 for the outer surface; -t for a surface t inside
    MeshingOptions options;
};

struct MeshQuality {
    float minAngle = 180.0f;       // degrees, smallest angle of any triangle
    std::size_t below10 = 0, below20 = 0;
    float fractionBelow10 = 0.0f;  // of triangles whose smallest angle is under 10 / 20 degrees
    float fractionBelow20 = 0.0f;
    float maxDeviation = 0.0f;     // mm, largest |field - iso| at a triangle centroid
};
MeshQuality measureQuality(const spineviz::MeshData& mesh, const Field& field, float iso);

struct MeshingStats {
    std::size_t rawTriangles = 0;     // extracted, before simplification
    std::size_t specksRemoved = 0;    // pieces smaller than kSpeckSize dropped
};

// Pieces of an extracted surface whose bounding box is smaller than this (mm) are dropped: sub-
// millimetre islands the blends leave (a wisp where two fillets part, a sliver at a disc's rim), not
// anatomy. Anything anatomical is far larger.
inline constexpr float kSpeckSize = 1.5f;

// Meshes one or more iso-surfaces of `field` (sharing one sampling pass). Positions stay in mm.
std::vector<spineviz::MeshData> meshField(const std::string& name, const Field& field, const Box& box,
                                          const std::vector<SurfaceRequest>& requests, MeshingStats* stats = nullptr);

} // namespace spine_model
