// The glTF loader on models the tests build: transforms, index types, normals, and broken or
// hostile files, which must give an error naming the file and never crash.

#include "GltfBuilder.h"
#include "TempDir.h"
#include "core/mesh/MeshTopology.h"
#include "core/scene/GltfLoader.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace spineviz {
namespace {

using test::GltfBuilder;
using test::IndexType;
using test::TempDir;

std::vector<unsigned char> readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const std::string& path, const std::vector<unsigned char>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

glm::vec3 transformPoint(const glm::mat4& m, const glm::vec3& p) { return glm::vec3(m * glm::vec4(p, 1.0f)); }

TEST(GltfLoaderTest, HierarchyComposesTranslationRotationScaleAndMatrices) {
    TempDir dir;
    GltfBuilder builder;
    const int box = builder.addMesh(test::makeBox(glm::vec3(0.5f)));
    const int parent = builder.addNode("parent", box);
    builder.setTranslation(parent, {1.0f, 0.0f, 0.0f});
    builder.setRotation(parent, {0.0f, 0.70710678f, 0.0f, 0.70710678f}); // 90 deg about +Y
    const int child = builder.addNode("child", box, parent);
    builder.setScale(child, {2.0f, 2.0f, 2.0f});
    builder.setTranslation(child, {0.0f, 0.0f, 1.0f});
    const int grandchild = builder.addNode("grandchild", box, child);
    builder.setMatrix(grandchild, glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 3.0f, 0.0f)));
    ASSERT_TRUE(builder.write(dir.path("tree.glb")));

    const LoadResult result = loadGltf(dir.path("tree.glb"));
    ASSERT_TRUE(result) << result.error;
    const Scene& scene = *result.scene;
    ASSERT_EQ(scene.nodes.size(), 3u);
    const int c = scene.findNode("child"), g = scene.findNode("grandchild");
    ASSERT_GE(c, 0);
    ASSERT_GE(g, 0);
    EXPECT_EQ(scene.nodes[c].parent, scene.findNode("parent"));
    // child origin: parent rotates +Z onto +X, then translates by +X: (1,0,0) + (1,0,0).
    const glm::vec3 childOrigin = transformPoint(scene.worldTransform(c), glm::vec3(0.0f));
    EXPECT_NEAR(childOrigin.x, 2.0f, 1e-5f);
    EXPECT_NEAR(childOrigin.z, 0.0f, 1e-5f);
    // grandchild: 3 up in the child's scaled frame = 6 up in the world.
    const glm::vec3 grandOrigin = transformPoint(scene.worldTransform(g), glm::vec3(0.0f));
    EXPECT_NEAR(grandOrigin.y, 6.0f, 1e-5f);
    EXPECT_NEAR(grandOrigin.x, 2.0f, 1e-5f);
    // The flattened transforms agree with the per-node walk.
    const std::vector<glm::mat4> world = scene.worldTransforms();
    EXPECT_NEAR(transformPoint(world[g], glm::vec3(0.0f)).y, 6.0f, 1e-5f);
    EXPECT_NEAR(scene.bounds().max.y, 6.0f + 1.0f, 1e-4f); // grandchild box, half-size 0.5 scaled by 2
}

class IndexTypeTest : public ::testing::TestWithParam<IndexType> {};

TEST_P(IndexTypeTest, EveryIndexTypeLoadsTheSameClosedMesh) {
    TempDir dir;
    GltfBuilder builder;
    const MeshData box = test::makeBox(glm::vec3(1.0f));
    test::MeshOptions options;
    options.indexType = GetParam();
    builder.addNode("box", builder.addMesh(box, options));
    ASSERT_TRUE(builder.write(dir.path("box.glb")));

    const LoadResult result = loadGltf(dir.path("box.glb"));
    ASSERT_TRUE(result) << result.error;
    const MeshData& mesh = result.scene->meshes.at(0).primitives.at(0).mesh;
    EXPECT_EQ(mesh.triangleCount(), 12u);
    const TopologyReport topology = analyzeTopology(mesh);
    EXPECT_TRUE(topology.closedManifold());
    EXPECT_NEAR(topology.signedVolume, 8.0, 1e-5);
}

INSTANTIATE_TEST_SUITE_P(AllIndexTypes, IndexTypeTest,
                         ::testing::Values(IndexType::None, IndexType::UnsignedByte, IndexType::UnsignedShort,
                                           IndexType::UnsignedInt));

