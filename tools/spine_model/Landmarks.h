#pragma once
// The procedure landmarks of a vertebra (docs/model-format.md), found by probing its field so they
// lie exactly on the generated surfaces: endplate centres, wall points, pedicle entries and axes, and
// the dimensions as built.

#include "BodyShape.h"
#include "FieldSampling.h"
#include "VertebraGeometry.h"

#include <nlohmann/json.hpp>

#include <string>

namespace spine_model {

// First zero crossing of `field` going from `from` (inside or outside) along unit `dir`, up to
// `maxDistance`; returns the crossing point (bisected to ~1 um) or `from` when there is none.
glm::vec3 findCrossing(const Field& field, const glm::vec3& from, const glm::vec3& dir, float maxDistance, bool* found = nullptr);

// The spineviz extras object of a vertebra (or of the sacrum, with kind "sacrum" and no posterior
// landmarks when `geometry` is null). `bone` is the whole-bone field, `body` the body alone.
nlohmann::json vertebraExtras(const std::string& level, const std::string& kind, const Field& bone, const Field& body,
                              const BodyShape& bodyShape, const VertebraGeometry* geometry, float corticalThickness);

} // namespace spine_model
