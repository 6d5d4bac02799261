#pragma once
// Places every part on the sagittal curve. The chain is built from the sacrum upwards: each disc
// sits on the superior endplate plane below it, rises by its height and tilts by its wedge, and the
// next vertebra's inferior endplate plane sits on it. The curve (kyphosis, lordosis) therefore comes
// from body wedging (heights) plus disc wedging, and discs are congruent with their endplates by
// construction. The whole spine is then turned so that T1 stands over the back of S1 and centred.
// Facet joints and rib attachments are laid out here too, since each involves two bones.

#include "BodyShape.h"
#include "FacetJoint.h"
#include "Morphometry.h"
#include "VertebraGeometry.h"

#include <glm/mat4x4.hpp>

#include <array>
#include <string>
#include <vector>

namespace spine_model {

// A rib stub and where it meets the spine. Points are in world coordinates (mm); the head and the
// tubercle are ellipsoids/spheres that the costal facets are cupped around, a joint space apart.
struct RibAttachment {
    int number = 1;            // rib 1..12
    int side = 0;              // 0 left, 1 right
    int vertebra = 0;          // level index of T(number): the rib's node frame and its tubercle's vertebra
    int upperVertebra = -1;    // level index of T(number-1) when the head also meets that body (ribs 2-9)
    glm::vec3 head{0.0f};
    glm::vec3 headRadii{4.5f}; // along the vertebra's axes (left, superior, anterior)
    bool hasTubercle = true;   // ribs 11 and 12 do not articulate with a transverse process
    glm::vec3 tubercle{0.0f};
    float tubercleRadius = 3.2f;
    std::vector<glm::vec3> path;    // centre line: head, neck, tubercle junction, shaft, cut end
    std::vector<glm::vec2> section; // half sizes at each path point: along `flat`, and across it
    std::vector<glm::vec3> flat;    // at each path point: the direction of the section's larger size
};

struct SacrumFrameInfo {
    BodyParams body;
    glm::vec3 jointAnchor[2]; // where the S1 superior articular facets sit (sacrum frame)
};

struct SpineLayout {
    std::array<VertebraGeometry, kLevelCount> vertebrae;
    std::array<glm::mat4, kLevelCount> vertebraPose{}; // vertebra frame -> world (mm)
    SacrumFrameInfo sacrum;
    glm::mat4 sacrumPose{1.0f};
    std::array<glm::mat4, kLevelCount> discPose{};     // disc below level i: its mid-plane frame -> world
    std::array<float, kLevelCount> discPlaneGap{};     // distance between the two rim planes at the centre
    // Facet joints, world: joints[j] lies between level j-1 and level j (j = 0: C7-T1, j = kLevelCount: L5-S1).
    std::array<std::array<FacetJoint, 2>, kLevelCount + 1> joints{};
    std::vector<RibAttachment> ribs;
    float sacralSlopeDegrees = 0.0f;
};

SpineLayout layoutSpine();

// Joint and disc helpers shared with the shapes.
const BodyParams& bodyParamsOf(const SpineLayout& layout, int boneIndex); // kLevelCount: sacrum
glm::mat4 bonePose(const SpineLayout& layout, int boneIndex);

} // namespace spine_model
