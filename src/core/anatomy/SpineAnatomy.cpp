#include "core/anatomy/SpineAnatomy.h"

#include "core/anatomy/ModelFormat.h"
#include "core/anatomy/SpineLevels.h"

namespace spineviz {

std::vector<int> descendantsOf(const Scene& scene, int node) {
    std::vector<int> out, stack(scene.nodes[node].children);
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        out.push_back(n);
        stack.insert(stack.end(), scene.nodes[n].children.begin(), scene.nodes[n].children.end());
    }
    return out;
}

SpineAnatomy SpineAnatomy::fromScene(const Scene& scene) {
    SpineAnatomy anatomy;
    for (std::string_view level : kVertebraLevels) {
        const int node = scene.findNode(vertebraNodeName(level));
        if (node < 0) continue;
        std::string error;
        const auto landmarks = parseVertebraLandmarks(scene.nodes[node].extras, error);
        if (!landmarks) {
            // Name the item as the file does: nodes[<index in the file>].extras.spineviz....
            const int source = scene.nodes[node].sourceIndex >= 0 ? scene.nodes[node].sourceIndex : node;
            anatomy.problems_.push_back(std::string(level) + ": nodes[" + std::to_string(source) + "]." + error);
            // A node that carries spineviz landmarks, but broken ones, makes the whole model unusable.
            const nlohmann::json& extras = scene.nodes[node].extras;
            if (extras.is_object() && extras.contains(model_format::kExtrasRoot) && anatomy.landmarkProblem_.empty())
                anatomy.landmarkProblem_ = anatomy.problems_.back().substr(level.size() + 2);
            continue;
        }
        anatomy.vertebrae_.push_back({std::string(level), node, descendantsOf(scene, node), *landmarks});
    }
    // Discs between consecutive levels, and L5-S1.
    std::vector<std::string> levels(kVertebraLevels.begin(), kVertebraLevels.end());
    levels.push_back("S1");
    for (std::size_t i = 0; i + 1 < levels.size(); ++i) {
        const int node = scene.findNode(discNodeName(levels[i], levels[i + 1]));
        if (node >= 0) anatomy.discs_.push_back({levels[i], levels[i + 1], node, descendantsOf(scene, node)});
    }
    return anatomy;
}

const VertebraNode* SpineAnatomy::vertebra(const std::string& level) const {
    for (const VertebraNode& v : vertebrae_)
        if (v.level == level) return &v;
    return nullptr;
}

const DiscNode* SpineAnatomy::discBetween(const std::string& upper, const std::string& lower) const {
    for (const DiscNode& d : discs_)
        if (d.upper == upper && d.lower == lower) return &d;
    return nullptr;
}

const DiscNode* SpineAnatomy::discAbove(const std::string& level) const {
    for (const DiscNode& d : discs_)
        if (d.lower == level) return &d;
    return nullptr;
}

const DiscNode* SpineAnatomy::discBelow(const std::string& level) const {
    for (const DiscNode& d : discs_)
        if (d.upper == level) return &d;
    return nullptr;
}

std::vector<std::string> SpineAnatomy::treatableLevels() const {
    std::vector<std::string> out;
    for (const VertebraNode& v : vertebrae_)
        if (isTreatableLevel(v.level)) out.push_back(v.level);
    return out;
}

std::string SpineAnatomy::problemWith(const std::string& level) const {
    if (!isTreatableLevel(level)) return "level " + level + " is not one spineviz treats (T5 to L5)";
    if (vertebra(level)) return "";
    for (const std::string& problem : problems_)
        if (problem.rfind(level + ": ", 0) == 0) return "the model's " + level + " landmarks are unusable: " + problem.substr(level.size() + 2);
    return "the model has no vertebra " + level + " with spineviz landmarks";
}

} // namespace spineviz
