#include "core/scene/GltfLoader.h"

#include "core/scene/ExternalUri.h"
#include "core/scene/GltfConvert.h"
#include "core/scene/GltfLimits.h"

#include <nlohmann/json.hpp>
#include <stb/stb_image.h>
#include <tiny_gltf.h>

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace spineviz {
namespace {

namespace fs = std::filesystem;
using namespace gltf_limits;

constexpr std::uint32_t kGlbMagic = 0x46546C67;     // "glTF"
constexpr std::uint32_t kGlbJsonChunk = 0x4E4F534A; // "JSON"

std::uint32_t readU32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

// Nesting depth of a JSON text, counted without parsing (strings and escapes respected).
int jsonDepth(const char* text, std::size_t size) {
    int depth = 0, deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < size; ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

// The JSON part of the file: all of it for .gltf, the first chunk for .glb.
bool jsonPart(const std::uint8_t* data, std::size_t size, bool binary, const char*& json, std::size_t& jsonSize,
              std::string& error) {
    if (!binary) {
        json = reinterpret_cast<const char*>(data);
        jsonSize = size;
        return true;
    }
    if (size < 20) {
        error = "truncated GLB header";
        return false;
    }
    if (readU32(data + 4) != 2) {
        error = "GLB version " + std::to_string(readU32(data + 4)) + " is not glTF 2.0";
        return false;
    }
    const std::uint32_t length = readU32(data + 8), chunkLength = readU32(data + 12);
    if (length < 20 || length > size) {
        error = "truncated or malformed GLB (header says " + std::to_string(length) + " bytes, file has " +
                std::to_string(size) + ")";
        return false;
    }
    if (readU32(data + 16) != kGlbJsonChunk || chunkLength > length - 20) {
        error = "malformed GLB: the first chunk is not a complete JSON chunk";
        return false;
    }
    json = reinterpret_cast<const char*>(data + 20);
    jsonSize = chunkLength;
    return true;
}

// Refuses absolute or escaping uris before tinygltf sees them, with a message that says which.
bool checkUris(const char* json, std::size_t size, std::string& error) {
    const nlohmann::json doc = nlohmann::json::parse(json, json + size, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = "not valid glTF JSON";
        return false;
    }
    for (const char* array : {"buffers", "images"}) {
        const auto it = doc.find(array);
        if (it == doc.end() || !it->is_array()) continue;
        for (const nlohmann::json& entry : *it) {
            if (!entry.is_object() || !entry.contains("uri") || !entry["uri"].is_string()) continue;
            const std::string problem = externalUriProblem(entry["uri"].get<std::string>());
            if (!problem.empty()) {
                error = "refused: " + problem;
                return false;
            }
        }
    }
    return true;
}

// File access for tinygltf, confined to the model's folder (defence in depth behind checkUris).
struct ConfinedFs {
    fs::path folder;
};

std::string keepPath(const std::string& path, void*) { return path; } // no ~ or $VAR expansion

bool confinedExists(const std::string& path, void* user) {
    const auto* confined = static_cast<const ConfinedFs*>(user);
    std::error_code ec;
    return pathIsInside(path, confined->folder) && fs::is_regular_file(path, ec);
}

bool readBytes(const fs::path& path, std::vector<unsigned char>& out, std::string& error) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec || !fs::is_regular_file(path, ec)) {
        error = "cannot read";
        return false;
    }
    if (size > kMaxFileBytes) {
        error = "file larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    out.resize(static_cast<std::size_t>(size));
    if (size > 0 && !in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(size))) {
        error = "read error";
        return false;
    }
    return true;
}

bool confinedRead(std::vector<unsigned char>* out, std::string* error, const std::string& path, void* user) {
    const auto* confined = static_cast<const ConfinedFs*>(user);
    if (!pathIsInside(path, confined->folder)) {
        *error = "refused: outside the model's folder";
        return false;
    }
    return readBytes(path, *out, *error);
}

bool refuseWrite(std::string* error, const std::string&, const std::vector<unsigned char>&, void*) {
    *error = "writing is disabled";
    return false;
}

// Decodes images to 8-bit RGBA with stb_image, refusing sizes that would exhaust memory.
bool decodeImage(tinygltf::Image* image, const int, std::string* error, std::string*, int, int,
                 const unsigned char* bytes, int size, void*) {
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(bytes, size, &width, &height, &channels)) {
        *error = "an image could not be decoded";
        return false;
    }
    if (width <= 0 || height <= 0 || width > kMaxImageSide || height > kMaxImageSide ||
        std::size_t(width) * std::size_t(height) > kMaxImagePixels) {
        *error = "an image is too large (" + std::to_string(width) + "x" + std::to_string(height) + ")";
        return false;
    }
    unsigned char* pixels = stbi_load_from_memory(bytes, size, &width, &height, &channels, 4);
    if (!pixels) {
        *error = std::string("an image could not be decoded: ") + stbi_failure_reason();
        return false;
    }
    image->width = width;
    image->height = height;
    image->component = 4;
    image->bits = 8;
    image->pixel_type = TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE;
    image->image.assign(pixels, pixels + std::size_t(width) * std::size_t(height) * 4);
    stbi_image_free(pixels);
    return true;
}

