#pragma once
// The landmarks a vertebra node carries in its glTF extras (docs/model-format.md), parsed. The
// procedure aims instruments and measures heights with these alone, so any model that carries
// them works, not only the bundled spine.

#include "core/procedure/ProcedureOptions.h"

#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace spineviz {

struct Endplate {
    glm::vec3 centre{0.0f};
    glm::vec3 normal{0.0f, 1.0f, 0.0f}; // away from the body
};

struct PedicleLandmarks {
    glm::vec3 entry{0.0f};               // on the posterior bone surface
    glm::vec3 axis{0.0f, 0.0f, 1.0f};   // unit, from the entry into the body
    float width = 0.0f;                  // metres, transverse
    float height = 0.0f;                 // metres, sagittal
};

struct BodyDimensions { // metres
    float anteriorHeight = 0.0f, middleHeight = 0.0f, posteriorHeight = 0.0f;
    float endplateWidth = 0.0f, endplateDepth = 0.0f;
    float corticalThickness = 0.0f;
    float canalWidth = 0.0f, canalDepth = 0.0f;
};

// All points and directions in the vertebra node's local space.
struct VertebraLandmarks {
    std::string level;
    glm::vec3 origin{0.0f};                      // body centre
    glm::vec3 anterior{0, 0, 1}, superior{0, 1, 0}, left{1, 0, 0};
    Endplate superiorEndplate, inferiorEndplate;
    glm::vec3 anteriorWall{0.0f}, posteriorWall{0.0f};
    PedicleLandmarks pedicles[2];                // indexed by Side
    BodyDimensions dimensions;

    const PedicleLandmarks& pedicle(Side side) const { return pedicles[side == Side::Left ? 0 : 1]; }
    // Node-local <-> anatomical coordinates (x left, y superior, z anterior, origin at the body centre).
    glm::mat4 anatomicalToLocal() const;
    glm::mat4 localToAnatomical() const;
};

// Parses the "spineviz" object of a vertebra's extras; nullopt with a reason if it is missing or malformed.
std::optional<VertebraLandmarks> parseVertebraLandmarks(const nlohmann::json& extras, std::string& error);

} // namespace spineviz
