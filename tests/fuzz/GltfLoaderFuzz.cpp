// libFuzzer target for the model loader: any bytes, as .glb or .gltf, must give a scene or an error,
// never a crash, a hang or unbounded memory. External files resolve in an empty folder.

#include "core/scene/GltfLoader.h"

#include <cstdlib>
#include <string>

namespace {

const std::string& emptyFolder() {
    static const std::string folder = [] {
        char pattern[] = "/tmp/spineviz-fuzz-XXXXXX";
        const char* made = mkdtemp(pattern);
        return std::string(made ? made : "/nonexistent");
    }();
    return folder;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const spineviz::LoadResult result = spineviz::loadGltfFromMemory(data, size, emptyFolder(), "fuzz-input");
    if (!result && result.error.empty()) std::abort(); // a failure must always say why
    return 0;
}