// First line of a multi-line tinygltf message.
std::string firstLine(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line.empty() ? "unknown error" : line;
}

LoadResult failure(const std::string& label, const std::string& reason) {
    LoadResult result;
    result.error = label + ": " + reason;
    return result;
}

} // namespace

LoadResult loadGltfFromMemory(const std::uint8_t* data, std::size_t size, const std::string& baseDir,
                              const std::string& label) {
    if (size == 0) return failure(label, "the file is empty");
    if (size > kMaxFileBytes) return failure(label, "larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB");
    const bool binary = size >= 4 && readU32(data) == kGlbMagic;
    std::size_t start = 0;
    while (start < size && std::isspace(static_cast<unsigned char>(data[start]))) ++start;
    if (!binary && (start == size || data[start] != '{'))
        return failure(label, "not a glTF file (neither binary glTF nor JSON)");

    std::string error;
    const char* json = nullptr;
    std::size_t jsonSize = 0;
    if (!jsonPart(data, size, binary, json, jsonSize, error)) return failure(label, error);
    if (jsonDepth(json, jsonSize) > gltf_limits::kMaxJsonDepth) return failure(label, "JSON nested too deeply");
    if (!checkUris(json, jsonSize, error)) return failure(label, error);

    ConfinedFs confined{baseDir.empty() ? fs::path(".") : fs::path(baseDir)};
    tinygltf::TinyGLTF parser;
    parser.SetFsCallbacks({&confinedExists, &keepPath, &confinedRead, &refuseWrite, &confined});
    parser.SetImageLoader(&decodeImage, nullptr);
    tinygltf::Model model;
    std::string warning;
    const std::string base = confined.folder.string();
    const bool parsed = binary ? parser.LoadBinaryFromMemory(&model, &error, &warning, data, static_cast<unsigned>(size), base)
                               : parser.LoadASCIIFromString(&model, &error, &warning, json, static_cast<unsigned>(size), base);
    if (!parsed) return failure(label, firstLine(error));

    LoadResult result;
    result.warning = warning.empty() ? "" : firstLine(warning);
    Scene scene;
    if (!gltf::convertModel(model, scene, error)) return failure(label, error);
    if (scene.triangleCount() == 0) return failure(label, "the model has no triangles to show");
    result.scene = std::move(scene);
    return result;
}

LoadResult loadGltf(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return failure(path, "no such file");
    if (fs::is_directory(path, ec)) return failure(path, "is a directory, not a model file");
    std::vector<unsigned char> bytes;
    std::string error;
    if (!readBytes(path, bytes, error)) return failure(path, error);
    const fs::path folder = fs::path(path).parent_path();
    return loadGltfFromMemory(bytes.data(), bytes.size(), folder.empty() ? "." : folder.string(), path);
}

} // namespace spineviz
