#pragma once
// Finds spineviz's data (shaders/ and models/): beside a build tree's executable, under the install
// prefix, or in the source tree it was built from. SPINEVIZ_DATA_DIR overrides all of them.

#include <string>
#include <vector>

namespace spineviz {

struct ResourcePaths {
    std::string dataDir;   // holds shaders/ and models/
    std::string shaderDir;
    std::string defaultModel;
    std::string fontPath;  // a TrueType UI font, or empty
};

// Candidate data folders, most specific first.
std::vector<std::string> dataDirCandidates(const std::string& executableDir);
// Returns false and a message listing the places looked in when no data folder is found.
bool findResources(ResourcePaths& paths, std::string& error);

} // namespace spineviz
