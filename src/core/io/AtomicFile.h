#pragma once
// Writes a whole file so that readers see either the old file or the complete new one: the bytes go
// to a temporary file in the same folder, which is then renamed over the target.

#include <cstdint>
#include <string>
#include <vector>

namespace spineviz {

// Returns "" on success, else a one-line reason.
std::string writeFileAtomically(const std::string& path, const std::vector<std::uint8_t>& bytes);

} // namespace spineviz
