#pragma once
// The treated vertebra as practice mode needs it: its outer bone surface and its landmarks, both
// in its node frame, found in a loaded model.

#include "core/anatomy/SpineAnatomy.h"
#include "core/scene/Scene.h"

#include <optional>
#include <string>

namespace spineviz {

struct TraineeCase {
    const MeshData* bone = nullptr;
    const VertebraLandmarks* landmarks = nullptr;
};

// nullopt and why ("the model has no T4 with landmarks", "vertebrae_L1 has no mesh") if the level
// cannot be practised on in this model.
std::optional<TraineeCase> findTraineeCase(const Scene& scene, const SpineAnatomy& anatomy, const std::string& level,
                                           std::string& error);

} // namespace spineviz
