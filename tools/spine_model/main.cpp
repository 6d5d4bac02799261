// spine_model: generates models/spine.glb from the morphometry table.
//   spine_model --out PATH [--only NODE[,NODE...]] [--threads N] [--verbose]
// --only builds just the named nodes (for quick looks); --threads sets the meshing threads (default 2;
// the output is the same for any count); --verbose prints each mesh's time and triangle counts.

#include "GlbWriter.h"
#include "SpineModel.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <sstream>
#include <string>

namespace {

int usage() {
    std::fprintf(stderr, "usage: spine_model --out PATH [--only NODE[,NODE...]] [--threads N] [--verbose]\n");
    return 2;
}

std::vector<std::string> splitCommas(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, ',');)
        if (!part.empty()) parts.push_back(part);
    return parts;
}

} // namespace

int main(int argc, char** argv) {
    std::string out;
    spine_model::BuildOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--out" && i + 1 < argc) out = argv[++i];
        else if (arg == "--only" && i + 1 < argc) options.onlyNodes = splitCommas(argv[++i]);
        else if (arg == "--verbose") options.verbose = true;
        else if (arg == "--threads" && i + 1 < argc) {
            options.threads = std::atoi(argv[++i]);
            if (options.threads < 1 || options.threads > 64) return usage();
        }
        else return usage();
    }
    if (out.empty()) return usage();
    try {
        const spine_model::Scene scene = spine_model::buildSpineScene(options);
        spine_model::writeFileAtomically(out, spine_model::encodeGlb(scene));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "spine_model: %s\n", e.what());
        return 1;
    }
    return 0;
}
