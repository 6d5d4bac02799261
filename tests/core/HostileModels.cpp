#include "HostileModels.h"
#include "L1LandmarksJson.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

namespace spineviz::test {
namespace {

using json = nlohmann::json;
using Bytes = std::vector<std::uint8_t>;

// A valid model: one box node (24 vertices, 36 uint32 indices) with a material, its data in `bin`.
struct Model {
    json doc;
    Bytes bin;
};

void putFloat(Bytes& out, float v) {
    std::uint8_t b[4];
    std::memcpy(b, &v, 4);
    out.insert(out.end(), b, b + 4);
}

void putU32(Bytes& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(std::uint8_t(v >> (8 * i)));
}

Model boxModel(float half = 0.01f) {
    Model m;
    // Six faces, four corners each, normals per face.
    const float n[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    Bytes positions, normals, indices;
    for (int f = 0; f < 6; ++f) {
        const int axis = f / 2;
        const float sign = (f % 2) ? -1.0f : 1.0f;
        for (int c = 0; c < 4; ++c) {
            float p[3];
            p[axis] = sign * half;
            p[(axis + 1) % 3] = ((c & 1) ? 1.0f : -1.0f) * half;
            p[(axis + 2) % 3] = ((c & 2) ? 1.0f : -1.0f) * half;
            for (float v : p) putFloat(positions, v);
            for (float v : n[f]) putFloat(normals, v);
        }
        for (std::uint32_t i : {0u, 1u, 3u, 0u, 3u, 2u}) putU32(indices, 4 * f + i);
    }
    m.bin = positions;
    m.bin.insert(m.bin.end(), normals.begin(), normals.end());
    m.bin.insert(m.bin.end(), indices.begin(), indices.end());
    m.doc = {{"asset", {{"version", "2.0"}}},
             {"scene", 0},
             {"scenes", {{{"nodes", {0}}}}},
             {"nodes", {{{"name", "box"}, {"mesh", 0}}}},
             {"meshes", {{{"primitives", {{{"attributes", {{"POSITION", 0}, {"NORMAL", 1}}}, {"indices", 2}, {"material", 0}}}}}}},
             {"materials", {{{"name", "bone"}, {"pbrMetallicRoughness", {{"baseColorFactor", {0.9, 0.85, 0.7, 1.0}}}}}}},
             {"accessors", {{{"bufferView", 0}, {"componentType", 5126}, {"count", 24}, {"type", "VEC3"},
                             {"min", {-half, -half, -half}}, {"max", {half, half, half}}},
                            {{"bufferView", 1}, {"componentType", 5126}, {"count", 24}, {"type", "VEC3"}},
                            {{"bufferView", 2}, {"componentType", 5125}, {"count", 36}, {"type", "SCALAR"}}}},
             {"bufferViews", {{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", 288}},
                              {{"buffer", 0}, {"byteOffset", 288}, {"byteLength", 288}},
                              {{"buffer", 0}, {"byteOffset", 576}, {"byteLength", 144}}}},
             {"buffers", {{{"byteLength", m.bin.size()}}}}};
    return m;
}

Bytes glbBytes(const std::string& jsonText, const Bytes* bin) {
    Bytes out;
    std::string text = jsonText;
    while (text.size() % 4) text += ' ';
    Bytes padded = bin ? *bin : Bytes{};
    while (padded.size() % 4) padded.push_back(0);
    const std::uint32_t total = std::uint32_t(20 + text.size() + (bin ? 8 + padded.size() : 0));
    putU32(out, 0x46546C67);
    putU32(out, 2);
    putU32(out, total);
    putU32(out, std::uint32_t(text.size()));
    putU32(out, 0x4E4F534A);
    out.insert(out.end(), text.begin(), text.end());
    if (bin) {
        putU32(out, std::uint32_t(padded.size()));
        putU32(out, 0x004E4942);
        out.insert(out.end(), padded.begin(), padded.end());
    }
    return out;
}

std::string writeBytes(const std::string& path, const Bytes& bytes) {
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    return path;
}

std::string writeGlb(const std::string& path, const Model& m, bool withBin = true) {
    return writeBytes(path, glbBytes(m.doc.dump(), withBin ? &m.bin : nullptr));
}

std::string base64(const Bytes& bytes) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16 | (i + 1 < bytes.size() ? std::uint32_t(bytes[i + 1]) << 8 : 0) |
                                (i + 2 < bytes.size() ? bytes[i + 2] : 0);
        out += table[v >> 18 & 63];
        out += table[v >> 12 & 63];
        out += i + 1 < bytes.size() ? table[v >> 6 & 63] : '=';
        out += i + 2 < bytes.size() ? table[v & 63] : '=';
    }
    return out;
}

// The model as .gltf with its buffer embedded as a data uri.
std::string writeGltf(const std::string& path, Model m) {
    if (!m.doc["buffers"][0].contains("uri"))
        m.doc["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64(m.bin);
    std::ofstream(path) << m.doc.dump();
    return path;
}

// A PNG that is only its signature and header (stb reads the size from it without decoding).
Bytes pngHeader(std::uint32_t width, std::uint32_t height) {
    Bytes out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (std::uint32_t v : {width, height})
        for (int i = 3; i >= 0; --i) out.push_back(std::uint8_t(v >> (8 * i)));
    out.insert(out.end(), {8, 6, 0, 0, 0, 0, 0, 0, 0});
    return out;
}

// A baseline JPEG skeleton: SOI, optional DQT and DHT, an 8x8 one-component frame, a scan, EOI.
Bytes jpeg(bool withQuant, bool withHuffman) {
    Bytes out = {0xFF, 0xD8};
    if (withQuant) {
        out.insert(out.end(), {0xFF, 0xDB, 0x00, 67, 0x00});
        out.insert(out.end(), 64, 1);
    }
    out.insert(out.end(), {0xFF, 0xC0, 0x00, 11, 8, 0x00, 8, 0x00, 8, 1, 1, 0x11, 0x00});
    if (withHuffman) {
        for (std::uint8_t cls : {0x00, 0x10}) { // one code of length 1 for symbol 0, DC and AC
            out.insert(out.end(), {0xFF, 0xC4, 0x00, 20, cls, 1});
            out.insert(out.end(), 15, 0);
            out.push_back(0);
        }
    }
    out.insert(out.end(), {0xFF, 0xDA, 0x00, 8, 1, 1, 0x00, 0, 63, 0, 0x00, 0x00, 0xFF, 0xD9});
    return out;
}

// The model with a base colour texture from `image`, held in the GLB's BIN chunk.
Model texturedModel(const Bytes& image, const std::string& mime = "image/png") {
    Model m = boxModel();
    const std::size_t at = m.bin.size();
    m.bin.insert(m.bin.end(), image.begin(), image.end());
    m.doc["buffers"][0]["byteLength"] = m.bin.size();
    m.doc["bufferViews"].push_back({{"buffer", 0}, {"byteOffset", at}, {"byteLength", image.size()}});
    m.doc["images"] = {{{"bufferView", 3}, {"mimeType", mime}}};
    m.doc["textures"] = {{{"source", 0}}};
    m.doc["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"] = {{"index", 0}};
    return m;
}

// The bundled model's L1 landmarks, on the box node renamed vertebrae_L1.
json l1Landmarks() { return json::parse(l1LandmarksJson()); }

using Mutation = std::function<void(Model&)>;

// A case that writes the box model as .glb after `mutate`.
HostileCase glb(const std::string& name, const std::string& reason, Mutation mutate) {
    return {name, reason, [name, mutate](const std::string& folder) {
                Model m = boxModel();
                mutate(m);
                return writeGlb(folder + "/" + name + ".glb", m);
            }};
}

HostileCase gltf(const std::string& name, const std::string& reason, Mutation mutate) {
    return {name, reason, [name, mutate](const std::string& folder) {
                Model m = boxModel();
                mutate(m);
                return writeGltf(folder + "/" + name + ".gltf", m);
            }};
}

HostileCase raw(const std::string& name, const std::string& reason, std::function<Bytes()> bytes) {
    return {name, reason, [name, bytes](const std::string& folder) { return writeBytes(folder + "/" + name + ".glb", bytes()); }};
}

// A landmark case: `pointer` in the L1 landmarks set to `value` (null removes it).
HostileCase landmark(const std::string& name, const std::string& reason, const std::string& pointer, json value) {
    return glb(name, reason, [pointer, value](Model& m) {
        json extras = l1Landmarks();
        if (value.is_null()) extras[json::json_pointer(pointer).parent_pointer()].erase(json::json_pointer(pointer).back());
        else extras[json::json_pointer(pointer)] = value;
        m.doc["nodes"][0]["name"] = "vertebrae_L1";
        m.doc["nodes"][0]["extras"] = extras;
    });
}

Bytes validGlb() {
    const Model m = boxModel();
    return glbBytes(m.doc.dump(), &m.bin);
}

void setU32(Bytes& b, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + i] = std::uint8_t(v >> (8 * i));
}

constexpr std::uint64_t kHuge = std::numeric_limits<std::uint64_t>::max();

std::vector<HostileCase> containerCases() {
    return {
        raw("empty", "empty", [] { return Bytes{}; }),
        raw("text", "not a glTF file", [] { return Bytes{'h', 'e', 'l', 'l', 'o'}; }),
        raw("glb-version-1", "not glTF 2.0", [] { Bytes b = validGlb(); setU32(b, 4, 1); return b; }),
        raw("glb-short-header", "truncated GLB header", [] { Bytes b = validGlb(); b.resize(12); return b; }),
        raw("glb-length-past-end", "truncated or malformed GLB", [] { Bytes b = validGlb(); setU32(b, 8, std::uint32_t(b.size() + 100)); return b; }),
        raw("glb-json-chunk-past-end", "first chunk", [] { Bytes b = validGlb(); setU32(b, 12, std::uint32_t(b.size())); return b; }),
        raw("glb-json-chunk-type", "first chunk", [] { Bytes b = validGlb(); setU32(b, 16, 0x12345678); return b; }),
        raw("glb-bin-chunk-past-end", "BIN chunk", [] {
            Bytes b = validGlb();
            const std::uint32_t jsonLength = std::uint32_t(b[12] | b[13] << 8 | b[14] << 16 | b[15] << 24);
            setU32(b, 20 + jsonLength, std::uint32_t(b.size()));
            return b;
        }),
        raw("glb-bad-json", "not valid glTF JSON", [] { return glbBytes("{\"asset\": {", nullptr); }),
        raw("glb-json-array", "not valid glTF JSON", [] { return glbBytes("[1, 2, 3]", nullptr); }),
        raw("glb-deep-json", "nested too deeply", [] { return glbBytes(std::string(20000, '[') + std::string(20000, ']'), nullptr); }),
        {"gltf-deep-extras", "nested too deeply", [](const std::string& folder) {
             std::ofstream(folder + "/gltf-deep-extras.gltf") << "{\"asset\":{\"version\":\"2.0\"},\"extras\":" << std::string(5000, '[')
                                                               << std::string(5000, ']') << "}";
             return folder + "/gltf-deep-extras.gltf";
         }},
        glb("glb-buffer-length-0", "byteLength is 0", [](Model& m) { m.doc["buffers"][0]["byteLength"] = 0; }),
        glb("glb-buffer-past-bin", "BIN chunk holds", [](Model& m) { m.doc["buffers"][0]["byteLength"] = 100000; }),
        {"glb-without-bin", "no BIN chunk", [](const std::string& folder) { return writeGlb(folder + "/glb-without-bin.glb", boxModel(), false); }},
        glb("buffer-length-negative", "not a non-negative whole number", [](Model& m) { m.doc["buffers"][0]["byteLength"] = -5; }),
        glb("buffer-length-string", "not a non-negative whole number", [](Model& m) { m.doc["buffers"][0]["byteLength"] = "720"; }),
        {"gltf-buffer-without-uri", "has no uri", [](const std::string& folder) {
             std::ofstream(folder + "/gltf-buffer-without-uri.gltf") << boxModel().doc.dump();
             return folder + "/gltf-buffer-without-uri.gltf";
         }},
        gltf("data-uri-length-mismatch", "data uri holds", [](Model& m) { m.doc["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64(Bytes(100, 0)); }),
        gltf("data-uri-not-base64", "not base64", [](Model& m) { m.doc["buffers"][0]["uri"] = "data:application/octet-stream,abc"; }),
        gltf("external-bin-missing", "not a file beside the model", [](Model& m) { m.doc["buffers"][0]["uri"] = "missing.bin"; }),
        {"external-bin-size-mismatch", "has 16 bytes", [](const std::string& folder) {
             writeBytes(folder + "/short.bin", Bytes(16, 0));
             Model m = boxModel();
             m.doc["buffers"][0]["uri"] = "short.bin";
             return writeGltf(folder + "/external-bin-size-mismatch.gltf", m);
         }},
        gltf("uri-absolute", "absolute path", [](Model& m) { m.doc["buffers"][0]["uri"] = "/etc/passwd"; }),
        gltf("uri-parent", "leaves the model's folder", [](Model& m) { m.doc["buffers"][0]["uri"] = "../../etc/passwd"; }),
        gltf("uri-url", "is a URL", [](Model& m) { m.doc["buffers"][0]["uri"] = "http://example.com/box.bin"; }),
        gltf("uri-percent-parent", "leaves the model's folder", [](Model& m) { m.doc["buffers"][0]["uri"] = "%2e%2e/%2e%2e/etc/passwd"; }),
        gltf("uri-percent-nul", "NUL", [](Model& m) { m.doc["buffers"][0]["uri"] = "box%00.bin"; }),
        {"uri-symlink-out", "not a file beside the model", [](const std::string& folder) {
             std::error_code ec;
             std::filesystem::create_symlink("/etc/hostname", folder + "/linked.bin", ec);
             Model m = boxModel();
             m.doc["buffers"][0]["uri"] = "linked.bin";
             return writeGltf(folder + "/uri-symlink-out.gltf", m);
         }},
        {"many-used-buffers-one-big-file", "bytes of buffers and images read", [](const std::string& folder) {
             // Eight used buffers naming one 256 MiB (sparse) file: 2 GiB to read, past the 1 GiB budget.
             const std::string big = folder + "/big.bin";
             std::ofstream(big, std::ios::binary).put(0);
             std::filesystem::resize_file(big, std::uintmax_t(256) << 20);
             Model m = boxModel();
             m.doc["buffers"] = json::array();
             m.doc["bufferViews"] = json::array();
             for (int b = 0; b < 8; ++b) {
                 m.doc["buffers"].push_back({{"byteLength", std::uint64_t(256) << 20}, {"uri", "big.bin"}});
                 m.doc["bufferViews"].push_back({{"buffer", b}, {"byteLength", 288}});
             }
             json primitives = json::array();
             for (int b = 0; b < 8; ++b) {
                 m.doc["accessors"].push_back({{"bufferView", b}, {"componentType", 5126}, {"count", 24}, {"type", "VEC3"}});
                 primitives.push_back({{"attributes", {{"POSITION", 3 + b}}}});
             }
             m.doc["meshes"][0]["primitives"] = primitives;
             std::ofstream(folder + "/many-used-buffers-one-big-file.gltf") << m.doc.dump();
             return folder + "/many-used-buffers-one-big-file.gltf";
         }},
        glb("extension-required", "requires the glTF extension 'KHR_draco_mesh_compression'",
            [](Model& m) { m.doc["extensionsRequired"] = {"KHR_draco_mesh_compression"}; }),
    };
}

std::vector<HostileCase> rangeCases() {
    return {
        glb("view-past-buffer", "reaches past the end of buffers[0]", [](Model& m) { m.doc["bufferViews"][2]["byteLength"] = 100000; }),
        glb("view-offset-huge", "reaches past the end of buffers[0]", [](Model& m) { m.doc["bufferViews"][0]["byteOffset"] = std::uint64_t(1) << 62; }),
        glb("view-length-0", "byteLength is 0", [](Model& m) { m.doc["bufferViews"][0]["byteLength"] = 0; }),
        glb("view-buffer-missing", "refers to buffers[9], which does not exist", [](Model& m) { m.doc["bufferViews"][0]["buffer"] = 9; }),
        glb("view-stride-3", "byteStride is 3", [](Model& m) { m.doc["bufferViews"][0]["byteStride"] = 3; }),
        glb("accessor-count-past-view", "reaches outside bufferViews[0]", [](Model& m) { m.doc["accessors"][0]["count"] = 1000000; }),
        glb("accessor-count-max", "reaches outside bufferViews[0]", [](Model& m) { m.doc["accessors"][0]["count"] = kHuge; }),
        glb("accessor-offset-huge", "reaches outside bufferViews[0]", [](Model& m) { m.doc["accessors"][0]["byteOffset"] = std::uint64_t(1) << 40; }),
        glb("accessor-no-data-too-many", "elements without data", [](Model& m) {
            m.doc["accessors"][0].erase("bufferView");
            m.doc["accessors"][0]["count"] = (1 << 24) + 1;
        }),
        glb("accessor-component-type", "is not a glTF component type", [](Model& m) { m.doc["accessors"][0]["componentType"] = 9999; }),
        glb("accessor-type", "is not a glTF accessor type", [](Model& m) { m.doc["accessors"][0]["type"] = "VEC7"; }),
        glb("accessor-view-missing", "refers to bufferViews[40], which does not exist", [](Model& m) { m.doc["accessors"][0]["bufferView"] = 40; }),
        glb("accessor-sparse", "is sparse", [](Model& m) {
            m.doc["accessors"][0]["sparse"] = {{"count", 1}, {"indices", {{"bufferView", 2}, {"componentType", 5125}}}, {"values", {{"bufferView", 0}}}};
        }),
        glb("primitive-no-position", "has no POSITION", [](Model& m) { m.doc["meshes"][0]["primitives"][0]["attributes"].erase("POSITION"); }),
        glb("primitive-attribute-missing", "refers to accessors[77], which does not exist",
            [](Model& m) { m.doc["meshes"][0]["primitives"][0]["attributes"]["NORMAL"] = 77; }),
        glb("normal-count-mismatch", "elements but POSITION has", [](Model& m) {
            m.doc["accessors"][1]["count"] = 12;
        }),
        glb("indices-past-last-vertex", "points past the last vertex", [](Model& m) { std::memcpy(m.bin.data() + 576, "\xff\xff\x00\x00", 4); }),
        glb("indices-float", "not of an unsigned integer type", [](Model& m) { m.doc["accessors"][2]["componentType"] = 5126; }),
        glb("position-scalar", "wrong element type", [](Model& m) { m.doc["accessors"][0]["type"] = "SCALAR"; }),
        glb("positions-nan", "non-finite positions", [](Model& m) { const float nan = std::numeric_limits<float>::quiet_NaN(); std::memcpy(m.bin.data() + 12, &nan, 4); }),
        glb("positions-huge", "span more than", [](Model& m) {
            const float big = 3e38f, small = -3e38f;
            std::memcpy(m.bin.data(), &big, 4);
            std::memcpy(m.bin.data() + 12, &small, 4);
        }),
        glb("mesh-primitives-not-array", "primitives is not an array", [](Model& m) { m.doc["meshes"][0]["primitives"] = 5; }),
        glb("nodes-not-array", "'nodes' is not an array", [](Model& m) { m.doc["nodes"] = {{"name", "x"}}; }),
        glb("points-only", "no triangles to show", [](Model& m) { m.doc["meshes"][0]["primitives"][0]["mode"] = 0; }),
        glb("material-missing", "refers to materials[5], which does not exist", [](Model& m) { m.doc["meshes"][0]["primitives"][0]["material"] = 5; }),
    };
}

std::vector<HostileCase> budgetCases() {
    return {
        glb("shared-empty-accessor", "more than 10000000 vertices", [](Model& m) {
            // 64 primitives sharing one 2^24-element accessor without data: 2.8 KB asking for 1 G vertices.
            m.doc["accessors"].push_back({{"componentType", 5126}, {"count", 1 << 24}, {"type", "VEC3"}});
            json primitives = json::array();
            for (int i = 0; i < 64; ++i) primitives.push_back({{"attributes", {{"POSITION", 3}}}});
            m.doc["meshes"][0]["primitives"] = primitives;
        }),
        glb("accessor-reused-2000", "more than 10000000 vertices", [](Model& m) {
            // One 6000-vertex accessor (72 KB) used by 2000 primitives: 12 M vertices to copy out.
            m.bin.assign(6000 * 12, 0);
            for (std::size_t i = 0; i < 6000; ++i) std::memcpy(m.bin.data() + 12 * i, &i, 1);
            m.doc["buffers"][0]["byteLength"] = m.bin.size();
            m.doc["bufferViews"] = {{{"buffer", 0}, {"byteLength", m.bin.size()}}};
            m.doc["accessors"] = {{{"bufferView", 0}, {"componentType", 5126}, {"count", 6000}, {"type", "VEC3"}}};
            json primitives = json::array();
            for (int i = 0; i < 2000; ++i) primitives.push_back({{"attributes", {{"POSITION", 0}}}});
            m.doc["meshes"][0]["primitives"] = primitives;
        }),
        glb("shared-empty-indices", "more than 30000000 indices", [](Model& m) {
            m.doc["accessors"].push_back({{"componentType", 5125}, {"count", 1 << 24}, {"type", "SCALAR"}});
            json primitives = json::array();
            for (int i = 0; i < 3; ++i) primitives.push_back({{"attributes", {{"POSITION", 0}}}, {"indices", 3}});
            m.doc["meshes"][0]["primitives"] = primitives;
        }),
        glb("meshes-100000", "100000 meshes, more than the 10000", [](Model& m) {
            m.doc["meshes"] = json::array();
            m.doc["nodes"] = json::array();
            for (int i = 0; i < 100000; ++i) m.doc["meshes"].push_back({{"primitives", {{{"attributes", {{"POSITION", 0}}}}}}});
            m.doc["nodes"].push_back({{"mesh", 0}});
        }),
        glb("nodes-30000", "30000 nodes, more than the 20000", [](Model& m) {
            m.doc["nodes"] = json::array();
            for (int i = 0; i < 30000; ++i) m.doc["nodes"].push_back({{"mesh", 0}});
        }),
        glb("primitives-25000", "more than 20000 primitives", [](Model& m) {
            json primitives = json::array();
            for (int i = 0; i < 2500; ++i) primitives.push_back({{"attributes", {{"POSITION", 0}}}});
            m.doc["meshes"] = json::array();
            m.doc["nodes"] = json::array();
            for (int i = 0; i < 10; ++i) {
                m.doc["meshes"].push_back({{"primitives", primitives}});
                m.doc["nodes"].push_back({{"mesh", i}});
            }
        }),
        glb("buffers-300", "300 buffers, more than the 256", [](Model& m) {
            for (int i = 0; i < 299; ++i) m.doc["buffers"].push_back({{"byteLength", 4}, {"uri", "data:application/octet-stream;base64,AAAAAA=="}});
        }),
        glb("images-300", "300 images, more than the 256", [](Model& m) {
            m.doc["images"] = json::array();
            for (int i = 0; i < 300; ++i) m.doc["images"].push_back({{"uri", "x.png"}});
        }),
    };
}

std::vector<HostileCase> nodeCases() {
    return {
        glb("node-cycle", "appears twice", [](Model& m) { m.doc["nodes"][0]["children"] = {0}; }),
        glb("node-child-missing", "missing node", [](Model& m) { m.doc["nodes"][0]["children"] = {12}; }),
        glb("node-mesh-missing", "refers to meshes[3], which does not exist", [](Model& m) { m.doc["nodes"][0]["mesh"] = 3; }),
        glb("scene-node-missing", "missing node", [](Model& m) { m.doc["scenes"][0]["nodes"] = {4}; }),
        glb("matrix-1e300", "nodes[0].matrix is malformed or not finite", [](Model& m) {
            m.doc["nodes"][0]["matrix"] = {1e300, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        }),
        glb("matrix-15", "nodes[0].matrix is malformed", [](Model& m) { m.doc["nodes"][0]["matrix"] = json(std::vector<double>(15, 1.0)); }),
        glb("translation-1e39", "nodes[0].translation is malformed or not finite", [](Model& m) { m.doc["nodes"][0]["translation"] = {1e39, 0, 0}; }),
        glb("scale-chain-overflow", "placed at infinity", [](Model& m) {
            m.doc["nodes"] = {{{"scale", {1e30, 1e30, 1e30}}, {"children", {1}}},
                              {{"scale", {1e30, 1e30, 1e30}}, {"children", {2}}},
                              {{"mesh", 0}, {"translation", {1, 1, 1}}}};
        }),
    };
}

std::vector<HostileCase> imageCases() {
    const auto textured = [](const std::string& name, const std::string& reason, std::function<Model()> make) {
        return HostileCase{name, reason, [name, make](const std::string& folder) { return writeGlb(folder + "/" + name + ".glb", make()); }};
    };
    return {
        textured("image-view-past-buffer", "reaches past the end of buffers[0]", [] {
            Model m = texturedModel(pngHeader(4, 4));
            m.doc["bufferViews"][3]["byteLength"] = 4096;
            return m;
        }),
        textured("image-uri-and-view", "exactly one of 'uri' and 'bufferView'", [] {
            Model m = texturedModel(pngHeader(4, 4));
            m.doc["images"][0]["uri"] = "x.png";
            return m;
        }),
        textured("image-neither", "exactly one of 'uri' and 'bufferView'", [] {
            Model m = texturedModel(pngHeader(4, 4));
            m.doc["images"][0].erase("bufferView");
            return m;
        }),
        textured("image-truncated-png", "images[0]: it could not be decoded", [] { return texturedModel(pngHeader(4, 4)); }),
        textured("image-too-large", "larger than the 4096 pixels a side", [] { return texturedModel(pngHeader(8192, 8192)); }),
        textured("images-over-texel-budget", "more than 32 Mi pixels", [] {
            // Three distinct 4096 x 4096 images (headers only): refused before any is decoded.
            Model m = texturedModel(pngHeader(4096, 4096));
            for (int extra = 1; extra <= 2; ++extra) {
                const Bytes second = pngHeader(4096, 4096 - extra);
                const std::size_t at = m.bin.size();
                m.bin.insert(m.bin.end(), second.begin(), second.end());
                m.doc["buffers"][0]["byteLength"] = m.bin.size();
                m.doc["bufferViews"].push_back({{"buffer", 0}, {"byteOffset", at}, {"byteLength", second.size()}});
                m.doc["images"].push_back({{"bufferView", 3 + extra}, {"mimeType", "image/png"}});
                m.doc["textures"].push_back({{"source", extra}});
                m.doc["materials"].push_back(m.doc["materials"][0]);
                m.doc["materials"][extra]["pbrMetallicRoughness"]["baseColorTexture"]["index"] = extra;
                m.doc["meshes"][0]["primitives"].push_back(m.doc["meshes"][0]["primitives"][0]);
                m.doc["meshes"][0]["primitives"][extra]["material"] = extra;
            }
            return m;
        }),
        textured("jpeg-without-huffman", "a JPEG with no Huffman table", [] { return texturedModel(jpeg(true, false), "image/jpeg"); }),
        textured("jpeg-without-quantisation", "a JPEG with no quantisation table", [] { return texturedModel(jpeg(false, true), "image/jpeg"); }),
        textured("image-data-uri-bad", "not valid base64", [] {
            Model m = texturedModel(pngHeader(4, 4));
            m.doc["images"][0] = {{"uri", "data:image/png;base64,@@@@"}};
            return m;
        }),
        textured("image-file-missing", "not a file beside the model", [] {
            Model m = texturedModel(pngHeader(4, 4));
            m.doc["images"][0] = {{"uri", "missing.png"}};
            return m;
        }),
        textured("texture-source-missing", "refers to images[6], which does not exist", [] {
            Model m = texturedModel(pngHeader(4, 4));
            m.doc["textures"][0]["source"] = 6;
            return m;
        }),
        textured("material-texture-missing", "refers to textures[3], which does not exist", [] {
            Model m = texturedModel(pngHeader(4, 4));
            m.doc["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"]["index"] = 3;
            return m;
        }),
    };
}

std::vector<HostileCase> landmarkCases() {
    const std::string d = "/spineviz/dimensions/", at = "nodes[0].extras.spineviz.";
    return {
        landmark("landmark-width-1000m", at + "dimensions.endplate_width: 1e+06 mm is not plausible", d + "endplate_width", 1000.0),
        landmark("landmark-width-negative", at + "dimensions.endplate_width", d + "endplate_width", -0.04),
        landmark("landmark-width-1e39", at + "dimensions.endplate_width: is not a finite number", d + "endplate_width", 1e39),
        landmark("landmark-height-zero", at + "dimensions.middle_height", d + "middle_height", 0.0),
        landmark("landmark-cortex-1m", at + "dimensions.cortical_thickness", d + "cortical_thickness", 1.0),
        landmark("landmark-canal-string", at + "dimensions.canal_width: is not a number", d + "canal_width", "wide"),
        landmark("landmark-dimensions-missing", at + "dimensions: is missing", "/spineviz/dimensions", nullptr),
        landmark("landmark-endplates-far-apart", at + "superior_endplate.centre", "/spineviz/superior_endplate/centre", {0, 0.5, 0}),
        landmark("landmark-endplate-below", at + "superior_endplate.centre: is not above", "/spineviz/superior_endplate/centre", {0, -0.001, 0}),
        landmark("landmark-frame-degenerate", at + "frame.superior: is not perpendicular", "/spineviz/frame/superior", {0, 0, 1}),
        landmark("landmark-frame-zero-axis", at + "frame.left: is not a usable direction", "/spineviz/frame/left", {0, 0, 0}),
        landmark("landmark-frame-left-handed", at + "frame.left: makes a left-handed frame", "/spineviz/frame/left", {-1, 0, 0}),
        landmark("landmark-origin-far", at + "frame.origin", "/spineviz/frame/origin", {1e6, 0, 0}),
        landmark("landmark-pedicle-backwards", at + "pedicles.left.axis: does not point into the body", "/spineviz/pedicles/left/axis", {0, 0, -1}),
        landmark("landmark-pedicle-wide", at + "pedicles.right.width", "/spineviz/pedicles/right/width", 0.5),
        landmark("landmark-wall-far", at + "anterior_wall: lies more than 15 cm", "/spineviz/anterior_wall", {0, 0, 2.0}),
        landmark("landmark-vector-short", at + "posterior_wall: is not an [x, y, z] array", "/spineviz/posterior_wall", {0, 0}),
    };
}

} // namespace

const std::vector<HostileCase>& hostileCases() {
    static const std::vector<HostileCase> cases = [] {
        std::vector<HostileCase> all;
        for (auto group : {containerCases(), rangeCases(), budgetCases(), nodeCases(), imageCases(), landmarkCases()})
            all.insert(all.end(), group.begin(), group.end());
        return all;
    }();
    return cases;
}

} // namespace spineviz::test
