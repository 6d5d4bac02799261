#include "core/trainee/TraineeCase.h"

namespace spineviz {

std::optional<TraineeCase> findTraineeCase(const Scene& scene, const SpineAnatomy& anatomy, const std::string& level,
                                           std::string& error) {
    const VertebraNode* vertebra = anatomy.vertebra(level);
    if (!vertebra) {
        error = anatomy.problemWith(level);
        return std::nullopt;
    }
    const Node& node = scene.nodes.at(std::size_t(vertebra->node));
    if (node.mesh < 0 || scene.meshes.at(std::size_t(node.mesh)).primitives.empty() ||
        scene.meshes[std::size_t(node.mesh)].primitives.front().mesh.empty()) {
        error = node.name + " has no bone surface to practise on";
        return std::nullopt;
    }
    return TraineeCase{&scene.meshes[std::size_t(node.mesh)].primitives.front().mesh, &vertebra->landmarks};
}

} // namespace spineviz
