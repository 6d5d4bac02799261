#pragma once
// The camera each phase looks best from, relative to the treated vertebra: the whole spine for the
// healthy phase, the stooping profile for the fracture, behind and above for needle access, the
// side for what happens inside the body. The app eases the camera there (unless the user turns
// that off); orbiting stays free.

#include "core/camera/OrbitCamera.h"
#include "core/procedure/Phase.h"

#include <glm/mat4x4.hpp>

namespace spineviz {

enum class SectionMode { Sagittal, Axial }; // which way a cut-away opens the body

struct PhaseView {
    float yaw = 0.0f, pitch = 0.0f; // radians, as CameraPose
    float span = 0.12f;             // metres of anatomy that should fill the view's height
    float targetZ = -0.012f;        // where to look, front (+) to back (-) of the body centre, metres
    bool wholeSpine = false;        // frame the whole model instead
    bool inside = false;            // the interesting part is inside the body: see through it
    bool trunk = false;             // the team works from outside: show the patient's trunk, see-through
    SectionMode section = SectionMode::Sagittal;
};

PhaseView phaseView(PhaseId phase);

// Pose for a phase view: `anatomicalToWorld` is the treated vertebra's frame (origin at its body).
CameraPose cameraPoseFor(const PhaseView& view, const glm::mat4& anatomicalToWorld, const Aabb& modelBounds, float aspect);

} // namespace spineviz
