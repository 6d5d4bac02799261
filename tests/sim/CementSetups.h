#pragma once
// Cement setups on the L1-like synthetic vertebra, as the procedure plan makes them.

#include "SyntheticVertebra.h"
#include "core/procedure/ProcedurePlan.h"
#include "core/sim/SimpleCementModel.h"

namespace spineviz::test {

inline CementSetup cementSetup(Procedure procedure, std::uint32_t seed = 1, int grade = 2, Morphology morphology = Morphology::Wedge,
                               const CementOptions& cement = {}) {
    ProcedureOptions options;
    options.procedure = procedure;
    options.seed = seed;
    options.grade = grade;
    options.morphology = morphology;
    // The stand-in model is cheap; only the setup the plan builds is wanted here.
    return ProcedurePlan::make(options, syntheticL1(), syntheticBody(), SimpleCementModel(), cement).cementSetup;
}

// Voxel index in a bone model's grid of a point of a field's grid.
inline std::size_t boneIndexOf(const VoxelGrid& bone, const glm::vec3& p) {
    const glm::vec3 c = (p - bone.origin) / bone.cell;
    return bone.index(int(std::floor(c.x)), int(std::floor(c.y)), int(std::floor(c.z)));
}

} // namespace spineviz::test
