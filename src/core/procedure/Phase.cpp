#include "core/procedure/Phase.h"

#include <algorithm>

namespace spineviz {

const char* phaseName(PhaseId id) {
    switch (id) {
    case PhaseId::Healthy: return "healthy";
    case PhaseId::Fracture: return "fracture";
    case PhaseId::Preparation: return "preparation";
    case PhaseId::Access: return "access";
    case PhaseId::Drilling: return "drilling";
    case PhaseId::BalloonInsertion: return "balloon";
    case PhaseId::Inflation: return "inflation";
    case PhaseId::Deflation: return "deflation";
    case PhaseId::Cement: return "cement";
    case PhaseId::Hardening: return "hardening";
    case PhaseId::Removal: return "removal";
    case PhaseId::Outcome: return "outcome";
    }
    return "healthy";
}

std::optional<PhaseId> parsePhase(const std::string& name) {
    for (PhaseId id : phasesOf(Procedure::Kyphoplasty))
        if (name == phaseName(id)) return id;
    return std::nullopt;
}

const std::vector<PhaseId>& phasesOf(Procedure procedure) {
    static const std::vector<PhaseId> kyphoplasty = {
        PhaseId::Healthy,   PhaseId::Fracture,  PhaseId::Preparation, PhaseId::Access,
        PhaseId::Drilling,  PhaseId::BalloonInsertion, PhaseId::Inflation, PhaseId::Deflation,
        PhaseId::Cement,    PhaseId::Hardening, PhaseId::Removal,     PhaseId::Outcome};
    static const std::vector<PhaseId> vertebroplasty = {PhaseId::Healthy, PhaseId::Fracture, PhaseId::Preparation,
                                                        PhaseId::Access,  PhaseId::Cement,   PhaseId::Hardening,
                                                        PhaseId::Removal, PhaseId::Outcome};
    return procedure == Procedure::Kyphoplasty ? kyphoplasty : vertebroplasty;
}

bool procedureHasPhase(Procedure procedure, PhaseId id) {
    const auto& phases = phasesOf(procedure);
    return std::find(phases.begin(), phases.end(), id) != phases.end();
}

} // namespace spineviz
