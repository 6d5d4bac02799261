#include "core/scene/GltfLoader.h"

#include "core/scene/ExternalUri.h"
#include "core/scene/GltfConvert.h"
#include "core/scene/GltfImages.h"
#include "core/scene/GltfLimits.h"
#include "core/scene/GltfPrecheck.h"

#include <glm/gtc/type_ptr.hpp>
#include <nlohmann/json.hpp>
#include <tiny_gltf.h>

#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace spineviz {
namespace {

namespace fs = std::filesystem;
using namespace gltf_limits;

constexpr std::uint32_t kGlbMagic = 0x46546C67;     // "glTF"
constexpr std::uint32_t kGlbJsonChunk = 0x4E4F534A; // "JSON"
constexpr std::uint32_t kGlbBinChunk = 0x004E4942;  // "BIN\0"
constexpr float kMaxExtent = 1e6f;                  // model units across: 1000 km in metres, 1 km in millimetres

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

// The parts of the file: its JSON, and for a .glb the BIN chunk if there is one.
struct FileParts {
    const char* json = nullptr;
    std::size_t jsonSize = 0;
    const std::uint8_t* bin = nullptr;
    std::size_t binSize = 0;
};

bool splitFile(const std::uint8_t* data, std::size_t size, bool binary, FileParts& parts, std::string& error) {
    if (!binary) {
        parts.json = reinterpret_cast<const char*>(data);
        parts.jsonSize = size;
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
    const std::uint64_t length = readU32(data + 8), chunkLength = readU32(data + 12);
    if (length < 20 || length > size) {
        error = "truncated or malformed GLB (header says " + std::to_string(length) + " bytes, file has " +
                std::to_string(size) + ")";
        return false;
    }
    if (readU32(data + 16) != kGlbJsonChunk || chunkLength == 0 || chunkLength > length - 20) {
        error = "malformed GLB: the first chunk is not a complete JSON chunk";
        return false;
    }
    parts.json = reinterpret_cast<const char*>(data + 20);
    parts.jsonSize = chunkLength;
    const std::uint64_t binAt = 20 + chunkLength;
    if (binAt + 8 <= length && readU32(data + binAt + 4) == kGlbBinChunk) {
        const std::uint64_t binLength = readU32(data + binAt);
        if (binAt + 8 + binLength > length) {
            error = "malformed GLB: the BIN chunk (" + std::to_string(binLength) + " bytes) reaches past the end of the file";
            return false;
        }
        parts.bin = data + binAt + 8;
        parts.binSize = binLength;
    }
    return true;
}

// Refuses absolute or escaping uris before anything is read, with a message that says which.
bool checkUris(const nlohmann::json& doc, std::string& error) {
    for (const char* array : {"buffers", "images"}) {
        const auto it = doc.find(array);
        if (it == doc.end() || !it->is_array()) continue;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const nlohmann::json& entry = (*it)[i];
            if (!entry.is_object() || !entry.contains("uri") || !entry["uri"].is_string()) continue;
            const std::string problem = externalUriProblem(entry["uri"].get<std::string>());
            if (!problem.empty()) {
                error = std::string(array) + "[" + std::to_string(i) + "].uri refused: " + problem;
                return false;
            }
        }
    }
    return true;
}

// The document tinygltf parses: buffers nothing shown uses become one-byte stand-ins (so they are
// never read), and images go, since spineviz decodes the ones it shows itself (GltfImages.h).
std::string documentForTinygltf(nlohmann::json& doc, const gltf::ModelUsage& usage, bool& needsBin) {
    needsBin = false;
    doc.erase("images");
    const auto buffers = doc.find("buffers");
    if (buffers != doc.end())
        for (std::size_t b = 0; b < buffers->size(); ++b) {
            nlohmann::json& buffer = (*buffers)[b];
            if (!usage.buffers[b]) buffer = {{"byteLength", 1}, {"uri", "data:application/octet-stream;base64,AA=="}};
            else if (!buffer.contains("uri")) needsBin = true;
        }
    return doc.dump();
}

// A well-formed .glb around `json` and, if needed, the original BIN chunk.
std::vector<std::uint8_t> rebuildGlb(const std::string& json, const FileParts& parts, bool withBin) {
    const auto put32 = [](std::vector<std::uint8_t>& out, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out.push_back(std::uint8_t(v >> (8 * i)));
    };
    const std::size_t jsonPadded = (json.size() + 3) / 4 * 4, binPadded = (parts.binSize + 3) / 4 * 4;
    const std::size_t total = 20 + jsonPadded + (withBin ? 8 + binPadded : 0);
    std::vector<std::uint8_t> out;
    out.reserve(total);
    put32(out, kGlbMagic);
    put32(out, 2);
    put32(out, static_cast<std::uint32_t>(total));
    put32(out, static_cast<std::uint32_t>(jsonPadded));
    put32(out, kGlbJsonChunk);
    out.insert(out.end(), json.begin(), json.end());
    out.resize(20 + jsonPadded, ' ');
    if (withBin) {
        put32(out, static_cast<std::uint32_t>(binPadded));
        put32(out, kGlbBinChunk);
        out.insert(out.end(), parts.bin, parts.bin + parts.binSize);
        out.resize(total, 0);
    }
    return out;
}

// Every node placed somewhere finite, and the whole model of a size a camera can frame.
bool checkExtent(const Scene& scene, std::string& error) {
    const std::vector<glm::mat4> world = scene.worldTransforms();
    for (std::size_t n = 0; n < world.size(); ++n)
        for (int i = 0; i < 16; ++i)
            if (!std::isfinite(glm::value_ptr(world[n])[i])) {
                error = "nodes[" + std::to_string(scene.nodes[n].sourceIndex) + "] is placed at infinity (its transforms overflow)";
                return false;
            }
    const Aabb box = scene.bounds();
    const glm::vec3 extent = box.max - box.min;
    for (int i = 0; i < 3; ++i)
        if (!std::isfinite(extent[i]) || extent[i] > kMaxExtent) {
            error = "the model's coordinates span more than " + std::to_string(int(kMaxExtent)) + " units (or overflow)";
            return false;
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

bool confinedRead(std::vector<unsigned char>* out, std::string* error, const std::string& path, void* user) {
    const auto* confined = static_cast<const ConfinedFs*>(user);
    if (!pathIsInside(path, confined->folder)) {
        *error = "refused: outside the model's folder";
        return false;
    }
    return readWholeFile(path, kMaxFileBytes, *out, *error);
}

bool refuseWrite(std::string* error, const std::string&, const std::vector<unsigned char>&, void*) {
    *error = "writing is disabled";
    return false;
}

// Images never reach tinygltf (documentForTinygltf removes them); if one did, it is refused.
bool refuseImage(tinygltf::Image*, const int, std::string* error, std::string*, int, int, const unsigned char*, int, void*) {
    *error = "unexpected image";
    return false;
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

LoadResult load(const std::uint8_t* data, std::size_t size, const std::string& baseDir, const std::string& label) {
    if (size == 0) return failure(label, "the file is empty");
    if (size > kMaxFileBytes) return failure(label, "larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB");
    const bool binary = size >= 4 && readU32(data) == kGlbMagic;
    std::size_t start = 0;
    while (start < size && std::isspace(static_cast<unsigned char>(data[start]))) ++start;
    if (!binary && (start == size || data[start] != '{'))
        return failure(label, "not a glTF file (neither binary glTF nor JSON)");

    std::string error;
    FileParts parts;
    if (!splitFile(data, size, binary, parts, error)) return failure(label, error);
    if (parts.jsonSize > kMaxJsonBytes)
        return failure(label, "its JSON is larger than " + std::to_string(kMaxJsonBytes >> 20) + " MiB (use a .glb with a BIN chunk)");
    if (jsonDepth(parts.json, parts.jsonSize) > kMaxJsonDepth) return failure(label, "JSON nested too deeply");
    nlohmann::json doc = nlohmann::json::parse(parts.json, parts.json + parts.jsonSize, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return failure(label, "not valid glTF JSON");
    if (!checkUris(doc, error)) return failure(label, error);

    gltf::ModelContainer container;
    container.binary = binary;
    container.hasBinChunk = parts.bin != nullptr;
    container.binChunkBytes = parts.binSize;
    container.folder = baseDir.empty() ? fs::path(".") : fs::path(baseDir);
    gltf::ModelUsage usage;
    if (!gltf::precheckModel(doc, container, usage, error)) return failure(label, error);

    bool needsBin = false;
    const std::string json = documentForTinygltf(doc, usage, needsBin);
    doc = nullptr; // free the DOM before tinygltf builds its own
    ConfinedFs confined{container.folder};
    tinygltf::TinyGLTF parser;
    parser.SetFsCallbacks({&confinedExists, &keepPath, &confinedRead, &refuseWrite, &confined});
    parser.SetImageLoader(&refuseImage, nullptr);
    tinygltf::Model model;
    std::string warning;
    const std::string base = confined.folder.string();
    bool parsed = false;
    if (binary) {
        const std::vector<std::uint8_t> glb = rebuildGlb(json, parts, needsBin);
        parsed = parser.LoadBinaryFromMemory(&model, &error, &warning, glb.data(), static_cast<unsigned>(glb.size()), base);
    } else {
        parsed = parser.LoadASCIIFromString(&model, &error, &warning, json.data(), static_cast<unsigned>(json.size()), base);
    }
    if (!parsed) return failure(label, firstLine(error));

    Scene scene;
    std::vector<int> imageSlots;
    if (!gltf::decodeImages(model, usage.images, container.folder, scene.images, imageSlots, error)) return failure(label, error);
    if (!gltf::convertModel(model, imageSlots, scene, error)) return failure(label, error);
    if (scene.triangleCount() == 0) return failure(label, "the model has no triangles to show");
    if (!checkExtent(scene, error)) return failure(label, error);
    LoadResult result;
    result.warning = warning.empty() ? "" : firstLine(warning);
    result.scene = std::move(scene);
    return result;
}

} // namespace

LoadResult loadGltfFromMemory(const std::uint8_t* data, std::size_t size, const std::string& baseDir,
                              const std::string& label) {
    // Every size is checked before it is allocated; this only turns a failed allocation of a
    // legitimate but huge model on a small machine into a message.
    try {
        return load(data, size, baseDir, label);
    } catch (const std::bad_alloc&) {
        return failure(label, "out of memory while loading");
    }
}

LoadResult loadGltf(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return failure(path, "no such file");
    if (fs::is_directory(path, ec)) return failure(path, "is a directory, not a model file");
    std::vector<unsigned char> bytes;
    std::string error;
    if (!readWholeFile(path, kMaxFileBytes, bytes, error)) return failure(path, error);
    const fs::path folder = fs::path(path).parent_path();
    return loadGltfFromMemory(bytes.data(), bytes.size(), folder.empty() ? "." : folder.string(), path);
}

} // namespace spineviz
