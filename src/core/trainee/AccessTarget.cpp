#include "core/trainee/AccessTarget.h"

#include <glm/geometric.hpp>
#include <glm/vec4.hpp>

namespace spineviz {

float trocarTargetFraction(Procedure procedure) {
    return procedure == Procedure::Kyphoplasty ? kPosteriorThird : kAnteriorThird;
}

AccessTarget accessTarget(const VertebraLandmarks& landmarks, const ProcedureOptions& options, Side side) {
    AccessTarget target;
    target.path = planTrajectory(landmarks, side, options.access);
    target.targetDepth = target.path.depthAt(trocarTargetFraction(options.procedure));
    const glm::mat4 toLocal = landmarks.anatomicalToLocal();
    target.entryLocal = glm::vec3(toLocal * glm::vec4(target.path.entry, 1.0f));
    target.axisLocal = glm::normalize(glm::vec3(toLocal * glm::vec4(target.path.axis, 0.0f)));
    target.targetLocal = glm::vec3(toLocal * glm::vec4(target.path.at(target.targetDepth), 1.0f));
    return target;
}

} // namespace spineviz