TEST(GltfLoaderTest, MissingNormalsAreComputedPointingOutward) {
    TempDir dir;
    GltfBuilder builder;
    test::MeshOptions options;
    options.normals = false;
    builder.addNode("sphere", builder.addMesh(test::makeSphere(2.0f, 24, 12), options));
    ASSERT_TRUE(builder.write(dir.path("sphere.glb")));

    const LoadResult result = loadGltf(dir.path("sphere.glb"));
    ASSERT_TRUE(result) << result.error;
    const MeshData& mesh = result.scene->meshes.at(0).primitives.at(0).mesh;
    ASSERT_EQ(mesh.normals.size(), mesh.positions.size());
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3 radial = glm::normalize(mesh.positions[i]);
        EXPECT_GT(glm::dot(mesh.normals[i], radial), 0.95f) << "vertex " << i;
        EXPECT_NEAR(glm::length(mesh.normals[i]), 1.0f, 1e-4f);
    }
}

TEST(GltfLoaderTest, TextGltfWithExternalBufferAndMaterialLoads) {
    TempDir dir;
    GltfBuilder builder;
    const int material = builder.addMaterial({0.8f, 0.2f, 0.1f, 1.0f}, 0.25f, 0.5f, "red");
    test::MeshOptions options;
    options.material = material;
    builder.addNode("box", builder.addMesh(test::makeBox(glm::vec3(1.0f)), options));
    ASSERT_TRUE(builder.write(dir.path("box.gltf"), false));

    const LoadResult result = loadGltf(dir.path("box.gltf"));
    ASSERT_TRUE(result) << result.error;
    const Scene& scene = *result.scene;
    ASSERT_EQ(scene.materials.size(), 1u);
    EXPECT_EQ(scene.materials[0].name, "red");
    EXPECT_FLOAT_EQ(scene.materials[0].baseColorFactor.x, 0.8f);
    EXPECT_FLOAT_EQ(scene.materials[0].metallic, 0.25f);
    EXPECT_FLOAT_EQ(scene.materials[0].roughness, 0.5f);
    EXPECT_EQ(scene.meshes[0].primitives[0].material, 0);
}

TEST(GltfLoaderTest, NodeExtrasArriveAsJson) {
    TempDir dir;
    GltfBuilder builder;
    const int node = builder.addNode("vertebrae_L1", builder.addMesh(test::makeBox(glm::vec3(1.0f))));
    tinygltf::Value::Object inner;
    inner["level"] = tinygltf::Value(std::string("L1"));
    inner["origin"] = tinygltf::Value(tinygltf::Value::Array{tinygltf::Value(0.5), tinygltf::Value(1.0), tinygltf::Value(2.0)});
    tinygltf::Value::Object root;
    root["spineviz"] = tinygltf::Value(inner);
    builder.model().nodes[node].extras = tinygltf::Value(root);
    ASSERT_TRUE(builder.write(dir.path("extras.glb")));

    const LoadResult result = loadGltf(dir.path("extras.glb"));
    ASSERT_TRUE(result) << result.error;
    const nlohmann::json& extras = result.scene->nodes[0].extras;
    EXPECT_EQ(extras["spineviz"]["level"], "L1");
    EXPECT_DOUBLE_EQ(extras["spineviz"]["origin"][2].get<double>(), 2.0);
}

// ---- Broken and hostile files: an error that names the file, never a crash. ----

void expectRefused(const std::string& path, const std::string& reasonPart) {
    const LoadResult result = loadGltf(path);
    EXPECT_FALSE(result);
    EXPECT_NE(result.error.find(path), std::string::npos) << result.error;
    EXPECT_NE(result.error.find(reasonPart), std::string::npos) << result.error;
    EXPECT_EQ(result.error.find('\n'), std::string::npos) << "one line: " << result.error;
}

TEST(GltfLoaderTest, MissingFileNamesThePath) { expectRefused("/no/such/dir/model.glb", "no such file"); }

TEST(GltfLoaderTest, EmptyAndNonGltfFilesAreRefused) {
    TempDir dir;
    writeText(dir.path("empty.glb"), "");
    expectRefused(dir.path("empty.glb"), "empty");
    writeText(dir.path("text.glb"), "hello, I am not a model");
    expectRefused(dir.path("text.glb"), "not a glTF file");
    writeText(dir.path("bad.gltf"), "{ \"asset\": { \"version\": ");
    expectRefused(dir.path("bad.gltf"), "JSON");
}

TEST(GltfLoaderTest, WrongMagicAndTruncatedGlbAreRefused) {
    TempDir dir;
    GltfBuilder builder;
    builder.addNode("box", builder.addMesh(test::makeBox(glm::vec3(1.0f))));
    ASSERT_TRUE(builder.write(dir.path("box.glb")));
    const std::vector<unsigned char> bytes = readAll(dir.path("box.glb"));

    std::vector<unsigned char> wrongMagic = bytes;
    wrongMagic[0] = 'X';
    writeAll(dir.path("magic.glb"), wrongMagic);
    expectRefused(dir.path("magic.glb"), "not a glTF file");

    for (std::size_t cut : {std::size_t(7), std::size_t(19), bytes.size() / 2, bytes.size() - 1}) {
        writeAll(dir.path("cut.glb"), std::vector<unsigned char>(bytes.begin(), bytes.begin() + static_cast<long>(cut)));
        const LoadResult result = loadGltf(dir.path("cut.glb"));
        EXPECT_FALSE(result) << "cut at " << cut;
        EXPECT_NE(result.error.find(dir.path("cut.glb")), std::string::npos);
    }
}

