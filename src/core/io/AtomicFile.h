#pragma once
// Writes a whole file so that readers see either the old file or the complete new one, as careful
// tools do:
// - the bytes go to a temporary file beside the target (".NAME.spineviz-PID-XXXXXX.tmp"), which is
//   synced and then renamed over the target; a failed write removes it, and so does SIGINT/SIGTERM
//   (InterruptCleanup.h); leftovers of killed runs (their PID gone) are swept on the next write;
// - a destination that is a symbolic link, a folder or any other non-regular file is never
//   replaced, nor a read-only file;
// - a new file gets the usual 0666 less the umask; a replaced file keeps its permissions.

#include <cstdint>
#include <string>
#include <vector>

namespace spineviz {

// Returns "" when `path` may be written (absent, or a regular file we may write), else a one-line
// reason naming the path.
std::string replaceProblem(const std::string& path);

// Returns "" on success, else a one-line reason naming the path.
std::string writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes);

// The prefix of this program's temporary files for `fileName` (".NAME.spineviz-").
std::string tempFilePrefix(const std::string& fileName);

} // namespace spineviz
