#include "app/PicturesFolder.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace spineviz {
namespace {

namespace fs = std::filesystem;

// Reads XDG_PICTURES_DIR="$HOME/Pictures" from ~/.config/user-dirs.dirs.
std::string fromUserDirs(const std::string& home) {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    const fs::path file = fs::path(config && *config ? config : home + "/.config") / "user-dirs.dirs";
    std::ifstream in(file);
    std::string line;
    const std::string key = "XDG_PICTURES_DIR=";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) != 0) continue;
        std::string value = line.substr(key.size());
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (value.rfind("$HOME", 0) == 0) value = home + value.substr(5);
        return value;
    }
    return "";
}

} // namespace

std::string picturesFolder() {
    std::error_code ec;
    if (const char* env = std::getenv("XDG_PICTURES_DIR"); env && fs::is_directory(env, ec)) return env;
    if (const char* home = std::getenv("HOME"); home && *home) {
        const std::string configured = fromUserDirs(home);
        if (!configured.empty() && fs::is_directory(configured, ec)) return configured;
        const std::string pictures = std::string(home) + "/Pictures";
        if (fs::is_directory(pictures, ec)) return pictures;
    }
    return fs::current_path(ec).string();
}

std::string screenshotPathIn(const std::string& folder) {
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    std::error_code ec;
    fs::path path = fs::path(folder) / (std::string("spineviz-") + stamp + ".png");
    for (int n = 2; fs::exists(path, ec); ++n)
        path = fs::path(folder) / (std::string("spineviz-") + stamp + "-" + std::to_string(n) + ".png");
    return path.string();
}

} // namespace spineviz
