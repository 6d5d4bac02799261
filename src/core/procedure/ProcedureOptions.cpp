#include "core/procedure/ProcedureOptions.h"

#include "core/anatomy/SpineLevels.h"

namespace spineviz {

const char* procedureName(Procedure p) { return p == Procedure::Kyphoplasty ? "kyphoplasty" : "vertebroplasty"; }

const char* morphologyName(Morphology m) {
    switch (m) {
    case Morphology::Wedge: return "wedge";
    case Morphology::Biconcave: return "biconcave";
    case Morphology::Crush: return "crush";
    }
    return "wedge";
}

const char* accessName(Access a) { return a == Access::Bilateral ? "bilateral" : "unilateral"; }
const char* sideName(Side s) { return s == Side::Left ? "left" : "right"; }
const char* fractureAgeName(FractureAge age) { return age == FractureAge::Acute ? "acute" : "chronic"; }

std::optional<FractureAge> parseFractureAge(const std::string& name) {
    if (name == "acute") return FractureAge::Acute;
    if (name == "chronic" || name == "healed") return FractureAge::Chronic;
    return std::nullopt;
}

std::optional<Procedure> parseProcedure(const std::string& name) {
    for (Procedure p : {Procedure::Kyphoplasty, Procedure::Vertebroplasty})
        if (name == procedureName(p)) return p;
    return std::nullopt;
}

std::optional<Morphology> parseMorphology(const std::string& name) {
    for (Morphology m : {Morphology::Wedge, Morphology::Biconcave, Morphology::Crush})
        if (name == morphologyName(m)) return m;
    return std::nullopt;
}

std::optional<Access> parseAccess(const std::string& name) {
    for (Access a : {Access::Bilateral, Access::Unilateral})
        if (name == accessName(a)) return a;
    return std::nullopt;
}

const char* procedureTitle(Procedure p) { return p == Procedure::Kyphoplasty ? "Balloon kyphoplasty" : "Vertebroplasty"; }

const char* morphologyTitle(Morphology m) {
    switch (m) {
    case Morphology::Wedge: return "Wedge";
    case Morphology::Biconcave: return "Biconcave";
    case Morphology::Crush: return "Crush";
    }
    return "Wedge";
}

bool isTreatableLevel(const std::string& level) {
    const auto index = levelIndex(level), first = levelIndex(kFirstTreatableLevel);
    return index && first && *index >= *first;
}

} // namespace spineviz
