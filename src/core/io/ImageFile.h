#pragma once
// Image files of 8-bit RGBA pixels: written atomically (AtomicFile.h) as PNG when the name ends in
// .png, as JPEG when it ends in .jpg or .jpeg (much smaller for renders of the 3D view); any other
// name is refused rather than given bytes it does not announce. Read from any format stb_image knows.

#include "core/scene/Scene.h"

#include <optional>
#include <string>

namespace spineviz {

enum class ImageFormat { Png, Jpeg };

// The format a file name asks for (its extension, any case), or nullopt.
std::optional<ImageFormat> imageFormatForName(const std::string& path);
inline constexpr const char* kImageNameEndings = ".png, .jpg or .jpeg";

// Writes `image` (rows top to bottom), the format chosen by the file name. Returns "" on success,
// else the reason.
std::string writeImage(const std::string& path, const Image& image);

// Reads an image as RGBA; empty image and `error` set on failure.
Image readImage(const std::string& path, std::string& error);

} // namespace spineviz
