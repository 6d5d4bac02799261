#include "core/trainee/BreachCheck.h"

#include "core/mesh/MeshQueries.h"

#include <glm/geometric.hpp>
#include <glm/vec4.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace spineviz {
namespace {

constexpr float kApproach = 0.04f;      // the line is traced from this far behind the entry (outside the bone)
constexpr int kRimLines = 8;            // lines on the instrument's surface, around its axis
constexpr int kDepthSamples = 6;        // samples along an outside stretch to find its deepest point
constexpr float kEndplateMargin = 0.003f; // a body breach this close to an endplate's plane is through it
constexpr float kAnteriorMargin = 0.004f; // ... this close to the anterior wall's plane is through it

struct Stretch {
    float from, to; // metres along the needle
};

// The stretches of the line entry + s*direction, 0 <= s <= end, that lie outside the bone after
// the line first meets it beyond the entry (what lies before the docking point is soft tissue).
std::vector<Stretch> outsideStretches(const MeshData& bone, const glm::vec3& entry, const glm::vec3& direction, float end) {
    const glm::vec3 origin = entry - direction * kApproach;
    bool inside = insideMesh(bone, origin);
    std::vector<Stretch> insideParts;
    float from = -kApproach;
    for (float t : rayHits(bone, origin, direction)) {
        const float s = t - kApproach;
        if (inside) insideParts.push_back({from, s});
        inside = !inside;
        from = s;
    }
    if (inside) insideParts.push_back({from, 1e9f});
    std::vector<Stretch> out;
    float last = -1.0f; // end of the previous inside part once the bone has been met
    for (const Stretch& part : insideParts) {
        if (part.to <= 0.0f) continue;
        if (part.from >= end) break;
        if (last >= 0.0f && part.from > last) out.push_back({last, part.from});
        last = std::max(part.to, 0.0f);
    }
    if (last >= 0.0f && last < end) out.push_back({last, end});
    return out;
}

// A frame around the needle for its rim lines.
std::array<glm::vec3, kRimLines> rimOffsets(const glm::vec3& direction, float radius) {
    const glm::vec3 helper = std::abs(direction.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    const glm::vec3 u = glm::normalize(glm::cross(direction, helper)), v = glm::cross(direction, u);
    std::array<glm::vec3, kRimLines> out;
    for (int i = 0; i < kRimLines; ++i) {
        const float a = 6.2831853f * float(i) / float(kRimLines);
        out[std::size_t(i)] = radius * (std::cos(a) * u + std::sin(a) * v);
    }
    return out;
}

glm::vec3 toAnatomical(const VertebraLandmarks& l, const glm::vec3& p) { return glm::vec3(l.localToAnatomical() * glm::vec4(p, 1.0f)); }
glm::vec3 dirToAnatomical(const VertebraLandmarks& l, const glm::vec3& d) {
    return glm::normalize(glm::vec3(l.localToAnatomical() * glm::vec4(d, 0.0f)));
}

// +1 where the pedicle lies on the patient's left (+x), -1 on the right: medial is towards -sign*x.
float sideSign(const VertebraLandmarks& l, Side side) { return toAnatomical(l, l.pedicle(side).entry).x >= 0.0f ? 1.0f : -1.0f; }

// Which wall a point outside the bone went through, from where it lies (anatomical frame).
Wall classify(const VertebraLandmarks& l, Side side, const glm::vec3& pointLocal) {
    const glm::vec3 p = toAnatomical(l, pointLocal);
    const float posteriorZ = toAnatomical(l, l.posteriorWall).z, anteriorZ = toAnatomical(l, l.anteriorWall).z;
    if (p.z > posteriorZ) { // in the body's reach: through its front, an endplate or its side
        if (p.z > anteriorZ - kAnteriorMargin) return Wall::AnteriorCortex;
        const Endplate plates[2] = {l.superiorEndplate, l.inferiorEndplate};
        for (const Endplate& e : plates) {
            const glm::vec3 c = toAnatomical(l, e.centre), n = dirToAnatomical(l, e.normal);
            if (glm::dot(p - c, n) > -kEndplateMargin) return Wall::Endplate;
        }
        return Wall::Lateral;
    }
    // In the pedicle's reach: which side of the pedicle's own axis it strayed to.
    const PedicleLandmarks& pedicle = l.pedicle(side);
    const glm::vec3 e = toAnatomical(l, pedicle.entry), a = dirToAnatomical(l, pedicle.axis);
    const glm::vec3 offset = (p - e) - a * glm::dot(p - e, a);
    glm::vec3 medial = glm::normalize(glm::cross(a, glm::vec3(0, 1, 0)));
    if (medial.x * sideSign(l, side) > 0.0f) medial = -medial;
    glm::vec3 up = glm::normalize(glm::cross(medial, a));
    if (up.y < 0.0f) up = -up;
    const float m = glm::dot(offset, medial), u = glm::dot(offset, up);
    if (std::abs(m) >= std::abs(u)) return m > 0.0f ? Wall::Medial : Wall::Lateral;
    return u > 0.0f ? Wall::Superior : Wall::Inferior;
}

} // namespace

const char* wallName(Wall wall) {
    switch (wall) {
    case Wall::Medial: return "medial";
    case Wall::Lateral: return "lateral";
    case Wall::Superior: return "superior";
    case Wall::Inferior: return "inferior";
    case Wall::AnteriorCortex: return "anterior_cortex";
    case Wall::Endplate: return "endplate";
    }
    return "medial";
}

char breachGrade(float depth) {
    if (depth <= 0.0f) return 'A';
    if (depth < 0.002f) return 'B';
    if (depth < 0.004f) return 'C';
    if (depth < 0.006f) return 'D';
    return 'E';
}

std::vector<Breach> findBreaches(const MeshData& bone, const VertebraLandmarks& l, const NeedleAttempt& needle, float radius) {
    std::map<Wall, Breach> deepest;
    std::vector<glm::vec3> offsets{glm::vec3(0.0f)};
    for (const glm::vec3& o : rimOffsets(needle.direction, radius)) offsets.push_back(o);
    for (const glm::vec3& offset : offsets) {
        const glm::vec3 start = needle.entry + offset;
        for (const Stretch& s : outsideStretches(bone, start, needle.direction, needle.depth)) {
            Breach b;
            b.side = needle.side;
            for (int i = 0; i <= kDepthSamples; ++i) {
                const float at = s.from + (s.to - s.from) * float(i) / float(kDepthSamples);
                const glm::vec3 p = start + needle.direction * at;
                const float d = distanceToMesh(bone, p);
                if (d > b.depth) {
                    b.depth = d;
                    b.at = at;
                    b.point = p;
                }
            }
            if (b.depth < kBreachTolerance) continue;
            b.wall = classify(l, needle.side, b.point);
            auto it = deepest.find(b.wall);
            if (it == deepest.end() || it->second.depth < b.depth) deepest[b.wall] = b;
        }
    }
    std::vector<Breach> out;
    for (const auto& [wall, b] : deepest) out.push_back(b);
    std::sort(out.begin(), out.end(), [](const Breach& a, const Breach& b) { return a.at < b.at; });
    return out;
}

std::optional<float> boneContact(const MeshData& bone, const NeedleAttempt& needle) {
    const glm::vec3 origin = needle.entry - needle.direction * kApproach;
    if (insideMesh(bone, origin)) return -kApproach;
    const std::vector<float> hits = rayHits(bone, origin, needle.direction);
    if (hits.empty()) return std::nullopt;
    return hits.front() - kApproach;
}

MedialWallRule checkMedialWallRule(const VertebraLandmarks& l, const NeedleAttempt& needle) {
    // On AP the pedicle is an oval whose medial edge is the medial wall where it meets the body:
    // its axis there, moved medially by half the pedicle's width.
    const PedicleLandmarks& pedicle = l.pedicle(needle.side);
    const float sign = sideSign(l, needle.side);
    const glm::vec3 e = toAnatomical(l, pedicle.entry), a = dirToAnatomical(l, pedicle.axis);
    const float posteriorZ = toAnatomical(l, l.posteriorWall).z;
    const float reach = a.z > 1e-3f ? (posteriorZ - e.z) / a.z : 0.0f;
    const float medialEdgeX = (e + a * reach).x - sign * 0.5f * pedicle.width;

    const glm::vec3 entry = toAnatomical(l, needle.entry), dir = dirToAnatomical(l, needle.direction);
    MedialWallRule rule;
    // The tip moves along the line as the trocar advances; the first depth at which it is medial
    // of the edge on AP, and whether it had passed the posterior wall on lateral by then.
    const float towardMidline = -sign * dir.x;
    const float gap = sign * (entry.x - medialEdgeX); // > 0 while lateral of the edge
    float crossAt = 0.0f;
    if (gap <= 0.0f) crossAt = 0.0f;
    else if (towardMidline > 1e-6f) crossAt = gap / towardMidline;
    else return rule;
    if (crossAt > needle.depth) return rule;
    const float zThen = entry.z + dir.z * crossAt;
    if (zThen >= posteriorZ) return rule;
    rule.broken = true;
    rule.at = crossAt;
    rule.behindPosteriorWall = posteriorZ - zThen;
    return rule;
}

bool tooTightFor(const PedicleLandmarks& pedicle, float instrumentDiameter) {
    return instrumentDiameter > pedicle.width - 2.0f * kFitCortex;
}

} // namespace spineviz
