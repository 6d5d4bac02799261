#include "core/instruments/MeshBuilder.h"

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>
#include <glm/vec4.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace spineviz::instruments {
namespace {

constexpr double kTwoPi = 6.283185307179586476925;

bool isPole(const Ring& ring) {
    for (const glm::vec3& p : ring)
        if (p != ring.front()) return false;
    return true;
}

glm::vec3 centroid(const Ring& ring) {
    glm::dvec3 sum(0.0);
    for (const glm::vec3& p : ring) sum += glm::dvec3(p);
    return glm::vec3(sum / static_cast<double>(ring.size()));
}

// Unit circle samples shared by every ring of one loft, so rings of equal radius meet exactly.
std::vector<glm::vec2> unitCircle(int segments) {
    std::vector<glm::vec2> circle(static_cast<std::size_t>(segments));
    for (int j = 0; j < segments; ++j) {
        const double angle = kTwoPi * j / segments;
        circle[static_cast<std::size_t>(j)] = glm::vec2(static_cast<float>(std::cos(angle)), static_cast<float>(std::sin(angle)));
    }
    return circle;
}

} // namespace

Ring circleRing(float r, float z, int segments) {
    Ring ring(static_cast<std::size_t>(segments), glm::vec3(0.0f, 0.0f, z));
    if (r == 0.0f) return ring; // an exact pole (no signed zeros)
    for (int j = 0; j < segments; ++j) {
        const double angle = kTwoPi * j / segments;
        ring[static_cast<std::size_t>(j)] =
            glm::vec3(r * static_cast<float>(std::cos(angle)), r * static_cast<float>(std::sin(angle)), z);
    }
    return ring;
}

void appendLoft(MeshData& out, const Loft& loft) {
    if (loft.rings.size() < 2) return;
    const std::size_t n = loft.rings.front().size();
    if (n < 3) return;
    for (const Ring& ring : loft.rings)
        if (ring.size() != n) return; // malformed: every ring needs the same column count

    // The ring sequence to stitch, with flat caps added to open ends that are not poles.
    std::vector<Ring> caps;
    caps.reserve(2);
    std::vector<const Ring*> seq;
    std::vector<bool> crease;
    seq.reserve(loft.rings.size() + 3);
    crease.reserve(loft.rings.size() + 3);
    bool cyclic = false;
    if (!loft.closed) {
        const bool capFront = !isPole(loft.rings.front());
        const bool capBack = !isPole(loft.rings.back());
        if (capFront) {
            caps.emplace_back(n, centroid(loft.rings.front()));
            seq.push_back(&caps.back());
            crease.push_back(true);
        }
        for (std::size_t i = 0; i < loft.rings.size(); ++i) {
            seq.push_back(&loft.rings[i]);
            crease.push_back(loft.crease.size() > i && loft.crease[i]);
        }
        if (capFront) crease[1] = true;
        if (capBack) {
            crease.back() = true;
            caps.emplace_back(n, centroid(loft.rings.back()));
            seq.push_back(&caps.back());
            crease.push_back(true);
        }
    } else {
        std::size_t first = loft.rings.size();
        for (std::size_t i = 0; i < loft.rings.size(); ++i)
            if (loft.crease.size() > i && loft.crease[i]) { first = i; break; }
        if (first == loft.rings.size()) {
            cyclic = true; // one smooth run all the way round
            for (const Ring& ring : loft.rings) {
                seq.push_back(&ring);
                crease.push_back(false);
            }
        } else { // start and end at a crease: the loop becomes an open run sequence
            for (std::size_t k = 0; k <= loft.rings.size(); ++k) {
                const std::size_t i = (first + k) % loft.rings.size();
                seq.push_back(&loft.rings[i]);
                crease.push_back(loft.crease.size() > i && loft.crease[i]);
            }
        }
    }

    const std::size_t firstVertex = out.positions.size();
    const std::size_t firstIndex = out.indices.size();
    auto addTriangle = [&out](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        const glm::vec3 &pa = out.positions[a], &pb = out.positions[b], &pc = out.positions[c];
        if (pa == pb || pb == pc || pa == pc) return; // rings touching at a point
        out.indices.insert(out.indices.end(), {a, b, c});
    };
    // Stitches ring-vertex blocks a and b (each n vertices, poles included as n copies).
    auto stitch = [&](std::uint32_t a, std::uint32_t b, bool poleA, bool poleB) {
        for (std::uint32_t j = 0; j < n; ++j) {
            const std::uint32_t j1 = static_cast<std::uint32_t>((j + 1) % n);
            if (poleA && poleB) return;
            if (poleA) addTriangle(a + j, b + j1, b + j);
            else if (poleB) addTriangle(a + j, a + j1, b + j);
            else {
                addTriangle(a + j, a + j1, b + j1);
                addTriangle(a + j, b + j1, b + j);
            }
        }
    };

    // Each run of rings between creases gets its own vertices, so normals are smooth inside a run
    // and split between runs.
    std::size_t start = 0;
    while (start + 1 < seq.size() || (cyclic && start == 0)) {
        std::size_t end = start + 1;
        if (!cyclic)
            while (end + 1 < seq.size() && !crease[end]) ++end;
        else
            end = seq.size() - 1;
        const std::uint32_t base = static_cast<std::uint32_t>(out.positions.size());
        for (std::size_t k = start; k <= end; ++k) out.positions.insert(out.positions.end(), seq[k]->begin(), seq[k]->end());
        std::vector<bool> pole(end - start + 1);
        for (std::size_t k = start; k <= end; ++k) pole[k - start] = isPole(*seq[k]);
        for (std::size_t k = start; k < end; ++k) {
            const std::size_t local = k - start;
            stitch(base + static_cast<std::uint32_t>(local * n), base + static_cast<std::uint32_t>((local + 1) * n), pole[local],
                   pole[local + 1]);
        }
        if (cyclic) {
            const std::size_t last = end - start;
            stitch(base + static_cast<std::uint32_t>(last * n), base, pole[last], pole[0]);
            break;
        }
        start = end;
    }

    // Outward winding: the loft's own closed surface must enclose a positive volume.
    double volume = 0.0;
    for (std::size_t t = firstIndex; t + 2 < out.indices.size(); t += 3) {
        const glm::dvec3 a(out.positions[out.indices[t]]), b(out.positions[out.indices[t + 1]]),
            c(out.positions[out.indices[t + 2]]);
        volume += glm::dot(a, glm::cross(b, c));
    }
    if (volume < 0.0)
        for (std::size_t t = firstIndex; t + 2 < out.indices.size(); t += 3) std::swap(out.indices[t + 1], out.indices[t + 2]);

    // Area-weighted normals of the new vertices (runs share no vertices, so creases stay sharp).
    out.normals.resize(firstVertex, glm::vec3(0.0f, 0.0f, 1.0f));
    out.normals.resize(out.positions.size(), glm::vec3(0.0f));
    for (std::size_t t = firstIndex; t + 2 < out.indices.size(); t += 3) {
        const std::uint32_t i0 = out.indices[t], i1 = out.indices[t + 1], i2 = out.indices[t + 2];
        const glm::vec3 face = glm::cross(out.positions[i1] - out.positions[i0], out.positions[i2] - out.positions[i0]);
        out.normals[i0] += face;
        out.normals[i1] += face;
        out.normals[i2] += face;
    }
    for (std::size_t v = firstVertex; v < out.normals.size(); ++v) {
        const float length = glm::length(out.normals[v]);
        out.normals[v] = length > 0.0f ? out.normals[v] / length : glm::vec3(0.0f, 0.0f, 1.0f);
    }
}

