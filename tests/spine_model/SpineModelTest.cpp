// Checks models/spine.glb: reproducible from the generator, complete, watertight, sized by the
// parameter table, landmarks where they belong, normal sagittal alignment, within budget.

#include "MeshQueries.h"
#include "ModelFile.h"

#include "Morphometry.h"

#include "core/anatomy/SpineLevels.h"
#include "core/mesh/MeshTopology.h"

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

using namespace spine_model_test;
using spine_model::levelTable;

namespace {

const std::string kModelPath = SPINE_MODEL_GLB;

const ModelFile& model() {
    static const ModelFile m = readModel(kModelPath);
    return m;
}

std::vector<std::string> vertebraNames() {
    std::vector<std::string> names;
    for (auto level : spineviz::kVertebraLevels) names.push_back(spineviz::vertebraNodeName(level));
    return names;
}

std::vector<std::string> discNames() {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < spineviz::kVertebraLevels.size(); ++i)
        names.push_back(spineviz::discNodeName(spineviz::kVertebraLevels[i], i + 1 < spineviz::kVertebraLevels.size() ? spineviz::kVertebraLevels[i + 1] : "S1"));
    return names;
}

std::vector<std::string> ribNames() {
    std::vector<std::string> names;
    for (int n = 1; n <= 12; ++n)
        for (const char* side : {"left", "right"}) names.push_back(std::string("rib_") + side + "_" + std::to_string(n));
    return names;
}

std::vector<std::string> nerveRootNames() {
    std::vector<std::string> names;
    for (auto level : spineviz::kVertebraLevels)
        for (const char* side : {"left", "right"}) names.push_back("nerve_root_" + std::string(level) + "_" + side);
    return names;
}

// The edge-connected piece each vertex belongs to (an arbitrary label per piece).
std::vector<std::uint32_t> componentOfVertex(const spineviz::MeshData& mesh) {
    std::vector<std::uint32_t> parent(mesh.positions.size());
    for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto find = [&parent](std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        for (int k = 1; k < 3; ++k) parent[find(mesh.indices[t + k])] = find(mesh.indices[t]);
    std::vector<std::uint32_t> piece(parent.size());
    for (std::uint32_t i = 0; i < parent.size(); ++i) piece[i] = find(i);
    return piece;
}

const spineviz::MeshData& meshOf(const std::string& name) {
    const ModelNode* n = model().node(name);
    if (!n || n->mesh < 0) throw std::runtime_error("no mesh node " + name);
    return model().meshes[static_cast<std::size_t>(n->mesh)];
}

// Length of the chord through the mesh along `dir` from an inside point (metres).
float chord(const spineviz::MeshData& mesh, const glm::vec3& inside, const glm::vec3& dir) {
    const auto forward = rayHits(mesh, inside, dir), backward = rayHits(mesh, inside, -dir);
    if (forward.empty() || backward.empty()) return 0.0f;
    return forward.front() + backward.front();
}

float smallestAngleDegrees(const spineviz::MeshData& m, std::size_t t) {
    float smallest = 180.0f;
    for (int k = 0; k < 3; ++k) {
        const glm::vec3 p = m.positions[m.indices[t + k]], a = m.positions[m.indices[t + (k + 1) % 3]], b = m.positions[m.indices[t + (k + 2) % 3]];
        const float c = glm::dot(glm::normalize(a - p), glm::normalize(b - p));
        smallest = std::min(smallest, glm::degrees(std::acos(std::clamp(c, -1.0f, 1.0f))));
    }
    return smallest;
}

// Angle in the sagittal plane (degrees) from direction a to direction b, positive when b tilts
// further towards anterior (+Z) than a.
float sagittalAngle(const glm::vec3& a, const glm::vec3& b) {
    return glm::degrees(std::atan2(b.z, b.y) - std::atan2(a.z, a.y));
}

glm::vec3 worldDir(const ModelNode& n, const nlohmann::json& d) { return glm::normalize(glm::vec3(n.world * glm::vec4(vec3Of(d), 0.0f))); }

} // namespace

