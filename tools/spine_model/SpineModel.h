#pragma once
// Builds the whole spine scene (bones, discs, neural tissue, ribs) from the parameter table.

#include "GlbWriter.h"

#include <string>
#include <vector>

namespace spine_model {

struct BuildOptions {
    std::vector<std::string> onlyNodes; // debugging: build just these node names (empty: everything)
    bool verbose = false;
};

Scene buildSpineScene(const BuildOptions& options);

} // namespace spine_model
