#pragma once
// The few primitives the instrument models are made of. Each one produces a CLOSED, consistently
// wound 2-manifold (what the X-ray path-length pass needs): a loft through rings of points that
// share one column count; the lathe, swept tube and rounded box are lofts.
//
// Normals: smooth (area-weighted) within a run of rings, split at rings marked as creases and at
// flat end caps. Split vertices keep bit-identical positions, so analyzeTopology, which welds by
// position, still sees one closed surface.

#include "core/mesh/MeshData.h"

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <functional>
#include <vector>

namespace spineviz::instruments {

// Points around an axis, counter-clockwise when seen looking down the direction in which the loft
// advances; every ring of a loft has the same count. A ring whose points all coincide is a pole.
using Ring = std::vector<glm::vec3>;

struct Loft {
    std::vector<Ring> rings;
    std::vector<bool> crease; // one per ring: split the normals across this ring
    bool closed = false;      // the last ring joins the first (a torus-like loop, e.g. a hollow tube)

    void add(Ring ring, bool isCrease = false) {
        rings.push_back(std::move(ring));
        crease.push_back(isCrease);
    }
};

// Appends the surface through the rings. An open loft whose end ring is not a pole is closed with
// a flat cap (a fan to the ring's centroid, with its own normals). Triangles that would repeat a
// position (rings that touch at a point) are left out, so collapsed corners stay manifold. The
// winding is chosen so that the loft's enclosed volume is positive. The loft must not
// self-intersect; that is up to the caller.
void appendLoft(MeshData& out, const Loft& loft);

// A surface of revolution about +Z. Profile points are (r, z); r == 0 makes a pole on the axis.
// With closed == false the profile runs from one end to the other (ends off the axis get flat
// caps); with closed == true it is a loop (e.g. the cross-section of a tube wall). Either
// direction works.
struct ProfilePoint {
    float r = 0.0f;
    float z = 0.0f;
    bool crease = false;
};
using Profile = std::vector<ProfilePoint>;
Loft latheLoft(const Profile& profile, int segments, bool closed = false);
MeshData lathe(const Profile& profile, int segments, bool closed = false);

// A ring of radius r at height z: the lathe's ring (shared so that rings meet exactly).
Ring circleRing(float r, float z, int segments);

// A solid whose cross-section around +Z is star-shaped: radius(theta, z) at each row z (rows in any
// order along the axis, at least two). Rows where every radius is zero become poles; other end rows
// get flat caps. Used for fluted drills, scalloped grips and threads.
MeshData radialSolid(const std::vector<float>& rowsZ, int segments, const std::function<float(float theta, float z)>& radius);

// A solid round tube of the given radius swept along a polyline (>= 2 points, no sharp kinks
// tighter than the radius), with flat end caps. Frames are parallel-transported, so it does not twist.
MeshData sweptTube(const std::vector<glm::vec3>& path, float radius, int segments);

// Box of half extents h (> 0) grown by a rounding radius (> 0): the Minkowski sum of a box and a
// sphere, centred at the origin. cornerSegments subdivide each quarter-round.
MeshData roundedBox(const glm::vec3& halfExtents, float radius, int cornerSegments);

// A hollow tube (wall between inner and outer radius) from z0 to z1 with square ends.
MeshData tube(float innerRadius, float outerRadius, float z0, float z1, int segments);

// Transforms positions and normals; a mirroring transform also reverses the winding, so the mesh
// stays outward-facing.
void transformMesh(MeshData& mesh, const glm::mat4& transform);
void appendMesh(MeshData& out, const MeshData& in);

// Gives the triangles whose centroid satisfies the predicate their own vertices with the face
// normal (crisp facets, e.g. a diamond trocar tip). Positions are unchanged.
void flatShade(MeshData& mesh, const std::function<bool(const glm::vec3& centroid)>& where);

// Signed volume of a closed mesh (positive when it faces outward).
double signedVolume(const MeshData& mesh);

} // namespace spineviz::instruments