TEST(SpineModelTest, CommittedModelMatchesFreshBuild) {
    const std::string out = std::string(SPINE_MODEL_BINARY_DIR) + "/spine_model_test_fresh.glb";
    const std::string command = std::string("\"") + SPINE_MODEL_EXE + "\" --out \"" + out + "\"";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    auto slurp = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    const std::string fresh = slurp(out), committed = slurp(kModelPath);
    std::remove(out.c_str());
    ASSERT_FALSE(fresh.empty());
    EXPECT_TRUE(fresh == committed) << "models/spine.glb is stale: rebuild it with `cmake --build BUILD --target update_spine_model`";
}

TEST(SpineModelTest, GeneratorRejectsBadArguments) {
    EXPECT_NE(std::system((std::string("\"") + SPINE_MODEL_EXE + "\" --bogus 2>/dev/null").c_str()), 0);
    EXPECT_NE(std::system((std::string("\"") + SPINE_MODEL_EXE + "\" --out /nonexistent-dir/x.glb --only disc_T1_T2 2>/dev/null").c_str()), 0);
}

TEST(SpineModelTest, HasEveryExpectedNode) {
    for (const std::string& name : vertebraNames()) {
        const ModelNode* n = model().node(name);
        ASSERT_NE(n, nullptr) << name;
        EXPECT_EQ(n->material, "bone");
        EXPECT_EQ(n->extras["kind"], "vertebra");
        EXPECT_EQ(n->extras["format"], 1);
        ASSERT_NE(model().node(name + "_trabecular"), nullptr);
        EXPECT_EQ(model().node(name + "_trabecular")->material, "bone_trabecular");
        EXPECT_EQ(model().node(name + "_trabecular")->extras["kind"], "trabecular");
    }
    ASSERT_NE(model().node("sacrum"), nullptr);
    EXPECT_EQ(model().node("sacrum")->extras["kind"], "sacrum");
    ASSERT_NE(model().node("sacrum_trabecular"), nullptr);
    for (const std::string& name : discNames()) {
        const ModelNode* n = model().node(name);
        ASSERT_NE(n, nullptr) << name;
        EXPECT_EQ(n->material, "disc_annulus");
        EXPECT_EQ(n->extras["kind"], "disc");
        EXPECT_TRUE(n->extras.contains("upper") && n->extras.contains("lower"));
        ASSERT_NE(model().node(name + "_nucleus"), nullptr);
        EXPECT_EQ(model().node(name + "_nucleus")->material, "disc_nucleus");
    }
    ASSERT_NE(model().node("spinal_cord"), nullptr);
    EXPECT_EQ(model().node("spinal_cord")->extras["kind"], "dural_sac");
    EXPECT_EQ(model().node("spinal_cord")->material, "dural_sac");
    ASSERT_NE(model().node("cauda_equina"), nullptr);
    EXPECT_EQ(model().node("cauda_equina")->material, "nerve");
    for (const std::string& name : ribNames()) {
        const ModelNode* n = model().node(name);
        ASSERT_NE(n, nullptr) << name;
        EXPECT_EQ(n->material, "bone") << name;
        EXPECT_EQ(n->extras["kind"], "rib") << name;
        EXPECT_EQ(n->extras["level"], "T" + name.substr(name.rfind('_') + 1)) << name;
    }
    for (const std::string& name : nerveRootNames()) {
        const ModelNode* n = model().node(name);
        ASSERT_NE(n, nullptr) << name;
        EXPECT_EQ(n->material, "nerve") << name;
        EXPECT_EQ(n->extras["kind"], "nerve_root") << name;
        EXPECT_EQ(n->extras["level"], name.substr(11, name.find('_', 11) - 11)) << name;
    }
}

