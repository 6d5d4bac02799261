#include "Landmarks.h"

#include "core/anatomy/ModelFormat.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model {
namespace fmt = spineviz::model_format;
namespace {

// Metres, rounded to 0.1 um so the JSON stays short and stable.
double metres(float mm) { return std::round(static_cast<double>(mm) * 1e4) / 1e7; }
nlohmann::json point(const glm::vec3& mm) { return {metres(mm.x), metres(mm.y), metres(mm.z)}; }
nlohmann::json direction(const glm::vec3& d) {
    const glm::vec3 u = glm::normalize(d);
    auto r = [](float v) { return std::round(static_cast<double>(v) * 1e6) / 1e6; };
    return {r(u.x), r(u.y), r(u.z)};
}

float chord(const Field& field, const glm::vec3& from, const glm::vec3& dir, float maxDistance) {
    return glm::distance(findCrossing(field, from, dir, maxDistance), findCrossing(field, from, -dir, maxDistance));
}

nlohmann::json endplate(const Field& bone, const glm::vec3& dir, const glm::vec3& normal) {
    return {{fmt::kCentre, point(findCrossing(bone, glm::vec3(0.0f), dir, 40.0f))}, {fmt::kNormal, direction(normal)}};
}

nlohmann::json pedicle(const Field& bone, const PedicleGeometry& p) {
    const glm::vec3 entry = findCrossing(bone, p.isthmus, -p.axis, 60.0f);
    return {{fmt::kPedicleEntry, point(entry)},
            {fmt::kPedicleAxis, direction(p.axis)},
            {fmt::kPedicleWidth, metres(p.width)},
            {fmt::kPedicleHeight, metres(p.height)}};
}

nlohmann::json dimensions(const Field& bone, const Field& body, const BodyShape& shape, const VertebraGeometry* g, float cortical) {
    const BodyParams& b = shape.params();
    const float station = 0.5f * b.depth - 2.0f;
    const glm::vec3 up(0, 1, 0), side(1, 0, 0), front(0, 0, 1);
    const float rimY = shape.topPlane(0.0f) - std::max(b.edgeRadius, b.concavity) - 0.6f; // under the bowl's floor
    nlohmann::json d = {
        {fmt::kAnteriorHeight, metres(chord(body, glm::vec3(0, 0, station), up, 60.0f))},
        {fmt::kMiddleHeight, metres(chord(body, glm::vec3(0.0f), up, 60.0f))},
        {fmt::kPosteriorHeight, metres(chord(body, glm::vec3(0, 0, -station), up, 60.0f))},
        {fmt::kEndplateWidth, metres(chord(body, glm::vec3(0.0f, rimY, -0.5f * b.notch), side, 60.0f))},
        // Along the (wedged) endplate, so a strongly wedged body is not cut short at one rim.
        {fmt::kEndplateDepth, metres(chord(body, glm::vec3(0.0f, rimY, 0.0f), glm::normalize(glm::vec3(0.0f, 0.5f * shape.wedgeSlope(), 1.0f)), 60.0f))},
        {fmt::kCorticalThickness, metres(cortical)},
    };
    if (g) {
        const glm::vec3 canalAtPedicles(0.0f, g->pedicles[0].isthmus.y, g->pedicles[0].isthmus.z);
        d[fmt::kCanalWidth] = metres(chord(bone, canalAtPedicles, side, 60.0f));
        const glm::vec3 canalAtLaminae(0.0f, g->measureY, g->canalApexZ + g->canalHalf.y);
        d[fmt::kCanalDepth] = metres(chord(bone, canalAtLaminae, front, 60.0f));
    }
    return d;
}

} // namespace

glm::vec3 findCrossing(const Field& field, const glm::vec3& from, const glm::vec3& dir, float maxDistance, bool* found) {
    const float step = 0.1f;
    const bool startInside = field(from) < 0.0f;
    float previous = 0.0f;
    for (float t = step; t <= maxDistance; t += step) {
        if ((field(from + dir * t) < 0.0f) == startInside) {
            previous = t;
            continue;
        }
        float lo = previous, hi = t;
        for (int i = 0; i < 30; ++i) {
            const float mid = 0.5f * (lo + hi);
            ((field(from + dir * mid) < 0.0f) == startInside ? lo : hi) = mid;
        }
        if (found) *found = true;
        return from + dir * (0.5f * (lo + hi));
    }
    if (found) *found = false;
    return from;
}

nlohmann::json vertebraExtras(const std::string& level, const std::string& kind, const Field& bone, const Field& body,
                              const BodyShape& bodyShape, const VertebraGeometry* geometry, float corticalThickness) {
    const float slope = bodyShape.wedgeSlope();
    nlohmann::json s = {
        {fmt::kFormat, fmt::kVersion},
        {fmt::kKind, kind},
        {fmt::kLevel, level},
        {fmt::kFrame,
         {{fmt::kOrigin, point(glm::vec3(0.0f))},
          {fmt::kAnterior, direction({0, 0, 1})},
          {fmt::kSuperior, direction({0, 1, 0})},
          {fmt::kLeft, direction({1, 0, 0})}}},
        {fmt::kSuperiorEndplate, endplate(bone, {0, 1, 0}, {0.0f, 1.0f, -0.5f * slope})},
        {fmt::kInferiorEndplate, endplate(bone, {0, -1, 0}, {0.0f, -1.0f, -0.5f * slope})},
        {fmt::kAnteriorWall, point(findCrossing(bone, glm::vec3(0.0f), {0, 0, 1}, 60.0f))},
        {fmt::kPosteriorWall, point(findCrossing(bone, glm::vec3(0.0f), {0, 0, -1}, 60.0f))},
        {fmt::kDimensions, dimensions(bone, body, bodyShape, geometry, corticalThickness)},
    };
    if (kind == fmt::kKindSacrum) s.erase(fmt::kInferiorEndplate); // the sacrum has no free inferior endplate
    if (geometry)
        s[fmt::kPedicles] = {{"left", pedicle(bone, geometry->pedicles[0])}, {"right", pedicle(bone, geometry->pedicles[1])}};
    return {{fmt::kExtrasRoot, s}};
}

} // namespace spine_model
