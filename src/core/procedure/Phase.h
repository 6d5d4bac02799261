#pragma once
// The steps of the two procedures. Kyphoplasty has twelve; vertebroplasty skips drilling and the
// balloon (no cavity is made: cement goes straight into the bone).

#include "core/procedure/ProcedureOptions.h"

#include <optional>
#include <string>
#include <vector>

namespace spineviz {

enum class PhaseId {
    Healthy,          // 1 the healthy spine
    Fracture,         // 2 the body collapses; posture stoops
    Preparation,      // 3 prone, anaesthesia, C-arm set for true AP and lateral
    Access,           // 4 trocar through the pedicle(s), then the working cannula
    Drilling,         // 5 kyphoplasty: channel toward the anterior third
    BalloonInsertion, // 6 kyphoplasty: balloon tamp in place
    Inflation,        // 7 kyphoplasty: pressure and volume rise, endplates lift
    Deflation,        // 8 kyphoplasty: balloon out, the cavity stays
    Cement,           // 9 cement mixed and delivered
    Hardening,        // 10 cement cures
    Removal,          // 11 instruments out
    Outcome,          // 12 before / after
};

// Command-line name: healthy, fracture, preparation, access, drilling, balloon, inflation,
// deflation, cement, hardening, removal, outcome.
const char* phaseName(PhaseId id);
std::optional<PhaseId> parsePhase(const std::string& name);

// The phases of a procedure, in order.
const std::vector<PhaseId>& phasesOf(Procedure procedure);
bool procedureHasPhase(Procedure procedure, PhaseId id);

} // namespace spineviz