// Every bone (vertebra, sacrum, rib) is one connected surface, and so is every disc, nucleus and
// nerve root; a trabecular surface may split where a process is thinner than twice the cortex, but
// the part of it inside the vertebral body is one piece.
TEST(SpineModelTest, EveryBoneIsOnePiece) {
    std::vector<std::string> single = vertebraNames();
    single.push_back("sacrum");
    for (const std::string& n : ribNames()) single.push_back(n);
    for (const std::string& n : nerveRootNames()) single.push_back(n);
    for (const std::string& n : discNames()) single.push_back(n), single.push_back(n + "_nucleus");
    single.push_back("spinal_cord");
    for (const std::string& name : single) EXPECT_EQ(spineviz::analyzeTopology(meshOf(name)).components, 1u) << name;

    for (std::size_t i = 0; i < levelTable().size(); ++i) {
        const auto& row = levelTable()[i];
        const std::string name = spineviz::vertebraNodeName(row.level) + "_trabecular";
        const spineviz::MeshData& mesh = meshOf(name);
        const std::vector<std::uint32_t> piece = componentOfVertex(mesh);
        // The body's core: well inside its walls and endplates.
        const glm::vec3 half = 0.001f * glm::vec3(0.4f * row.endplateWidth, 0.35f * std::min(row.anteriorHeight, row.posteriorHeight), 0.35f * row.endplateDepth);
        std::set<std::uint32_t> pieces;
        for (std::size_t v = 0; v < mesh.positions.size(); ++v)
            if (glm::all(glm::lessThan(glm::abs(mesh.positions[v]), half))) pieces.insert(piece[v]);
        EXPECT_EQ(pieces.size(), 1u) << name << ": the body's trabecular surface is in " << pieces.size() << " pieces";
    }
}

TEST(SpineModelTest, EveryMeshIsAClosedManifoldWithoutSlivers) {
    for (const ModelNode& n : model().nodes) {
        if (n.mesh < 0) continue;
        const spineviz::MeshData& mesh = model().meshes[static_cast<std::size_t>(n.mesh)];
        const spineviz::TopologyReport r = spineviz::analyzeTopology(mesh);
        EXPECT_TRUE(r.closedManifold()) << n.name << ": boundary " << r.boundaryEdges << ", non-manifold " << r.nonManifoldEdges
                                        << ", misoriented " << r.misorientedEdges << ", degenerate " << r.degenerateTriangles;
        EXPECT_GT(r.signedVolume, 0.0) << n.name;
        std::size_t thin = 0, needle = 0;
        for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
            const float a = smallestAngleDegrees(mesh, t);
            thin += a < 10.0f;
            needle += a < 1.0f;
        }
        const double triangles = static_cast<double>(mesh.triangleCount());
        // Sliver bounds: few triangles under 10 degrees, almost none under 1 degree. (Discs run
        // highest: their rims are creases where they meet the bone.)
        EXPECT_LT(static_cast<double>(thin) / triangles, 0.12) << n.name;
        EXPECT_LT(static_cast<double>(needle) / triangles, 0.015) << n.name;
        for (const glm::vec3& normal : mesh.normals) ASSERT_NEAR(glm::length(normal), 1.0f, 1e-3f) << n.name;
    }
}

TEST(SpineModelTest, BodySizesMatchTheParameterTable) {
    for (std::size_t i = 0; i < levelTable().size(); ++i) {
        const auto& row = levelTable()[i];
        const std::string name = spineviz::vertebraNodeName(row.level);
        const spineviz::MeshData& mesh = meshOf(name);
        const float station = 0.001f * (0.5f * row.endplateDepth - 2.0f);
        const glm::vec3 up(0, 1, 0);
        EXPECT_NEAR(1000.0f * chord(mesh, {0, 0, station}, up), row.anteriorHeight, 0.6f) << name << " anterior height";
        EXPECT_NEAR(1000.0f * chord(mesh, {0, 0, -station}, up), row.posteriorHeight, 0.6f) << name << " posterior height";
        // Endplate width just under the superior rim, and mid-sagittal depth at mid-height.
        const float slope = (row.anteriorHeight - row.posteriorHeight) / (row.endplateDepth - 4.0f);
        float widest = 0.0f;
        for (float zn = -0.4f; zn <= 0.4f; zn += 0.02f) {
            const float z = zn * row.endplateDepth; // mm
            const float rimY = 0.25f * (row.anteriorHeight + row.posteriorHeight) + 0.5f * slope * z - 1.8f;
            widest = std::max(widest, chord(mesh, 0.001f * glm::vec3(0, rimY, z), {1, 0, 0}));
        }
        EXPECT_NEAR(1000.0f * widest, row.endplateWidth, 1.5f) << name << " endplate width";
        const auto& dims = model().node(name)->extras["dimensions"];
        EXPECT_NEAR(1000.0f * dims["anterior_height"].get<float>(), row.anteriorHeight, 0.6f) << name;
        EXPECT_NEAR(1000.0f * dims["endplate_depth"].get<float>(), row.endplateDepth, 1.0f) << name;
        EXPECT_NEAR(1000.0f * dims["canal_width"].get<float>(), row.canalWidth, 1.0f) << name;
        EXPECT_NEAR(1000.0f * dims["canal_depth"].get<float>(), row.canalDepth, 1.0f) << name;
    }
}

