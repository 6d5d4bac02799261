#pragma once
// The bundled spine (models/spine.glb) loaded once per test process, and practice-mode plans on it:
// the ideal plan, and a needle of it turned as a trainee might turn it.

#include "core/anatomy/SpineAnatomy.h"
#include "core/scene/Scene.h"
#include "core/trainee/TraineePlan.h"

#include <glm/vec3.hpp>

#include <string>

namespace spineviz::test {

const Scene& bundledScene();
const SpineAnatomy& bundledAnatomy();
const VertebraNode& bundledVertebra(const std::string& level);
const MeshData& bundledBone(const std::string& level); // the vertebra's outer bone surface, node frame

TraineePlan bundledIdealPlan(const std::string& level, Procedure procedure = Procedure::Kyphoplasty, int shotsPerNeedle = 6);
// Turns the `side` needle's aim by `degrees` about `anatomicalAxis` (x left, y up, z anterior).
TraineePlan turnedNeedle(TraineePlan plan, Side side, const glm::vec3& anatomicalAxis, float degrees);

} // namespace spineviz::test
