#include "app/ResourcePaths.h"

#include <SDL.h>

#include <cstdlib>
#include <filesystem>

namespace spineviz {
namespace {

namespace fs = std::filesystem;

bool isDataDir(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "shaders" / "mesh.vert", ec);
}

std::string executableDir() {
    char* base = SDL_GetBasePath();
    std::string dir = base ? base : "";
    SDL_free(base);
    return dir;
}

std::string findFont() {
    // fonts-dejavu-core first (the README installs it), then other common families.
    const char* candidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"};
    std::error_code ec;
    for (const char* path : candidates)
        if (fs::is_regular_file(path, ec)) return path;
    return "";
}

} // namespace

std::vector<std::string> dataDirCandidates(const std::string& exeDir) {
    std::vector<std::string> out;
    if (const char* env = std::getenv("SPINEVIZ_DATA_DIR")) out.emplace_back(env);
    if (!exeDir.empty()) {
        const fs::path exe(exeDir);
        out.push_back((exe / "..").lexically_normal().string());                          // build/ inside the source tree
        out.push_back(exe.lexically_normal().string());
        out.push_back((exe / ".." / "share" / "spineviz").lexically_normal().string());   // installed: bin/../share/spineviz
    }
    out.emplace_back(SPINEVIZ_DATA_INSTALL_DIR);
    out.emplace_back(SPINEVIZ_SOURCE_DIR);
    return out;
}

bool findResources(ResourcePaths& paths, std::string& error) {
    const std::vector<std::string> candidates = dataDirCandidates(executableDir());
    for (const std::string& dir : candidates) {
        if (!isDataDir(dir)) continue;
        paths.dataDir = dir;
        paths.shaderDir = (fs::path(dir) / "shaders").string();
        paths.defaultModel = (fs::path(dir) / "models" / "spine.glb").string();
        paths.fontPath = findFont();
        return true;
    }
    error = "spineviz: cannot find its shaders; looked in:";
    for (const std::string& dir : candidates) error += "\n  " + dir;
    return false;
}

} // namespace spineviz
