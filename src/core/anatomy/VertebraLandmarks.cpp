#include "core/anatomy/VertebraLandmarks.h"

#include "core/anatomy/ModelFormat.h"

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>

#include <cmath>

namespace spineviz {
namespace {

namespace mf = model_format;
using json = nlohmann::json;

// Reads a [x, y, z] array; throws a message naming the key when absent or malformed.
glm::vec3 vec3At(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array() || it->size() != 3) throw std::string("'") + key + "' is not an [x, y, z] array";
    glm::vec3 v;
    for (int i = 0; i < 3; ++i) {
        if (!(*it)[i].is_number()) throw std::string("'") + key + "' has a non-number";
        v[i] = (*it)[i].get<float>();
        if (!std::isfinite(v[i])) throw std::string("'") + key + "' is not finite";
    }
    return v;
}

glm::vec3 unitAt(const json& object, const char* key) {
    const glm::vec3 v = vec3At(object, key);
    const float length = glm::length(v);
    if (length < 1e-6f) throw std::string("'") + key + "' has zero length";
    return v / length;
}

float numberAt(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number()) throw std::string("'") + key + "' is not a number";
    return it->get<float>();
}

const json& objectAt(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_object()) throw std::string("'") + key + "' is missing";
    return *it;
}

Endplate parseEndplate(const json& object) { return {vec3At(object, mf::kCentre), unitAt(object, mf::kNormal)}; }

PedicleLandmarks parsePedicle(const json& object) {
    return {vec3At(object, mf::kPedicleEntry), unitAt(object, mf::kPedicleAxis), numberAt(object, mf::kPedicleWidth),
            numberAt(object, mf::kPedicleHeight)};
}

BodyDimensions parseDimensions(const json& d) {
    BodyDimensions out;
    out.anteriorHeight = numberAt(d, mf::kAnteriorHeight);
    out.middleHeight = numberAt(d, mf::kMiddleHeight);
    out.posteriorHeight = numberAt(d, mf::kPosteriorHeight);
    out.endplateWidth = numberAt(d, mf::kEndplateWidth);
    out.endplateDepth = numberAt(d, mf::kEndplateDepth);
    out.corticalThickness = numberAt(d, mf::kCorticalThickness);
    out.canalWidth = numberAt(d, mf::kCanalWidth);
    out.canalDepth = numberAt(d, mf::kCanalDepth);
    return out;
}

} // namespace

glm::mat4 VertebraLandmarks::anatomicalToLocal() const {
    return glm::mat4(glm::vec4(left, 0.0f), glm::vec4(superior, 0.0f), glm::vec4(anterior, 0.0f), glm::vec4(origin, 1.0f));
}

glm::mat4 VertebraLandmarks::localToAnatomical() const { return glm::inverse(anatomicalToLocal()); }

std::optional<VertebraLandmarks> parseVertebraLandmarks(const json& extras, std::string& error) {
    try {
        if (!extras.is_object()) throw std::string("no extras");
        const json& root = objectAt(extras, mf::kExtrasRoot);
        VertebraLandmarks out;
        const auto level = root.find(mf::kLevel);
        if (level == root.end() || !level->is_string()) throw std::string("'level' is missing");
        out.level = level->get<std::string>();
        const json& frame = objectAt(root, mf::kFrame);
        out.origin = vec3At(frame, mf::kOrigin);
        out.anterior = unitAt(frame, mf::kAnterior);
        out.superior = unitAt(frame, mf::kSuperior);
        out.left = unitAt(frame, mf::kLeft);
        out.superiorEndplate = parseEndplate(objectAt(root, mf::kSuperiorEndplate));
        out.inferiorEndplate = parseEndplate(objectAt(root, mf::kInferiorEndplate));
        out.anteriorWall = vec3At(root, mf::kAnteriorWall);
        out.posteriorWall = vec3At(root, mf::kPosteriorWall);
        const json& pedicles = objectAt(root, mf::kPedicles);
        out.pedicles[0] = parsePedicle(objectAt(pedicles, "left"));
        out.pedicles[1] = parsePedicle(objectAt(pedicles, "right"));
        out.dimensions = parseDimensions(objectAt(root, mf::kDimensions));
        return out;
    } catch (const std::string& reason) {
        error = reason;
        return std::nullopt;
    }
}

} // namespace spineviz