// Narrowest transverse chord of the pedicle, searched along its axis from the entry point. Just under
// the posterior surface a chord measures how the surface curves there, not the pedicle, so the
// search starts past the widest chord of the articular pillar the axis enters through: the isthmus is
// the narrowing between the pillar and the body.
float measuredPedicleWidth(const spineviz::MeshData& mesh, const nlohmann::json& pedicle, glm::vec3* isthmus) {
    const glm::vec3 entry = vec3Of(pedicle["entry"]), axis = vec3Of(pedicle["axis"]);
    const glm::vec3 across = glm::normalize(glm::cross(glm::vec3(0, 1, 0), axis));
    std::vector<float> widths;
    for (float t = 0.001f; t < 0.035f; t += 0.0005f) widths.push_back(chord(mesh, entry + axis * t, across));
    std::size_t pillar = 0;
    for (std::size_t i = 0; i < widths.size() / 2; ++i)
        if (widths[i] > widths[pillar]) pillar = i;
    float narrowest = 1e9f;
    for (std::size_t i = pillar; i < widths.size(); ++i)
        if (widths[i] > 0.0f && widths[i] < narrowest) narrowest = widths[i], *isthmus = entry + axis * (0.001f + 0.0005f * static_cast<float>(i));
    return narrowest;
}

TEST(SpineModelTest, PedicleAndCanalSizesMatchTheTable) {
    for (const char* level : {"T4", "T12", "L1", "L3", "L5"}) {
        const auto& row = spine_model::levelByName(level);
        const std::string name = spineviz::vertebraNodeName(level);
        const spineviz::MeshData& mesh = meshOf(name);
        const auto& pedicles = model().node(name)->extras["pedicles"];
        for (const char* side : {"left", "right"}) {
            glm::vec3 isthmus(0.0f);
            const float width = 1000.0f * measuredPedicleWidth(mesh, pedicles[side], &isthmus);
            EXPECT_NEAR(width, row.pedicleWidth, 0.8f) << name << " " << side << " pedicle width";
            EXPECT_NEAR(1000.0f * pedicles[side]["width"].get<float>(), row.pedicleWidth, 1e-3f);
            EXPECT_NEAR(1000.0f * pedicles[side]["height"].get<float>(), row.pedicleHeight, 1e-3f);
        }
    }
}

TEST(SpineModelTest, LandmarksLieWhereTheyBelong) {
    for (const std::string& name : vertebraNames()) {
        const ModelNode& n = *model().node(name);
        const spineviz::MeshData& mesh = meshOf(name);
        const auto& x = n.extras;
        const glm::vec3 a = vec3Of(x["frame"]["anterior"]), s = vec3Of(x["frame"]["superior"]), l = vec3Of(x["frame"]["left"]);
        EXPECT_NEAR(glm::dot(a, s), 0.0f, 1e-5f);
        EXPECT_NEAR(glm::dot(a, l), 0.0f, 1e-5f);
        EXPECT_NEAR(glm::length(glm::cross(s, a) - l), 0.0f, 1e-5f) << "frame must be right-handed: left = superior x anterior";
        for (const char* key : {"superior_endplate", "inferior_endplate"}) {
            EXPECT_LT(distanceToMesh(mesh, vec3Of(x[key]["centre"])), 0.0002f) << name << " " << key;
            EXPECT_NEAR(glm::length(vec3Of(x[key]["normal"])), 1.0f, 1e-4f);
        }
        EXPECT_GT(vec3Of(x["superior_endplate"]["normal"]).y, 0.9f);
        EXPECT_LT(vec3Of(x["inferior_endplate"]["normal"]).y, -0.9f);
        for (const char* key : {"anterior_wall", "posterior_wall"}) EXPECT_LT(distanceToMesh(mesh, vec3Of(x[key])), 0.0002f) << name << " " << key;
        const float posteriorWallZ = vec3Of(x["posterior_wall"]).z;
        for (const char* side : {"left", "right"}) {
            const auto& p = x["pedicles"][side];
            const glm::vec3 entry = vec3Of(p["entry"]), axis = vec3Of(p["axis"]);
            EXPECT_NEAR(glm::length(axis), 1.0f, 1e-4f);
            EXPECT_LT(distanceToMesh(mesh, entry), 0.001f) << name << " " << side << " entry on the surface";
            EXPECT_LT(entry.z, posteriorWallZ) << name << " entry behind the body";
            EXPECT_GT(axis.z, 0.7f) << name << " axis points forward";
            EXPECT_GT(entry.x * (std::string(side) == "left" ? 1.0f : -1.0f), 0.0f) << name << " entry on its own side";
            // From just inside the entry, through the pedicle, into the posterior third of the body: all bone.
            const float reach = (0.35f * (vec3Of(x["anterior_wall"]).z - posteriorWallZ) + (posteriorWallZ - entry.z)) / axis.z;
            for (float t = 0.0015f; t < reach; t += 0.001f)
                EXPECT_TRUE(insideMesh(mesh, entry + axis * t)) << name << " " << side << " axis leaves the bone at " << 1000.0f * t << " mm";
        }
    }
}

