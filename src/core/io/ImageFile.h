#pragma once
// PNG encoding and decoding of 8-bit RGBA pixels, written atomically.

#include "core/scene/Scene.h"

#include <string>

namespace spineviz {

// Writes `image` (rows top to bottom) as a PNG. Returns "" on success, else the reason.
std::string writePng(const std::string& path, const Image& image);

// Reads a PNG (or any format stb_image knows) as RGBA; empty image and `error` set on failure.
Image readImage(const std::string& path, std::string& error);

} // namespace spineviz