Loft latheLoft(const Profile& profile, int segments, bool closed) {
    Loft loft;
    loft.closed = closed;
    loft.rings.reserve(profile.size());
    for (const ProfilePoint& p : profile) loft.add(circleRing(p.r, p.z, segments), p.crease);
    return loft;
}

MeshData lathe(const Profile& profile, int segments, bool closed) {
    MeshData mesh;
    appendLoft(mesh, latheLoft(profile, segments, closed));
    return mesh;
}

MeshData radialSolid(const std::vector<float>& rowsZ, int segments, const std::function<float(float, float)>& radius) {
    const std::vector<glm::vec2> circle = unitCircle(segments);
    Loft loft;
    loft.rings.reserve(rowsZ.size());
    for (float z : rowsZ) {
        Ring ring(circle.size(), glm::vec3(0.0f, 0.0f, z));
        bool allZero = true;
        for (std::size_t j = 0; j < circle.size(); ++j) {
            const float theta = static_cast<float>(kTwoPi * static_cast<double>(j) / segments);
            const float r = std::max(0.0f, radius(theta, z));
            if (r > 0.0f) allZero = false;
            ring[j] = glm::vec3(r * circle[j].x, r * circle[j].y, z);
        }
        if (allZero) std::fill(ring.begin(), ring.end(), glm::vec3(0.0f, 0.0f, z));
        loft.add(std::move(ring));
    }
    MeshData mesh;
    appendLoft(mesh, loft);
    return mesh;
}

MeshData sweptTube(const std::vector<glm::vec3>& path, float radius, int segments) {
    MeshData mesh;
    if (path.size() < 2) return mesh;
    const std::vector<glm::vec2> circle = unitCircle(segments);
    const std::size_t count = path.size();
    std::vector<glm::vec3> tangents(count);
    for (std::size_t i = 0; i < count; ++i) {
        const glm::vec3 d = path[std::min(i + 1, count - 1)] - path[i > 0 ? i - 1 : 0];
        tangents[i] = glm::normalize(d);
    }
    // A start normal perpendicular to the first tangent, then parallel transport.
    const glm::vec3 t0 = tangents[0];
    glm::vec3 normal = std::abs(t0.y) < 0.9f ? glm::vec3(0.0f, 1.0f, 0.0f) : glm::vec3(1.0f, 0.0f, 0.0f);
    normal = glm::normalize(normal - t0 * glm::dot(normal, t0));
    Loft loft;
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) { // rotate the normal by the turn from the previous tangent to this one
            const glm::vec3 n = normal - tangents[i] * glm::dot(normal, tangents[i]);
            normal = glm::normalize(n);
        }
        const glm::vec3 binormal = glm::cross(tangents[i], normal);
        Ring ring(circle.size());
        for (std::size_t j = 0; j < circle.size(); ++j)
            ring[j] = path[i] + radius * (circle[j].x * normal + circle[j].y * binormal);
        loft.add(std::move(ring));
    }
    appendLoft(mesh, loft);
    return mesh;
}

