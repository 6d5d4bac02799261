#pragma once
// A trainee's attempt at the access, as data: for each needle the entry point, the aim, how deep it
// went and the X-rays taken on the way. Written by the practice mode as the trainee works, or read
// from a plan file (`--trainee-plan FILE.json`, docs/trainee.md) to score an attempt headless.
//
// Points and directions are in the treated vertebra's node frame: the frame its landmarks in the
// model's extras use (docs/model-format.md), so a plan can be written from the pedicle landmarks.

#include "core/anatomy/VertebraLandmarks.h"
#include "core/procedure/ProcedureOptions.h"

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace spineviz {

struct NeedleAttempt {
    Side side = Side::Left;
    glm::vec3 entry{0.0f};          // metres: where the trocar is docked on the bone
    glm::vec3 direction{0, 0, 1};   // unit, into the bone
    float depth = 0.0f;             // metres from the entry to the tip
    int shots = 0;                  // single X-ray exposures taken for this needle
    double fluoroSeconds = 0.0;     // live fluoroscopy (beam time) for this needle

    glm::vec3 tip() const { return entry + direction * depth; }
};

struct TraineePlan {
    std::string level;                 // the treated vertebra, T5..L5
    std::vector<NeedleAttempt> needles; // one per pedicle used, at most one per side
};

// Reads a plan: one needle object or a list of one or two (docs/trainee.md). Every value is checked
// (finite, within plausible reach, a direction of non-zero length, distinct sides); on error,
// nullopt and one line naming the item, e.g. "needles[1].depth_mm: must be between 1 and 150".
std::optional<TraineePlan> parseTraineePlan(const nlohmann::json& plan, std::string& error);

// What an expert would do with the landmarks: each pedicle's planned path (core/procedure/Trajectory)
// to the trocar's target: the posterior third of the body for kyphoplasty (the working cannula goes
// in behind it), the anterior third for vertebroplasty. `shotsPerNeedle` X-rays each.
inline constexpr int kIdealShotsPerNeedle = 6; // AP and lateral at docking, mid-pedicle and the posterior wall
TraineePlan idealTraineePlan(const VertebraLandmarks& landmarks, const ProcedureOptions& options, int shotsPerNeedle);

// The same plan as the JSON a plan file holds (what `parseTraineePlan` reads back).
nlohmann::json traineePlanJson(const TraineePlan& plan);

} // namespace spineviz
