#pragma once
// Image files of 8-bit RGBA pixels: written atomically as PNG, or as JPEG when the name ends in .jpg
// or .jpeg (much smaller for renders of the 3D view); read from any format stb_image knows.

#include "core/scene/Scene.h"

#include <string>

namespace spineviz {

// Writes `image` (rows top to bottom), the format chosen by the file name. Returns "" on success,
// else the reason.
std::string writeImage(const std::string& path, const Image& image);

// Reads an image as RGBA; empty image and `error` set on failure.
Image readImage(const std::string& path, std::string& error);

} // namespace spineviz