TEST(GltfLoaderTest, AccessorOutsideItsBufferIsRefused) {
    TempDir dir;
    GltfBuilder builder;
    builder.addNode("box", builder.addMesh(test::makeBox(glm::vec3(1.0f))));
    builder.model().accessors[0].count = 1000000; // positions run far past the buffer
    ASSERT_TRUE(builder.write(dir.path("bounds.glb")));
    expectRefused(dir.path("bounds.glb"), "accessor");

    GltfBuilder offset;
    offset.addNode("box", offset.addMesh(test::makeBox(glm::vec3(1.0f))));
    offset.model().accessors[0].byteOffset = 1u << 30;
    ASSERT_TRUE(offset.write(dir.path("offset.glb")));
    EXPECT_FALSE(loadGltf(dir.path("offset.glb")));
}

TEST(GltfLoaderTest, IndicesPastTheLastVertexAreRefused) {
    TempDir dir;
    GltfBuilder builder;
    MeshData box = test::makeBox(glm::vec3(1.0f));
    box.indices[5] = 9999;
    builder.addNode("box", builder.addMesh(box));
    ASSERT_TRUE(builder.write(dir.path("index.glb")));
    expectRefused(dir.path("index.glb"), "past the last vertex");
}

TEST(GltfLoaderTest, NodeCyclesAreRefused) {
    TempDir dir;
    GltfBuilder builder;
    const int box = builder.addMesh(test::makeBox(glm::vec3(1.0f)));
    const int a = builder.addNode("a", box);
    const int b = builder.addNode("b", box, a);
    builder.model().nodes[b].children.push_back(a);
    ASSERT_TRUE(builder.write(dir.path("cycle.gltf"), false));
    const LoadResult result = loadGltf(dir.path("cycle.gltf"));
    EXPECT_FALSE(result);
}

TEST(GltfLoaderTest, UrisThatLeaveTheModelFolderAreRefused) {
    TempDir dir;
    std::filesystem::create_directories(dir.root() / "models");
    writeText(dir.path("secret.bin"), std::string(64, 's'));
    for (const std::string& uri : {std::string("../secret.bin"), std::string("a/../../secret.bin"), dir.path("secret.bin"),
                                   std::string("%2e%2e/secret.bin"), std::string("file:///etc/passwd")}) {
        const std::string gltf = R"({"asset":{"version":"2.0"},"buffers":[{"uri":")" + uri +
                                 R"(","byteLength":64}],"scenes":[{"nodes":[]}]})";
        const std::string path = dir.path("models/escape.gltf");
        writeText(path, gltf);
        const LoadResult result = loadGltf(path);
        EXPECT_FALSE(result) << uri;
        EXPECT_NE(result.error.find("refused"), std::string::npos) << uri << ": " << result.error;
    }
}

TEST(GltfLoaderTest, DeeplyNestedJsonIsRefusedWithoutOverflowingTheStack) {
    TempDir dir;
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    writeText(dir.path("deep.gltf"), R"({"asset":{"version":"2.0"},"extras":)" + deep + "}");
    expectRefused(dir.path("deep.gltf"), "nested");
}

TEST(GltfLoaderTest, ModelWithoutTrianglesIsRefused) {
    TempDir dir;
    writeText(dir.path("empty.gltf"), R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[]}]})");
    expectRefused(dir.path("empty.gltf"), "no triangles");
}

TEST(GltfLoaderTest, DirectoryIsRefused) {
    TempDir dir;
    expectRefused(dir.root().string(), "directory");
}

} // namespace
} // namespace spineviz

namespace spineviz {
namespace {

std::vector<std::string> filesIn(const std::string& folder) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(GltfLoaderTest, FuzzSeedCorpusLoads) {
    const std::vector<std::string> seeds = filesIn(SPINEVIZ_SOURCE_DIR "/tests/fuzz/corpus");
    ASSERT_FALSE(seeds.empty());
    for (const std::string& seed : seeds) {
        const LoadResult result = loadGltf(seed);
        EXPECT_TRUE(result) << result.error;
    }
}

TEST(GltfLoaderTest, InputsTheFuzzerBrokeOnceAreRefusedCleanly) {
    for (const std::string& input : filesIn(SPINEVIZ_SOURCE_DIR "/tests/fuzz/regressions")) {
        const LoadResult result = loadGltf(input);
        EXPECT_FALSE(result) << input;
        EXPECT_FALSE(result.error.empty());
    }
}

} // namespace
} // namespace spineviz
