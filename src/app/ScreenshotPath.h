#pragma once
// Where --screenshot may write. The name is checked with the other options (exit 2): not empty,
// not a folder, ending in a format spineviz writes. The destination is checked before any work
// (exit 1): its folder exists and the file, if there, may be replaced (AtomicFile.h).

#include <string>

namespace spineviz {

// Throws OptionError naming --screenshot, the value and what is allowed.
void checkScreenshotName(const std::string& path);

// "" when `path` can be written now, else a one-line reason.
std::string screenshotDestinationProblem(const std::string& path);

} // namespace spineviz