MeshData roundedBox(const glm::vec3& h, float radius, int cornerSegments) {
    // Rings along z: rounded rectangles whose corner radius follows the quarter-round of the edge.
    const int m = std::max(1, cornerSegments);
    const glm::vec2 corner[4] = {{h.x, h.y}, {-h.x, h.y}, {-h.x, -h.y}, {h.x, -h.y}};
    auto ringAt = [&](float z, float rho) {
        Ring ring;
        ring.reserve(static_cast<std::size_t>(4 * (m + 1)));
        for (int c = 0; c < 4; ++c)
            for (int k = 0; k <= m; ++k) {
                const double beta = 0.25 * kTwoPi * (c + static_cast<double>(k) / m);
                ring.emplace_back(corner[c].x + rho * static_cast<float>(std::cos(beta)),
                                  corner[c].y + rho * static_cast<float>(std::sin(beta)), z);
            }
        return ring;
    };
    Loft loft;
    for (int k = 0; k <= m; ++k) { // bottom edge: from the flat face (rho 0) to the side (rho = radius)
        const double alpha = 0.25 * kTwoPi * k / m;
        loft.add(ringAt(-h.z - radius * static_cast<float>(std::cos(alpha)), radius * static_cast<float>(std::sin(alpha))));
    }
    for (int k = m; k >= 0; --k) {
        const double alpha = 0.25 * kTwoPi * k / m;
        loft.add(ringAt(h.z + radius * static_cast<float>(std::cos(alpha)), radius * static_cast<float>(std::sin(alpha))));
    }
    MeshData mesh;
    appendLoft(mesh, loft);
    return mesh;
}

MeshData tube(float innerRadius, float outerRadius, float z0, float z1, int segments) {
    return lathe({{innerRadius, z0, true}, {outerRadius, z0, true}, {outerRadius, z1, true}, {innerRadius, z1, true}}, segments,
                 true);
}

void transformMesh(MeshData& mesh, const glm::mat4& transform) {
    const glm::mat3 linear(transform);
    const glm::mat3 normalMatrix = glm::transpose(glm::inverse(linear));
    for (glm::vec3& p : mesh.positions) p = glm::vec3(transform * glm::vec4(p, 1.0f));
    for (glm::vec3& nrm : mesh.normals) {
        const glm::vec3 t = normalMatrix * nrm;
        const float length = glm::length(t);
        nrm = length > 0.0f ? t / length : nrm;
    }
    if (glm::determinant(linear) < 0.0f)
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
}

void appendMesh(MeshData& out, const MeshData& in) {
    const std::uint32_t base = static_cast<std::uint32_t>(out.positions.size());
    out.normals.resize(out.positions.size(), glm::vec3(0.0f, 0.0f, 1.0f));
    out.positions.insert(out.positions.end(), in.positions.begin(), in.positions.end());
    if (in.normals.size() == in.positions.size()) out.normals.insert(out.normals.end(), in.normals.begin(), in.normals.end());
    else out.normals.resize(out.positions.size(), glm::vec3(0.0f, 0.0f, 1.0f));
    out.indices.reserve(out.indices.size() + in.indices.size());
    for (std::uint32_t i : in.indices) out.indices.push_back(base + i);
}

void flatShade(MeshData& mesh, const std::function<bool(const glm::vec3&)>& where) {
    mesh.normals.resize(mesh.positions.size(), glm::vec3(0.0f, 0.0f, 1.0f));
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                        c = mesh.positions[mesh.indices[t + 2]];
        if (!where((a + b + c) / 3.0f)) continue;
        const glm::vec3 face = glm::cross(b - a, c - a);
        const float length = glm::length(face);
        const glm::vec3 normal = length > 0.0f ? face / length : glm::vec3(0.0f, 0.0f, 1.0f);
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t old = mesh.indices[t + static_cast<std::size_t>(k)];
            const glm::vec3 position = mesh.positions[old];
            mesh.positions.push_back(position);
            mesh.normals.push_back(normal);
            mesh.indices[t + static_cast<std::size_t>(k)] = static_cast<std::uint32_t>(mesh.positions.size() - 1);
        }
    }
}

double signedVolume(const MeshData& mesh) {
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a(mesh.positions[mesh.indices[t]]), b(mesh.positions[mesh.indices[t + 1]]),
            c(mesh.positions[mesh.indices[t + 2]]);
        volume += glm::dot(a, glm::cross(b, c));
    }
    return volume / 6.0;
}

} // namespace spineviz::instruments