TEST(SpineModelTest, DiscsMeetTheirEndplates) {
    for (std::size_t i = 0; i < spineviz::kVertebraLevels.size(); ++i) {
        const std::string disc = discNames()[i];
        const ModelNode& d = *model().node(disc);
        const glm::mat4 toDisc = glm::inverse(d.world);
        const ModelNode& upper = *model().node(spineviz::vertebraNodeName(spineviz::kVertebraLevels[i]));
        const glm::vec3 centre = vec3Of(upper.extras["inferior_endplate"]["centre"]);
        const glm::vec3 inDisc(toDisc * upper.world * glm::vec4(centre, 1.0f));
        EXPECT_LT(distanceToMesh(meshOf(disc), inDisc), 0.0003f) << disc << " leaves a gap under " << upper.name;
        const ModelNode& lower = *model().node(i + 1 < spineviz::kVertebraLevels.size() ? spineviz::vertebraNodeName(spineviz::kVertebraLevels[i + 1]) : "sacrum");
        const glm::vec3 lowerCentre(toDisc * lower.world * glm::vec4(vec3Of(lower.extras["superior_endplate"]["centre"]), 1.0f));
        EXPECT_LT(distanceToMesh(meshOf(disc), lowerCentre), 0.0003f) << disc << " leaves a gap over " << lower.name;
    }
}

TEST(SpineModelTest, SagittalAlignmentIsWithinNormalRanges) {
    auto node = [](const std::string& n) { return *model().node(n); };
    const ModelNode t1 = node("vertebrae_T1"), t12 = node("vertebrae_T12"), l1 = node("vertebrae_L1"), sacrum = node("sacrum");
    // Cobb angles from endplate normals (the inferior normal is turned to point up).
    const float kyphosis = sagittalAngle(-worldDir(t12, t12.extras["inferior_endplate"]["normal"]), worldDir(t1, t1.extras["superior_endplate"]["normal"]));
    const float lordosis = sagittalAngle(worldDir(l1, l1.extras["superior_endplate"]["normal"]), worldDir(sacrum, sacrum.extras["superior_endplate"]["normal"]));
    EXPECT_GT(kyphosis, 30.0f); // T1-T12: 20-50 (Spine Secrets), typical 40 (AO Surgery Reference)
    EXPECT_LT(kyphosis, 50.0f);
    EXPECT_GT(lordosis, 45.0f); // L1-S1: 30-80, mean 60 (Spine Secrets); the brief asks for ~55-60
    EXPECT_LT(lordosis, 65.0f);
    // Centred near the origin, superior up.
    EXPECT_GT(glm::vec3(t1.world[3]).y, 0.15f);
    EXPECT_LT(glm::vec3(sacrum.world[3]).y, -0.1f);
}

TEST(SpineModelTest, StaysWithinBudget) {
    std::size_t triangles = 0;
    for (const auto& m : model().meshes) triangles += m.triangleCount();
    EXPECT_LE(triangles, 600000u);
    EXPECT_LE(model().bytes, 12u * 1024u * 1024u);
    for (const auto& m : model().meshes) EXPECT_LT(m.vertexCount(), 65536u) << "uint16 indices expected";
}
