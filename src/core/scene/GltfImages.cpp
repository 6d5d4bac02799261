#include "core/scene/GltfImages.h"

#include "core/scene/ExternalUri.h"
#include "core/scene/GltfLimits.h"
#include "core/scene/JpegTables.h"

#include <stb/stb_image.h>

#include <climits>
#include <map>

namespace spineviz::gltf {
namespace {

using namespace gltf_limits;

bool base64Decode(const std::string& text, std::size_t from, std::vector<std::uint8_t>& out) {
    const auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+' || c == '-') return 62;
        if (c == '/' || c == '_') return 63;
        return -1;
    };
    out.clear();
    out.reserve((text.size() - from) / 4 * 3 + 3);
    std::uint32_t bits = 0;
    int count = 0;
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] == '=') break;
        const int v = value(text[i]);
        if (v < 0) return false;
        bits = bits << 6 | std::uint32_t(v);
        if (++count == 4) {
            out.insert(out.end(), {std::uint8_t(bits >> 16), std::uint8_t(bits >> 8), std::uint8_t(bits)});
            bits = 0;
            count = 0;
        }
    }
    if (count == 2) out.push_back(std::uint8_t(bits >> 4));
    if (count == 3) out.insert(out.end(), {std::uint8_t(bits >> 10), std::uint8_t(bits >> 2)});
    return count != 1;
}

// The encoded bytes of one image source, each range checked.
bool encodedBytes(const tinygltf::Model& model, const ImageSource& source, const std::filesystem::path& folder,
                  std::vector<std::uint8_t>& storage, const std::uint8_t*& data, std::size_t& size, std::string& error) {
    if (source.bufferView >= 0) {
        if (source.bufferView >= static_cast<int>(model.bufferViews.size())) {
            error = "its buffer view does not exist";
            return false;
        }
        const tinygltf::BufferView& view = model.bufferViews[source.bufferView];
        if (view.buffer < 0 || view.buffer >= static_cast<int>(model.buffers.size()) ||
            view.byteOffset > model.buffers[view.buffer].data.size() ||
            view.byteLength > model.buffers[view.buffer].data.size() - view.byteOffset) {
            error = "its buffer view reaches past the end of its buffer";
            return false;
        }
        data = model.buffers[view.buffer].data.data() + view.byteOffset;
        size = view.byteLength;
        return true;
    }
    if (isDataUri(source.uri)) {
        const std::size_t comma = source.uri.find(',');
        if (comma == std::string::npos || !base64Decode(source.uri, comma + 1, storage)) {
            error = "its data uri is not valid base64";
            return false;
        }
    } else if (!readWholeFile(folder / decodeUriPath(source.uri), kMaxFileBytes, storage, error)) {
        error = "'" + source.uri + "': " + error;
        return false;
    }
    data = storage.data();
    size = storage.size();
    return true;
}

// One distinct source: its bytes (owned when they came from a data uri or a file) and its size.
struct Pending {
    std::vector<std::uint8_t> storage;
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    int width = 0, height = 0;
    std::size_t firstImage = 0;
};

// Checks one source without decoding it: size, JPEG tables, dimensions from the header.
bool inspect(Pending& p, std::string& error) {
    if (p.size == 0 || p.size > INT_MAX) {
        error = p.size == 0 ? "it is empty" : "it is larger than 2 GiB";
        return false;
    }
    if (looksLikeJpeg(p.data, p.size)) {
        const std::string problem = jpegTableProblem(p.data, p.size);
        if (!problem.empty()) {
            error = "a JPEG with " + problem;
            return false;
        }
    }
    int channels = 0;
    if (!stbi_info_from_memory(p.data, static_cast<int>(p.size), &p.width, &p.height, &channels)) {
        error = std::string("it could not be decoded (") + stbi_failure_reason() + ")";
        return false;
    }
    if (p.width <= 0 || p.height <= 0 || p.width > kMaxImageSide || p.height > kMaxImageSide) {
        error = "it is " + std::to_string(p.width) + "x" + std::to_string(p.height) + " pixels, larger than the " +
                std::to_string(kMaxImageSide) + " pixels a side spineviz accepts";
        return false;
    }
    return true;
}

bool decode(const Pending& p, Image& out, std::string& error) {
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load_from_memory(p.data, static_cast<int>(p.size), &width, &height, &channels, 4);
    if (!pixels || width != p.width || height != p.height) {
        if (pixels) stbi_image_free(pixels);
        error = std::string("it could not be decoded (") + (pixels ? "its size changed" : stbi_failure_reason()) + ")";
        return false;
    }
    out.width = width;
    out.height = height;
    out.rgba.assign(pixels, pixels + std::size_t(width) * std::size_t(height) * 4);
    stbi_image_free(pixels);
    return true;
}

} // namespace

bool decodeImages(const tinygltf::Model& model, const std::vector<ImageSource>& sources, const std::filesystem::path& folder,
                  std::vector<Image>& out, std::vector<int>& slotOf, std::string& error) {
    slotOf.assign(sources.size(), -1);
    std::map<std::string, int> known; // source -> slot, so a shared image is decoded once
    std::vector<Pending> pending;
    std::uint64_t texels = 0;
    // First every header, so the budget refuses before any pixel is decoded.
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const ImageSource& source = sources[i];
        if (source.bufferView < 0 && source.uri.empty()) continue;
        const std::string key = source.bufferView >= 0 ? "view:" + std::to_string(source.bufferView) : "uri:" + source.uri;
        const auto seen = known.find(key);
        if (seen != known.end()) {
            slotOf[i] = seen->second;
            continue;
        }
        Pending p;
        p.firstImage = i;
        if (!encodedBytes(model, source, folder, p.storage, p.data, p.size, error) || !inspect(p, error)) {
            error = "images[" + std::to_string(i) + "]: " + error;
            return false;
        }
        texels += std::uint64_t(p.width) * std::uint64_t(p.height);
        if (texels > kMaxTexels) {
            error = "images[" + std::to_string(i) + "]: the model's images add up to more than " + std::to_string(kMaxTexels >> 20) +
                    " Mi pixels (spineviz's limit)";
            return false;
        }
        slotOf[i] = static_cast<int>(pending.size());
        known.emplace(key, slotOf[i]);
        pending.push_back(std::move(p));
    }
    out.resize(pending.size());
    for (std::size_t k = 0; k < pending.size(); ++k)
        if (!decode(pending[k], out[k], error)) {
            error = "images[" + std::to_string(pending[k].firstImage) + "]: " + error;
            return false;
        }
    return true;
}

} // namespace spineviz::gltf
