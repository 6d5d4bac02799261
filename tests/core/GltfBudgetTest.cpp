// What the loader's budget must still let through: unused buffers are never read, an image shared
// by many entries is decoded once, and real PNG and JPEG textures pass the image checks.

#include "TempDir.h"
#include "core/io/ImageFile.h"
#include "core/scene/GltfLoader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace spineviz {
namespace {

using json = nlohmann::json;

// One triangle, its 36 bytes of positions in a data uri.
json triangleModel() {
    const float positions[9] = {0, 0, 0, 0.01f, 0, 0, 0, 0.01f, 0};
    std::string bytes(reinterpret_cast<const char*>(positions), sizeof positions);
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string b64;
    for (std::size_t i = 0; i < bytes.size(); i += 3) { // 36 bytes: no padding needed
        const std::uint32_t v = std::uint32_t(std::uint8_t(bytes[i])) << 16 | std::uint32_t(std::uint8_t(bytes[i + 1])) << 8 |
                                std::uint8_t(bytes[i + 2]);
        for (int s : {18, 12, 6, 0}) b64 += table[v >> s & 63];
    }
    return {{"asset", {{"version", "2.0"}}},
            {"nodes", {{{"mesh", 0}}}},
            {"meshes", {{{"primitives", {{{"attributes", {{"POSITION", 0}}}}}}}}},
            {"accessors", {{{"bufferView", 0}, {"componentType", 5126}, {"count", 3}, {"type", "VEC3"}}}},
            {"bufferViews", {{{"buffer", 0}, {"byteLength", 36}}}},
            {"buffers", {{{"byteLength", 36}, {"uri", "data:application/octet-stream;base64," + b64}}}}};
}

std::vector<std::uint8_t> fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(GltfBudgetTest, BuffersNothingUsesAreNeverRead) {
    // Eight buffers naming one 256 MiB file, none used (the 2.1 GB case): loads at once.
    test::TempDir dir;
    std::ofstream(dir.path("big.bin"), std::ios::binary).put(0);
    std::filesystem::resize_file(dir.path("big.bin"), std::uintmax_t(256) << 20);
    json model = triangleModel();
    for (int i = 0; i < 8; ++i) model["buffers"].push_back({{"byteLength", std::uint64_t(256) << 20}, {"uri", "big.bin"}});
    std::ofstream(dir.path("unused.gltf")) << model.dump();
    const auto start = std::chrono::steady_clock::now();
    const LoadResult result = loadGltf(dir.path("unused.gltf"));
    ASSERT_TRUE(result) << result.error;
    EXPECT_EQ(result.scene->triangleCount(), 1u);
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 1.0);
}

// The model with `entries` images all naming the same encoded file bytes in one buffer view, and a
// material per image.
json sharedImageModel(const std::vector<std::uint8_t>& encoded, const std::string& mime, int entries) {
    json model = triangleModel();
    std::string b64;
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (std::size_t i = 0; i < encoded.size(); i += 3) {
        const std::uint32_t v = std::uint32_t(encoded[i]) << 16 | (i + 1 < encoded.size() ? std::uint32_t(encoded[i + 1]) << 8 : 0) |
                                (i + 2 < encoded.size() ? encoded[i + 2] : 0);
        b64 += table[v >> 18 & 63];
        b64 += table[v >> 12 & 63];
        b64 += i + 1 < encoded.size() ? table[v >> 6 & 63] : '=';
        b64 += i + 2 < encoded.size() ? table[v & 63] : '=';
    }
    model["buffers"].push_back({{"byteLength", encoded.size()}, {"uri", "data:application/octet-stream;base64," + b64}});
    model["bufferViews"].push_back({{"buffer", 1}, {"byteLength", encoded.size()}});
    for (int i = 0; i < entries; ++i) {
        model["images"].push_back({{"bufferView", 1}, {"mimeType", mime}});
        model["textures"].push_back({{"source", i}});
        model["materials"].push_back({{"pbrMetallicRoughness", {{"baseColorTexture", {{"index", i}}}}}});
        if (i > 0) model["meshes"][0]["primitives"].push_back(model["meshes"][0]["primitives"][0]);
        model["meshes"][0]["primitives"][i]["material"] = i;
    }
    return model;
}

std::vector<std::uint8_t> encodedImage(const test::TempDir& dir, const std::string& name) {
    Image image;
    image.width = 64;
    image.height = 32;
    image.rgba.resize(64 * 32 * 4);
    for (std::size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = std::uint8_t(i % 4 == 3 ? 255 : (i * 7) % 256);
    EXPECT_EQ(writeImage(dir.path(name), image), "");
    return fileBytes(dir.path(name));
}

TEST(GltfBudgetTest, AnImageSharedByManyEntriesIsDecodedOnce) {
    test::TempDir dir;
    std::ofstream(dir.path("shared.gltf")) << sharedImageModel(encodedImage(dir, "tex.png"), "image/png", 64).dump();
    const LoadResult result = loadGltf(dir.path("shared.gltf"));
    ASSERT_TRUE(result) << result.error;
    ASSERT_EQ(result.scene->images.size(), 1u);
    EXPECT_EQ(result.scene->images[0].width, 64);
    EXPECT_EQ(result.scene->images[0].height, 32);
    ASSERT_EQ(result.scene->materials.size(), 64u);
    for (const Material& material : result.scene->materials) EXPECT_EQ(material.baseColorImage, 0);
}

TEST(GltfBudgetTest, RealJpegTexturesPassTheTableCheck) {
    test::TempDir dir;
    std::ofstream(dir.path("jpeg.gltf")) << sharedImageModel(encodedImage(dir, "tex.jpg"), "image/jpeg", 1).dump();
    const LoadResult result = loadGltf(dir.path("jpeg.gltf"));
    ASSERT_TRUE(result) << result.error;
    ASSERT_EQ(result.scene->images.size(), 1u);
    EXPECT_EQ(result.scene->images[0].rgba.size(), 64u * 32u * 4u);
}

TEST(GltfBudgetTest, ImagesNoMaterialShowsAreNotDecoded) {
    // A broken image nothing shows does not stop the model (and is never read).
    test::TempDir dir;
    json model = triangleModel();
    model["images"] = {{{"uri", "missing.png"}}};
    std::ofstream(dir.path("unshown.gltf")) << model.dump();
    const LoadResult result = loadGltf(dir.path("unshown.gltf"));
    ASSERT_TRUE(result) << result.error;
    EXPECT_TRUE(result.scene->images.empty());
}

} // namespace
} // namespace spineviz
