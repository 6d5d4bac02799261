#include "core/io/ImageFile.h"

#include "core/io/AtomicFile.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

namespace spineviz {
namespace {

constexpr int kJpegQuality = 90;

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

} // namespace

std::optional<ImageFormat> imageFormatForName(const std::string& path) {
    std::string extension = std::filesystem::path(path).filename().extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (extension == ".png") return ImageFormat::Png;
    if (extension == ".jpg" || extension == ".jpeg") return ImageFormat::Jpeg;
    return std::nullopt;
}

std::string writeImage(const std::string& path, const Image& image) {
    if (image.width <= 0 || image.height <= 0 || image.rgba.size() != std::size_t(image.width) * image.height * 4)
        return "no image to write";
    const std::optional<ImageFormat> format = imageFormatForName(path);
    if (!format) return "cannot write " + path + ": the name must end in " + kImageNameEndings;
    std::vector<std::uint8_t> encoded;
    const bool jpeg = *format == ImageFormat::Jpeg;
    const bool ok = jpeg ? stbi_write_jpg_to_func(&appendBytes, &encoded, image.width, image.height, 4, image.rgba.data(), kJpegQuality)
                         : stbi_write_png_to_func(&appendBytes, &encoded, image.width, image.height, 4, image.rgba.data(), image.width * 4);
    if (!ok) return jpeg ? "JPEG encoding failed" : "PNG encoding failed";
    return writeFileAtomically(path, encoded);
}

Image readImage(const std::string& path, std::string& error) {
    Image image;
    int channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
    if (!pixels) {
        error = path + ": " + stbi_failure_reason();
        return Image{};
    }
    image.rgba.assign(pixels, pixels + std::size_t(image.width) * image.height * 4);
    stbi_image_free(pixels);
    return image;
}

} // namespace spineviz
