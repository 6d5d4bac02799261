#include "NeuralShape.h"

#include "SacrumShape.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model {
namespace {

glm::vec3 apply(const glm::mat4& m, const glm::vec3& p) { return glm::vec3(m * glm::vec4(p, 1.0f)); }

glm::vec3 catmullRom(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& p2, const glm::vec3& p3, float t) {
    const float t2 = t * t, t3 = t2 * t;
    return 0.5f * ((2.0f * p1) + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 + (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
}

// The canal's centre, at each vertebra's pedicles and at each disc, from T1 down into the sacrum.
std::vector<glm::vec3> canalCentres(const SpineLayout& layout) {
    std::vector<glm::vec3> points;
    for (int i = 0; i < kLevelCount; ++i) {
        const VertebraGeometry& g = layout.vertebrae[static_cast<std::size_t>(i)];
        const glm::mat4& pose = layout.vertebraPose[static_cast<std::size_t>(i)];
        points.push_back(apply(pose, glm::vec3(0.0f, g.pedicles[0].isthmus.y, g.canalApexZ + g.canalHalf.y)));
        // Behind the disc below: halfway between this level's canal and the next's, in the disc frame.
        const glm::mat4& disc = layout.discPose[static_cast<std::size_t>(i)];
        const float depth = 0.5f * g.body.depth + 0.5f * levelTable()[static_cast<std::size_t>(i)].canalDepth;
        points.push_back(apply(disc, glm::vec3(0.0f, 0.0f, -depth)));
    }
    for (const glm::vec3& p : {glm::vec3(0, 4, -25), glm::vec3(0, -20, -24), glm::vec3(0, -40, -21)})
        points.push_back(apply(layout.sacrumPose, p));
    return points;
}

std::vector<glm::vec3> smoothPath(const std::vector<glm::vec3>& points, int perSpan) {
    std::vector<glm::vec3> path;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        const glm::vec3 p0 = points[i == 0 ? 0 : i - 1], p3 = points[std::min(i + 2, points.size() - 1)];
        for (int k = 0; k < perSpan; ++k) path.push_back(catmullRom(p0, points[i], points[i + 1], p3, static_cast<float>(k) / static_cast<float>(perSpan)));
    }
    path.push_back(points.back());
    return path;
}

sdf::Limb tube(const glm::vec3& a, const glm::vec3& b, glm::vec2 sa, glm::vec2 sb) {
    sdf::Limb l;
    l.a = a, l.b = b, l.sizeA = sa, l.sizeB = sb, l.widthDir = glm::vec3(1, 0, 0);
    l.longCaps = true; // chains along a curve: no grooves at the joints
    return l;
}

} // namespace

NeuralShape::NeuralShape(const SpineLayout& layout) {
    centreLine_ = smoothPath(canalCentres(layout), 3);
    // Index of the path point level with the L1-L2 disc (conus tip) and the S2 level (end of the sac).
    const std::size_t perLevel = 2 * 3;
    const std::size_t l1 = 12 * perLevel, conus = 12 * perLevel + 3, end = centreLine_.size() - 1;
    auto cordSize = [&](std::size_t i) {
        if (i >= conus) return glm::vec2(0.6f);
        if (i >= l1) { // conus medullaris: tapering to a point
            const float t = static_cast<float>(i - l1) / static_cast<float>(conus - l1);
            return glm::mix(glm::vec2(4.6f, 3.8f), glm::vec2(0.8f), t);
        }
        // Thoracic cord ~8 x 6.5 mm, lumbar enlargement (T10-T12) ~9.5 x 7.5 mm.
        const float enlarge = std::exp(-std::pow((static_cast<float>(i) - 10.5f * perLevel) / (1.5f * perLevel), 2.0f));
        return glm::mix(glm::vec2(4.0f, 3.2f), glm::vec2(4.8f, 3.8f), enlarge);
    };
    for (std::size_t i = 0; i < conus; ++i) cord_.push_back(limbPart(tube(centreLine_[i], centreLine_[i + 1], cordSize(i), cordSize(i + 1)), 1.0f));

    // Cauda equina: eight strands around the centre line, spreading apart as they descend.
    for (int strand = 0; strand < 8; ++strand) {
        const float angle = 6.2831853f * (static_cast<float>(strand) + 0.5f) / 8.0f;
        const glm::vec2 dir(std::cos(angle), std::sin(angle));
        auto at = [&](std::size_t i) {
            const float t = static_cast<float>(i - l1) / static_cast<float>(end - l1);
            const glm::vec2 spread = dir * glm::mix(glm::vec2(1.5f, 1.2f), glm::vec2(4.5f, 2.5f), t);
            return centreLine_[i] + glm::vec3(spread.x, 0.0f, spread.y);
        };
        for (std::size_t i = l1 + 1; i < end; ++i) {
            const float t = static_cast<float>(i - l1) / static_cast<float>(end - l1);
            const float r = glm::mix(1.3f, 0.9f, t);
            cauda_.push_back(limbPart(tube(at(i), at(i + 1), glm::vec2(r), glm::vec2(r)), 0.7f));
        }
    }
    cordBounds_ = boundsOf(cord_);
    caudaBounds_ = boundsOf(cauda_);
    cordSet_ = PartSet(cord_);
    caudaSet_ = PartSet(cauda_);
}

NerveRootShape::NerveRootShape(const VertebraGeometry& g, int side) {
    const float s = sideSign(side);
    const LevelMorphometry& m = levelTable()[static_cast<std::size_t>(g.levelIndex)];
    const PedicleGeometry& ped = g.pedicles[static_cast<std::size_t>(side)];
    const float cw = m.canalWidth, cd = m.canalDepth;
    const float zPost = -0.5f * g.body.depth;
    const bool lumbar = g.levelIndex >= 11; // T12 and below: roots of the conus and the cauda equina
    const float root = lumbar ? (g.levelIndex == kLevelCount - 1 ? 2.3f : 2.0f) : 1.4f;
    const glm::vec3 ganglionRadii = lumbar ? glm::vec3(5.0f, 3.4f, 3.2f) : glm::vec3(3.6f, 2.5f, 2.4f);
    // Under the pedicle's flare where it meets the body, which is lower than its isthmus.
    const float pedicleBottom = ped.isthmus.y - 0.5f * ped.height - 1.5f;
    // Estimates: see docs/anatomy.md.
    std::vector<glm::vec3> path;
    if (lumbar) path.push_back({s * (0.5f * cw - 6.5f), 0.5f * g.body.posteriorHeight + 8.0f, zPost - 0.35f * cd});
    else path.push_back({s * 2.5f, ped.isthmus.y + 3.0f, zPost - 0.5f * cd});
    path.push_back({s * (0.5f * cw - root - 2.4f), pedicleBottom + 0.5f, zPost - 0.33f * cd});
    path.push_back({s * (0.5f * cw + 0.5f), pedicleBottom - root - 1.2f, zPost - 0.3f * cd});
    const glm::vec3 ganglion(s * (0.5f * cw + 0.5f * ped.width + 1.0f), pedicleBottom - ganglionRadii.y - 1.0f,
                             zPost - g.body.notch - ganglionRadii.z - 0.3f);
    path.push_back(ganglion);
    const glm::vec3 out = lumbar ? glm::vec3(s * 13.0f, -8.0f, 6.0f) : glm::vec3(s * 12.0f, -3.5f, 3.0f);
    path.push_back(ganglion + out * 0.5f + glm::vec3(s * 1.0f, 0.0f, 0.0f));
    path.push_back(ganglion + out);
    const std::vector<glm::vec3> smooth = smoothPath(path, 4);
    std::vector<Part> parts;
    for (std::size_t i = 0; i + 1 < smooth.size(); ++i) parts.push_back(limbPart(tube(smooth[i], smooth[i + 1], glm::vec2(root), glm::vec2(root)), 0.8f));
    const glm::vec3 along = glm::normalize(path[4] - path[2]);
    parts.push_back(blobPart(sdf::makeBlob(ganglion, along, glm::vec3(0, 1, 0), ganglionRadii), 1.5f));
    bounds_ = boundsOf(parts);
    set_ = PartSet(std::move(parts));
}

} // namespace spine_model
