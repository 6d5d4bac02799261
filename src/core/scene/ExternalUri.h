#pragma once
// Guards for the files a .gltf may reference. tinygltf 2.7 opens a uri as given (upstream issue
// #373), so "../../etc/passwd" or "/etc/passwd" would be read; spineviz refuses any external uri
// that is absolute or leaves the model's folder.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace spineviz {

// True for "data:" uris (embedded), which never touch the file system.
bool isDataUri(const std::string& uri);

// Why an external uri is refused, or "" when it is a plain relative path inside the model's folder.
std::string externalUriProblem(const std::string& uri);

// True when `path`, once resolved (symbolic links included), lies inside `folder`.
bool pathIsInside(const std::filesystem::path& path, const std::filesystem::path& folder);

// The file name a uri means: percent escapes decoded, '+' a space, as tinygltf decodes buffer uris.
std::string decodeUriPath(const std::string& uri);

// Reads a whole regular file of at most `maxBytes`; false with a short reason otherwise.
bool readWholeFile(const std::filesystem::path& path, std::size_t maxBytes, std::vector<std::uint8_t>& out, std::string& error);

} // namespace spineviz
