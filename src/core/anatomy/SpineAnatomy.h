#pragma once
// The spine found in a loaded scene: which node is which vertebra (with its landmarks), which are
// the discs, and where every other node sits relative to a level. Built once per model.

#include "core/anatomy/VertebraLandmarks.h"
#include "core/scene/Scene.h"

#include <optional>
#include <string>
#include <vector>

namespace spineviz {

struct VertebraNode {
    std::string level;
    int node = -1;                 // the vertebra node
    std::vector<int> descendants;  // e.g. its trabecular interior
    VertebraLandmarks landmarks;
};

struct DiscNode {
    std::string upper, lower;
    int node = -1;
    std::vector<int> descendants;  // e.g. its nucleus
};

class SpineAnatomy {
public:
    // Finds vertebrae (nodes named vertebrae_<level> with landmarks) and discs (disc_<upper>_<lower>).
    static SpineAnatomy fromScene(const Scene& scene);

    const std::vector<VertebraNode>& vertebrae() const { return vertebrae_; }
    const std::vector<DiscNode>& discs() const { return discs_; }
    const VertebraNode* vertebra(const std::string& level) const;
    const DiscNode* discBetween(const std::string& upper, const std::string& lower) const;
    // The disc directly above / below a level, if the model has it.
    const DiscNode* discAbove(const std::string& level) const;
    const DiscNode* discBelow(const std::string& level) const;
    // Levels that carry valid landmarks and may be treated (T5..L5), cranio-caudal.
    std::vector<std::string> treatableLevels() const;
    // Why a level cannot be treated in this model ("" if it can).
    std::string problemWith(const std::string& level) const;
    // The first vertebra whose landmarks are missing a value or implausible, as
    // "nodes[12].extras.spineviz.dimensions.endplate_width: reason"; "" when all are usable.
    // A model with such a vertebra is refused as a whole: its values must never reach the simulations.
    const std::string& landmarkProblem() const { return landmarkProblem_; }

private:
    std::vector<VertebraNode> vertebrae_;
    std::vector<DiscNode> discs_;
    std::vector<std::string> problems_; // parse problems, by level, "L1: reason"
    std::string landmarkProblem_;
};

// Every node under `node` (children, grandchildren...).
std::vector<int> descendantsOf(const Scene& scene, int node);

} // namespace spineviz
