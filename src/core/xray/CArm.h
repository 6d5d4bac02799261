#pragma once
// A mobile C-arm: an X-ray point source and a round detector on the two ends of the C, turned
// about the patient by two rotations. GL-free: it gives the source, the detector's axes, the
// matrices the X-ray pass renders with, and the projection of any point onto the detector.
//
// Frame: the model's world (metres; +X the patient's left, +Y superior, +Z anterior). The patient
// lies prone; the C-arm stands at the table's side with the C in the patient's axial plane.
//  - Orbital rotation (the C sliding in its collar) turns the beam about the patient's long axis:
//    0 = AP (tube under the table, anterior; detector over the back), +90 degrees = lateral with
//    the tube on the patient's left.
//  - Angular rotation (the C tilting about its horizontal arm) tilts the beam toward the head (+)
//    or the feet (-).
// The image is shown the way radiographs are read: the patient's superior side up; on AP the
// patient's right on the viewer's left (as if facing the patient from the tube side); on the
// lateral the anterior side on the left.

#include "core/anatomy/VertebraLandmarks.h"

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <optional>

namespace spineviz::xray {

struct CArmGeometry {
    // Source-to-image distance: 96.8 cm on a Siemens ARCADIS Varic (its service manual's SID
    // check); "about 1 m" on mobile C-arms generally.
    float sourceToDetector = 0.968f;
    // Focal spot to the centre of interest: estimate (the body sits a little nearer the detector
    // than mid-arc), giving a magnification of 1.6 at the isocentre.
    float sourceToIsocentre = 0.60f;
    // Input field of a 9-inch image intensifier: 23 cm, or 15 cm in its magnification mode (ECRI's
    // description of mobile C-arms: 23/15 cm dual-mode intensifiers are typical).
    static constexpr float kNormalField = 0.23f, kMagnifiedField = 0.15f;
    float detectorDiameter = kNormalField;

    float magnification() const { return sourceToDetector / sourceToIsocentre; }
};

struct CArmPose {
    glm::vec3 isocentre{0.0f}; // world point on the central ray, sourceToIsocentre from the source
    float orbital = 0.0f;      // radians, see the header comment
    float angular = 0.0f;      // radians
};

// Where a pose puts everything, in world space.
struct CArmView {
    glm::vec3 source{0.0f};
    glm::vec3 detectorCentre{0.0f};
    glm::vec3 beam{0.0f, 0.0f, -1.0f}; // unit, source -> detector
    glm::vec3 right{1.0f, 0.0f, 0.0f}; // detector axes as the image is shown: +x right, +y up
    glm::vec3 up{0.0f, 1.0f, 0.0f};
    float sourceToDetector = 1.0f;
    float sourceToIsocentre = 0.6f;
    float fieldRadius = 0.115f;        // detector radius, metres
    glm::mat4 view{1.0f};              // from the source, looking along the beam
    glm::mat4 projection{1.0f};        // a square frustum just holding the detector's circle

    // The detector point (metres from its centre, in right/up) a world point projects to;
    // nullopt when the point is not in front of the source.
    std::optional<glm::vec2> project(const glm::vec3& world) const;
    // The ray from the source to a detector point given in image coordinates -1..1 (x right,
    // y up; the square around the round field).
    glm::vec3 rayTo(const glm::vec2& image) const;
    // Local frame for drawing the C-arm: origin at the isocentre, +Z toward the source, +X right,
    // +Y up.
    glm::mat4 armFrame(const glm::vec3& isocentre) const;

    static constexpr float kNear = 0.05f, kFar = 4.0f; // metres from the source
};

CArmView viewOf(const CArmPose& pose, const CArmGeometry& geometry);

// The beam direction of a pose, and the pose angles that give a beam direction (at a pure
// lateral, where the angular rotation only rolls the image, it is left at 0).
glm::vec3 beamDirection(float orbital, float angular);
void anglesFor(const glm::vec3& beam, float& orbital, float& angular);

// The treated vertebra as the presets need it: its frame and its pedicles.
struct XrayAnatomy {
    bool valid = false;
    glm::mat4 anatomicalToWorld{1.0f}; // x left, y superior, z anterior; origin at the body centre
    glm::vec3 pedicleEntry[2]{};       // anatomical frame, [0] left, [1] right
    glm::vec3 pedicleAxis[2]{{0, 0, 1}, {0, 0, 1}};
};
XrayAnatomy xrayAnatomyFrom(const glm::mat4& anatomicalToWorld, const VertebraLandmarks& landmarks);

enum class CArmPreset { TrueAp, TrueLateral, OwlsEyeLeft, OwlsEyeRight, Custom };
const char* carmPresetName(CArmPreset preset);  // "True AP", ...
const char* carmPresetKey(CArmPreset preset);   // "ap", "lateral", "owl-left", "owl-right", "custom"
std::optional<CArmPreset> parseCArmPreset(const char* key);

// The preset poses, from the treated vertebra's landmarks:
//  - true AP: the beam along the vertebra's own anterior-posterior axis (its sagittal tilt in the
//    spine's curve included), so the endplates are edge-on lines and the spinous process sits
//    midway between the pedicles; centred on the body;
//  - true lateral: the beam along the vertebra's left-right axis, so both pedicles and the
//    posterior wall superimpose; centred on the body;
//  - owl's eye / barrel view: the beam down one pedicle's axis (from the front, out through the
//    pedicle), the source on the axis's line, so the pedicle is seen end-on as a ring.
// Custom returns the AP pose. Without valid anatomy, AP and lateral look along the world axes
// through `fallbackCentre`.
CArmPose presetPose(CArmPreset preset, const XrayAnatomy& anatomy, const glm::vec3& fallbackCentre = glm::vec3(0.0f));

// Which of the patient's sides shows on the image's left and right, for the orientation letters
// ("R", "L", "A", "P", "H", "F"). For each image edge, the patient direction it points to most.
struct ImageOrientation {
    char left = 'R', right = 'L', top = 'H', bottom = 'F';
};
ImageOrientation orientationOf(const CArmView& view);

} // namespace spineviz::xray
