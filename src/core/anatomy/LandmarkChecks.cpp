#include "core/anatomy/LandmarkChecks.h"

#include "core/anatomy/ModelFormat.h"

#include <glm/geometric.hpp>

#include <cmath>
#include <cstdio>

namespace spineviz {
namespace {

namespace mf = model_format;

// Accepted ranges in millimetres. Each is about twice as wide as the published spread for T1-L5
// (Panjabi 1991/92, Busscher 2010, Bonczar 2024, Kaur 2016; /work/shared/reference/anatomy.md), so
// every adult spine and a generous margin fit, while metres or micrometres by mistake do not.
struct Range {
    const char* key;
    float minMm, maxMm;
};
constexpr Range kHeight{nullptr, 4.0f, 60.0f};            // body heights: 15-35 mm measured
constexpr Range kEndplateWidth{mf::kEndplateWidth, 12.0f, 90.0f}; // 25-55 mm
constexpr Range kEndplateDepth{mf::kEndplateDepth, 10.0f, 80.0f}; // 20-45 mm
constexpr Range kCortex{mf::kCorticalThickness, 0.1f, 5.0f};     // 0.3-1.5 mm
constexpr Range kCanalWidth{mf::kCanalWidth, 8.0f, 45.0f};       // 19-27 mm
constexpr Range kCanalDepth{mf::kCanalDepth, 6.0f, 40.0f};       // 15-21 mm
constexpr Range kPedicleWidth{mf::kPedicleWidth, 1.5f, 35.0f};   // 3.7-21.6 mm
constexpr Range kPedicleHeight{mf::kPedicleHeight, 3.0f, 40.0f}; // 8-20 mm

constexpr float kMaxOffsetFromOrigin = 0.15f; // metres: every landmark lies within the vertebra
constexpr float kMaxOrigin = 100.0f;          // metres from the node's own origin
constexpr float kMaxAxisDot = 0.1f;           // frame axes within ~6 degrees of perpendicular

std::string mm(float metres) {
    char text[48];
    std::snprintf(text, sizeof text, "%.4g mm", double(metres) * 1000.0);
    return text;
}

LandmarkProblem outOfRange(const std::string& item, float metres, const Range& range) {
    const float v = metres * 1000.0f;
    if (v >= range.minMm && v <= range.maxMm) return {};
    char allowed[96];
    std::snprintf(allowed, sizeof allowed, " is not plausible for a vertebra (allowed %.3g to %.3g mm)", double(range.minMm),
                  double(range.maxMm));
    return {item, mm(metres) + allowed};
}

LandmarkProblem checkDimensions(const VertebraLandmarks& l) {
    const BodyDimensions& d = l.dimensions;
    const std::string at = std::string(mf::kDimensions) + ".";
    const std::pair<const char*, float> heights[] = {
        {mf::kAnteriorHeight, d.anteriorHeight}, {mf::kMiddleHeight, d.middleHeight}, {mf::kPosteriorHeight, d.posteriorHeight}};
    for (const auto& [key, value] : heights)
        if (LandmarkProblem p = outOfRange(at + key, value, kHeight); !p.item.empty()) return p;
    const std::pair<const Range*, float> others[] = {{&kEndplateWidth, d.endplateWidth}, {&kEndplateDepth, d.endplateDepth},
                                                     {&kCortex, d.corticalThickness},     {&kCanalWidth, d.canalWidth},
                                                     {&kCanalDepth, d.canalDepth}};
    for (const auto& [range, value] : others)
        if (LandmarkProblem p = outOfRange(at + range->key, value, *range); !p.item.empty()) return p;
    return {};
}

LandmarkProblem checkFrame(const VertebraLandmarks& l) {
    const std::string at = std::string(mf::kFrame) + ".";
    for (int i = 0; i < 3; ++i)
        if (std::fabs(l.origin[i]) > kMaxOrigin) return {at + mf::kOrigin, "lies more than 100 m from the node's origin"};
    if (std::fabs(glm::dot(l.anterior, l.superior)) > kMaxAxisDot)
        return {at + mf::kSuperior, "is not perpendicular to 'anterior' (a degenerate local frame)"};
    if (std::fabs(glm::dot(l.left, l.superior)) > kMaxAxisDot || std::fabs(glm::dot(l.left, l.anterior)) > kMaxAxisDot)
        return {at + mf::kLeft, "is not perpendicular to 'anterior' and 'superior' (a degenerate local frame)"};
    if (glm::dot(glm::cross(l.left, l.superior), l.anterior) < 0.0f)
        return {at + mf::kLeft, "makes a left-handed frame (left x superior must point anterior)"};
    return {};
}

// Where a point lies in the body's anatomical frame (x left, y superior, z anterior), in metres.
glm::vec3 anatomical(const VertebraLandmarks& l, const glm::vec3& p) {
    const glm::vec3 d = p - l.origin;
    return {glm::dot(d, l.left), glm::dot(d, l.superior), glm::dot(d, l.anterior)};
}

LandmarkProblem checkPoints(const VertebraLandmarks& l) {
    const std::string sup = std::string(mf::kSuperiorEndplate) + ".", inf = std::string(mf::kInferiorEndplate) + ".";
    const std::string pedicles = std::string(mf::kPedicles) + ".";
    const std::pair<std::string, glm::vec3> points[] = {
        {sup + mf::kCentre, l.superiorEndplate.centre}, {inf + mf::kCentre, l.inferiorEndplate.centre},
        {mf::kAnteriorWall, l.anteriorWall},           {mf::kPosteriorWall, l.posteriorWall},
        {pedicles + "left." + mf::kPedicleEntry, l.pedicles[0].entry},
        {pedicles + "right." + mf::kPedicleEntry, l.pedicles[1].entry}};
    for (const auto& [item, p] : points)
        if (glm::length(p - l.origin) > kMaxOffsetFromOrigin) return {item, "lies more than 15 cm from the body centre"};

    // The endplates bound the body: superior above, inferior below, as far apart as the body is high.
    const float top = anatomical(l, l.superiorEndplate.centre).y, bottom = anatomical(l, l.inferiorEndplate.centre).y;
    if (!(top > 0.0f)) return {sup + mf::kCentre, "is not above the body centre"};
    if (!(bottom < 0.0f)) return {inf + mf::kCentre, "is not below the body centre"};
    const float height = l.dimensions.middleHeight;
    if (top - bottom < 0.5f * height || top - bottom > 1.5f * height)
        return {sup + mf::kCentre, "is " + mm(top - bottom) + " from the inferior endplate, which does not match the middle height of " +
                                       mm(height)};
    if (glm::dot(l.superiorEndplate.normal, l.superior) < 0.5f) return {sup + mf::kNormal, "does not point superiorly"};
    if (glm::dot(l.inferiorEndplate.normal, l.superior) > -0.5f) return {inf + mf::kNormal, "does not point inferiorly"};

    const float front = anatomical(l, l.anteriorWall).z, back = anatomical(l, l.posteriorWall).z;
    if (!(front > 0.0f)) return {mf::kAnteriorWall, "is not in front of the body centre"};
    if (!(back < 0.0f)) return {mf::kPosteriorWall, "is not behind the body centre"};
    const float depth = l.dimensions.endplateDepth;
    if (front - back < 0.5f * depth || front - back > 1.5f * depth)
        return {mf::kAnteriorWall, "is " + mm(front - back) + " from the posterior wall, which does not match the endplate depth of " +
                                       mm(depth)};
    return {};
}

LandmarkProblem checkPedicles(const VertebraLandmarks& l) {
    const char* sides[] = {"left", "right"};
    for (int s = 0; s < 2; ++s) {
        const PedicleLandmarks& p = l.pedicles[s];
        const std::string at = std::string(mf::kPedicles) + "." + sides[s] + ".";
        if (LandmarkProblem w = outOfRange(at + mf::kPedicleWidth, p.width, kPedicleWidth); !w.item.empty()) return w;
        if (LandmarkProblem h = outOfRange(at + mf::kPedicleHeight, p.height, kPedicleHeight); !h.item.empty()) return h;
        if (!(anatomical(l, p.entry).z < 0.0f)) return {at + mf::kPedicleEntry, "is not behind the body centre"};
        if (glm::dot(p.axis, l.anterior) < 0.5f) return {at + mf::kPedicleAxis, "does not point into the body (anteriorly)"};
    }
    return {};
}

} // namespace

LandmarkProblem implausibleLandmark(const VertebraLandmarks& l) {
    using Check = LandmarkProblem (*)(const VertebraLandmarks&);
    for (Check check : {Check(&checkFrame), Check(&checkDimensions), Check(&checkPoints), Check(&checkPedicles)})
        if (LandmarkProblem p = check(l); !p.item.empty()) return p;
    return {};
}

} // namespace spineviz
