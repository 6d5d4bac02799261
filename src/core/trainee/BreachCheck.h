#pragma once
// Where a trainee's needle leaves the bone it should stay in, and the safety rules trainees are
// taught to follow under fluoroscopy (shared/reference/clinical.md, "Access and imaging"):
//  - breaches: the trocar's outer surface outside the vertebra's outer bone surface anywhere between
//    where it docks on the bone and its tip, named by the wall it went through (pedicle: medial,
//    lateral, superior, inferior; body: endplate, anterior cortex, lateral wall) and graded by depth
//    on the Gertzbein-Robbins scale (A none, B < 2 mm, C 2-4 mm, D 4-6 mm, E >= 6 mm);
//  - the medial-wall rule: on the AP view the tip must not cross the pedicle's medial wall before,
//    on the lateral view, it has passed the posterior wall of the body;
//  - the fit: the instrument must be narrower than the pedicle's isthmus with cortex to spare.

#include "core/anatomy/VertebraLandmarks.h"
#include "core/mesh/MeshData.h"
#include "core/trainee/TraineePlan.h"

#include <optional>
#include <string>
#include <vector>

namespace spineviz {

enum class Wall { Medial, Lateral, Superior, Inferior, AnteriorCortex, Endplate };
const char* wallName(Wall wall); // "medial", ..., "anterior_cortex", "endplate"

struct Breach {
    Side side = Side::Left;
    Wall wall = Wall::Medial;
    float depth = 0.0f;  // metres outside the bone surface, at the deepest
    float at = 0.0f;     // metres along the needle from its entry, where it is deepest
    glm::vec3 point{0.0f}; // that deepest point on the needle's surface, vertebra node frame
};

// Gertzbein-Robbins grade of a breach depth: 'A' (none) to 'E'.
char breachGrade(float depth);

// Needle surface outside the bone by less than this is within the model's own accuracy (its surface
// is meshed from a smooth field; a tenth of a millimetre is the size of its facets' sag), so not a
// breach. Anything deeper counts, as Gertzbein-Robbins counts any breach (grade B from > 0 mm).
inline constexpr float kBreachTolerance = 0.0002f;

// `bone`: the vertebra's closed outer surface in its node frame. `radius`: the instrument's outer
// radius (metres). Every wall breached once, at its deepest, ordered along the needle.
std::vector<Breach> findBreaches(const MeshData& bone, const VertebraLandmarks& landmarks, const NeedleAttempt& needle,
                                 float radius);

// Where the first bone contact lies along the needle (metres from its entry; may be negative when
// the needle was docked short of the bone), or nullopt when the line never meets the bone.
std::optional<float> boneContact(const MeshData& bone, const NeedleAttempt& needle);

struct MedialWallRule {
    bool broken = false;
    float at = 0.0f;              // metres along the needle where the tip crossed the medial wall on AP
    float behindPosteriorWall = 0.0f; // how far the tip still was behind the posterior wall then (metres)
};
MedialWallRule checkMedialWallRule(const VertebraLandmarks& landmarks, const NeedleAttempt& needle);

// The instrument's fit in the pedicle: too tight when the pedicle leaves less than kFitCortex of
// bone on each side of it.
inline constexpr float kFitCortex = 0.001f;
bool tooTightFor(const PedicleLandmarks& pedicle, float instrumentDiameter);

} // namespace spineviz
