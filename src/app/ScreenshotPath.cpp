#include "app/ScreenshotPath.h"

#include "app/OptionValues.h"
#include "core/io/AtomicFile.h"
#include "core/io/ImageFile.h"

#include <filesystem>

namespace spineviz {
namespace {

namespace fs = std::filesystem;

const std::string kAllowed = std::string("a file name ending in ") + kImageNameEndings;

} // namespace

void checkScreenshotName(const std::string& path) {
    if (path.empty()) throwOptionError("--screenshot", path, "empty", kAllowed);
    const std::string name = fs::path(path).filename().string();
    std::error_code ec;
    if (path.back() == '/' || name == "." || name == ".." || fs::is_directory(path, ec))
        throwOptionError("--screenshot", path, "names a folder, not a file", kAllowed + " (e.g. " + (fs::path(path) / "out.png").lexically_normal().string() + ")");
    if (!imageFormatForName(path)) throwOptionError("--screenshot", path, "unknown image format", kAllowed);
}

std::string screenshotDestinationProblem(const std::string& path) {
    const fs::path folder = fs::path(path).parent_path();
    std::error_code ec;
    if (!folder.empty() && !fs::is_directory(folder, ec))
        return "cannot write " + path + ": folder " + folder.string() + (fs::exists(folder, ec) ? " is not a folder" : " does not exist");
    return replaceProblem(path);
}

} // namespace spineviz
