#pragma once
// Checks a glTF document's JSON before tinygltf reads any buffer or image: object counts, byte
// ranges against the real sizes of the file and of the files it names, the work the model asks for
// (the budget in GltfLimits.h), and which buffers and images anything shown uses. It allocates
// nothing in proportion to what the file claims, so a hostile file is refused in milliseconds.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace spineviz::gltf {

struct ModelContainer {
    bool binary = false;            // .glb
    bool hasBinChunk = false;
    std::uint64_t binChunkBytes = 0;
    std::filesystem::path folder;   // where external files are looked up (and must stay)
};

// Where a shown image's encoded bytes are; decoded later, once per distinct source.
struct ImageSource {
    int bufferView = -1;
    std::string uri;       // a data uri, or a relative path inside the folder
    std::string mimeType;
};

struct ModelUsage {
    std::vector<bool> buffers;         // per glTF buffer: read because something shown uses it
    std::vector<ImageSource> images;   // per glTF image; empty source for images nothing shows
    std::vector<bool> imageUsed;
    std::uint64_t vertices = 0, triangles = 0, indices = 0, bytesRead = 0;
};

// False with a one-line reason naming the item (e.g. "buffers[2].byteLength is 0 ...").
bool precheckModel(const nlohmann::json& doc, const ModelContainer& container, ModelUsage& usage, std::string& error);

} // namespace spineviz::gltf
