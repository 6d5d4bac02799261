#include "core/anatomy/VertebraLandmarks.h"

#include "core/anatomy/LandmarkChecks.h"
#include "core/anatomy/ModelFormat.h"

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>

#include <cmath>

namespace spineviz {
namespace {

namespace mf = model_format;
using json = nlohmann::json;

// A malformed value, with the dotted path of the item inside the node (e.g.
// "extras.spineviz.dimensions.endplate_width") and the reason.
struct Malformed {
    std::string item, reason;
};

// An object of the extras and where it sits, so every complaint names the exact item.
struct Place {
    const json& object;
    std::string path;

    std::string item(const char* key) const { return path + "." + key; }

    [[noreturn]] void fail(const char* key, const std::string& reason) const { throw Malformed{item(key), reason}; }

    Place child(const char* key) const {
        const auto it = object.find(key);
        if (it == object.end()) fail(key, "is missing");
        if (!it->is_object()) fail(key, "is not an object");
        return {*it, item(key)};
    }

    // A number that stays finite once it is a float (1e300 passes as a double and becomes infinity).
    static bool toFloat(const json& value, float& out) {
        if (!value.is_number()) return false;
        const double d = value.get<double>();
        out = static_cast<float>(d);
        return std::isfinite(d) && std::isfinite(out);
    }

    float number(const char* key) const {
        const auto it = object.find(key);
        if (it == object.end()) fail(key, "is missing");
        if (!it->is_number()) fail(key, "is not a number");
        float v = 0.0f;
        if (!toFloat(*it, v)) fail(key, "is not a finite number");
        return v;
    }

    glm::vec3 vec3(const char* key) const {
        const auto it = object.find(key);
        if (it == object.end()) fail(key, "is missing");
        if (!it->is_array() || it->size() != 3) fail(key, "is not an [x, y, z] array");
        glm::vec3 v;
        for (int i = 0; i < 3; ++i)
            if (!toFloat((*it)[i], v[i])) fail(key, "has a component that is not a finite number");
        return v;
    }

    glm::vec3 unit(const char* key) const {
        const glm::vec3 v = vec3(key);
        const float length = glm::length(v);
        if (!(length > 1e-6f) || !std::isfinite(length)) fail(key, "is not a usable direction (zero length)");
        return v / length;
    }
};

Endplate parseEndplate(const Place& p) { return {p.vec3(mf::kCentre), p.unit(mf::kNormal)}; }

PedicleLandmarks parsePedicle(const Place& p) {
    return {p.vec3(mf::kPedicleEntry), p.unit(mf::kPedicleAxis), p.number(mf::kPedicleWidth), p.number(mf::kPedicleHeight)};
}

BodyDimensions parseDimensions(const Place& d) {
    BodyDimensions out;
    out.anteriorHeight = d.number(mf::kAnteriorHeight);
    out.middleHeight = d.number(mf::kMiddleHeight);
    out.posteriorHeight = d.number(mf::kPosteriorHeight);
    out.endplateWidth = d.number(mf::kEndplateWidth);
    out.endplateDepth = d.number(mf::kEndplateDepth);
    out.corticalThickness = d.number(mf::kCorticalThickness);
    out.canalWidth = d.number(mf::kCanalWidth);
    out.canalDepth = d.number(mf::kCanalDepth);
    return out;
}

} // namespace

glm::mat4 VertebraLandmarks::anatomicalToLocal() const {
    return glm::mat4(glm::vec4(left, 0.0f), glm::vec4(superior, 0.0f), glm::vec4(anterior, 0.0f), glm::vec4(origin, 1.0f));
}

glm::mat4 VertebraLandmarks::localToAnatomical() const { return glm::inverse(anatomicalToLocal()); }

std::optional<VertebraLandmarks> parseVertebraLandmarks(const json& extras, std::string& error) {
    try {
        if (!extras.is_object()) throw Malformed{"extras", "is missing"};
        const Place root = Place{extras, "extras"}.child(mf::kExtrasRoot);
        VertebraLandmarks out;
        const auto level = root.object.find(mf::kLevel);
        if (level == root.object.end() || !level->is_string()) root.fail(mf::kLevel, "is missing");
        out.level = level->get<std::string>();
        const Place frame = root.child(mf::kFrame);
        out.origin = frame.vec3(mf::kOrigin);
        out.anterior = frame.unit(mf::kAnterior);
        out.superior = frame.unit(mf::kSuperior);
        out.left = frame.unit(mf::kLeft);
        out.superiorEndplate = parseEndplate(root.child(mf::kSuperiorEndplate));
        out.inferiorEndplate = parseEndplate(root.child(mf::kInferiorEndplate));
        out.anteriorWall = root.vec3(mf::kAnteriorWall);
        out.posteriorWall = root.vec3(mf::kPosteriorWall);
        const Place pedicles = root.child(mf::kPedicles);
        out.pedicles[0] = parsePedicle(pedicles.child("left"));
        out.pedicles[1] = parsePedicle(pedicles.child("right"));
        out.dimensions = parseDimensions(root.child(mf::kDimensions));
        const LandmarkProblem problem = implausibleLandmark(out);
        if (!problem.item.empty()) throw Malformed{root.path + "." + problem.item, problem.reason};
        return out;
    } catch (const Malformed& malformed) {
        error = malformed.item + ": " + malformed.reason;
        return std::nullopt;
    }
}

} // namespace spineviz
