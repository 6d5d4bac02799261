// The X-ray pass against analytic answers, rendered in-process on llvmpipe: a slab of known
// thickness and coefficient, a sphere across its diameter, nested solids, cavities, mirrored
// items, the analytic body, and the display stage's noise and round field.

#include "GltfBuilder.h"
#include "XrayGLContext.h"
#include "core/xray/Attenuation.h"
#include "core/xray/CArm.h"
#include "render/GpuMesh.h"
#include "render/xray/XrayRenderer.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace spineviz {
namespace {

using xray::XrayClass;

constexpr int kSize = 256;

class XrayPhysicsGLTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string error;
        if (!test::ensureGLContext(error)) GTEST_SKIP() << "no OpenGL 3.3 context: " << error;
        ASSERT_EQ(renderer.init(test::shaderDir()), "");
        renderer.setRecordClasses(true);
        ASSERT_TRUE(image.ensure(kSize));
        view = xray::viewOf(xray::CArmPose{}, geometry); // AP through the origin: beam along -Z
        physics.table = xray::standardAttenuation();
    }

    const GpuMesh& upload(const MeshData& data) {
        meshes.push_back(std::make_unique<GpuMesh>());
        meshes.back()->upload(data);
        return *meshes.back();
    }

    DrawItem item(const GpuMesh& mesh, Matter matter, const glm::mat4& model = glm::mat4(1.0f), bool hollow = false) {
        DrawItem i;
        i.mesh = &mesh;
        i.matter = matter;
        i.model = model;
        i.hollow = hollow;
        return i;
    }

    void render() { renderer.render(frame, view, physics, look, 1u, image); }

    // Image coordinates (-1..1) of a pixel centre; rows bottom to top as read back.
    static glm::vec2 imageAt(int x, int y) { return {(x + 0.5f) / kSize * 2.0f - 1.0f, (y + 0.5f) / kSize * 2.0f - 1.0f}; }
    static std::size_t at(int x, int y) { return static_cast<std::size_t>(y) * kSize + static_cast<std::size_t>(x); }

    xray::CArmGeometry geometry;
    xray::CArmView view;
    XrayPhysics physics;
    xray::XrayLook look;
    XrayRenderer renderer;
    XrayImage image;
    FrameScene frame;
    std::vector<std::unique_ptr<GpuMesh>> meshes;
};

TEST_F(XrayPhysicsGLTest, SlabTransmitsTheAnalyticIntensity) {
    // 2 cm of cortical bone, 10 x 10 cm, square to the central ray at the isocentre.
    const glm::vec3 half(0.05f, 0.05f, 0.01f);
    frame.items.push_back(item(upload(test::makeBox(half)), Matter::CorticalBone));
    render();
    const std::vector<float> p = image.readLineIntegral();
    const float mu = physics.table.of(XrayClass::Cortical);

    // The central ray crosses exactly the thickness.
    const float centre = p[at(kSize / 2, kSize / 2)];
    EXPECT_NEAR(xray::transmitted(centre) / std::exp(-mu * 0.02f), 1.0, 0.02);

    // Every ray (perspective: oblique away from the centre) against its own analytic chord.
    int checked = 0;
    double worst = 0.0;
    for (int y = 0; y < kSize; ++y)
        for (int x = 0; x < kSize; ++x) {
            const glm::vec3 dir = view.rayTo(imageAt(x, y));
            const float chord = xray::chordThroughBox(view.source, dir, -half, half);
            // Leave out the rim, where a pixel centre is within a pixel of the slab's edge.
            const glm::vec3 hit = view.source + dir * (view.sourceToIsocentre / -dir.z);
            if (chord <= 0.0f || std::abs(hit.x) > half.x * 0.97f || std::abs(hit.y) > half.y * 0.97f) continue;
            const double ratio = xray::transmitted(p[at(x, y)]) / std::exp(-mu * chord);
            worst = std::max(worst, std::abs(ratio - 1.0));
            ++checked;
        }
    EXPECT_GT(checked, kSize * kSize / 4);
    EXPECT_LT(worst, 0.02);
    // The brightness control centres the display on the slab (it fills the central field).
    EXPECT_NEAR(image.brightnessLevel(), mu * 0.02f, 0.01f * mu * 0.02f);
}

TEST_F(XrayPhysicsGLTest, SphereProfileAcrossItsDiameter) {
    const float radius = 0.03f;
    frame.items.push_back(item(upload(test::makeSphere(radius, 128, 64)), Matter::CorticalBone));
    render();
    const std::vector<float> p = image.readLineIntegral();
    const std::vector<float> cortical = image.readPathLengths(XrayClass::Cortical);
    const float mu = physics.table.of(XrayClass::Cortical);
    const int row = kSize / 2;
    int inside = 0, expectedInside = 0;
    double worst = 0.0;
    for (int x = 0; x < kSize; ++x) {
        const glm::vec3 dir = view.rayTo(imageAt(x, row));
        const float chord = xray::chordThroughSphere(view.source, dir, glm::vec3(0.0f), radius);
        if (chord > 0.0f) ++expectedInside;
        if (cortical[at(x, row)] > 0.0f) ++inside;
        if (chord < 0.25f * 2.0f * radius) continue; // the rim: tessellation and pixel coverage
        worst = std::max(worst, std::abs(xray::transmitted(p[at(x, row)]) / std::exp(-mu * chord) - 1.0));
        EXPECT_NEAR(cortical[at(x, row)], chord, 0.02f * 2.0f * radius) << "pixel " << x;
    }
    EXPECT_LT(worst, 0.02);
    // The shadow is as wide as the magnified diameter (to a pixel each side).
    EXPECT_NEAR(inside, expectedInside, 2);
    const float magnifiedPixels = 2.0f * radius * geometry.magnification() / (2.0f * view.fieldRadius) * kSize;
    EXPECT_NEAR(static_cast<float>(expectedInside), magnifiedPixels, 2.0f);
}

TEST_F(XrayPhysicsGLTest, NestedSolidsAndCavitiesSplitTheirLength) {
    // Bone: a cortical-class outer surface r = 3 cm around a trabecular core r = 2 cm with a 1 cm
    // cavity in it.
    frame.items.push_back(item(upload(test::makeSphere(0.03f, 96, 48)), Matter::CorticalBone));
    frame.items.push_back(item(upload(test::makeSphere(0.02f, 96, 48)), Matter::TrabecularBone));
    frame.items.push_back(item(upload(test::makeSphere(0.01f, 96, 48)), Matter::TrabecularBone, glm::mat4(1.0f), true));
    render();
    const std::size_t c = at(kSize / 2, kSize / 2);
    EXPECT_NEAR(image.readPathLengths(XrayClass::Cortical)[c], 0.06f - 0.04f, 3e-4f);
    EXPECT_NEAR(image.readPathLengths(XrayClass::Trabecular)[c], 0.04f - 0.02f, 3e-4f);
}

TEST_F(XrayPhysicsGLTest, MirroredItemsStillAddTheirLength) {
    const glm::vec3 half(0.02f, 0.02f, 0.005f);
    frame.items.push_back(item(upload(test::makeBox(half)), Matter::Steel, glm::scale(glm::mat4(1.0f), glm::vec3(-1.0f, 1.0f, 1.0f))));
    render();
    EXPECT_NEAR(image.readPathLengths(XrayClass::Steel)[at(kSize / 2, kSize / 2)], 0.01f, 2e-4f);
}

TEST_F(XrayPhysicsGLTest, ClassesAttenuateInTheirOrder) {
    // One cube of 1 cm per class, side by side: steel and markers far above cement, cement above
    // contrast, contrast above cortical bone, bone above soft tissue.
    const XrayClass order[] = {XrayClass::SoftTissue, XrayClass::Cortical, XrayClass::Contrast, XrayClass::Cement, XrayClass::Steel};
    const Matter matters[] = {Matter::SoftTissue, Matter::CorticalBone, Matter::Contrast, Matter::Cement, Matter::Steel};
    const GpuMesh& cube = upload(test::makeBox(glm::vec3(0.005f)));
    for (int i = 0; i < 5; ++i)
        frame.items.push_back(item(cube, matters[i], glm::translate(glm::mat4(1.0f), glm::vec3(-0.04f + 0.02f * float(i), 0.0f, 0.0f))));
    render();
    const std::vector<float> p = image.readLineIntegral();
    float previous = -1.0f;
    for (int i = 0; i < 5; ++i) {
        const auto pixel = view.project(glm::vec3(-0.04f + 0.02f * float(i), 0.0f, 0.0f));
        ASSERT_TRUE(pixel);
        const int x = static_cast<int>((pixel->x / view.fieldRadius * 0.5f + 0.5f) * kSize);
        const float value = p[at(x, kSize / 2)];
        EXPECT_NEAR(value, physics.table.of(order[i]) * 0.01f, 0.02f * physics.table.of(order[i]) * 0.01f + 1e-4f);
        EXPECT_GT(value, previous);
        previous = value;
    }
}

TEST_F(XrayPhysicsGLTest, AnalyticBodyMatchesItsChordOnTheCpu) {
    physics.body.present = true;
    physics.body.trunk.centre = glm::vec3(0.0f, 0.0f, 0.03f);
    physics.body.trunk.semiLateral = 0.16f;
    physics.body.trunk.semiDepth = 0.11f;
    render();
    const std::vector<float> p = image.readLineIntegral();
    const float mu = physics.table.of(XrayClass::SoftTissue);
    for (int y = 8; y < kSize; y += 31)
        for (int x = 8; x < kSize; x += 29) {
            const float chord = xray::chordLength(physics.body.trunk, view.source, view.rayTo(imageAt(x, y)));
            EXPECT_NEAR(p[at(x, y)], mu * chord, 1e-3f * mu * chord + 1e-4f);
        }
    // The central ray crosses the trunk's full depth.
    EXPECT_NEAR(p[at(kSize / 2, kSize / 2)] / mu, 0.22f, 0.002f);
}

TEST_F(XrayPhysicsGLTest, ItemsOutsideTheFieldAreSkippedWithoutChangingTheImage) {
    const MeshData sphere = test::makeSphere(0.02f, 32, 16);
    const GpuMesh& inside = upload(sphere);
    const GpuMesh& outside = upload(sphere);
    frame.items.push_back(item(inside, Matter::CorticalBone));
    frame.items.push_back(item(outside, Matter::CorticalBone, glm::translate(glm::mat4(1.0f), glm::vec3(0.3f, 0.0f, 0.0f))));
    render();
    EXPECT_EQ(renderer.itemsDrawn(), 2);
    const std::vector<float> all = image.readLineIntegral();
    MeshBounds bounds;
    Aabb box;
    for (const glm::vec3& v : sphere.positions) box.extend(v);
    bounds[&inside] = box;
    bounds[&outside] = box;
    renderer.render(frame, view, physics, look, 1u, image, &bounds);
    EXPECT_EQ(renderer.itemsDrawn(), 1);
    EXPECT_EQ(image.readLineIntegral(), all);
}

TEST_F(XrayPhysicsGLTest, DisplayNoiseIsSeededAndTheFieldIsRound) {
    physics.body.present = true;
    physics.body.trunk.semiLateral = 0.16f;
    physics.body.trunk.semiDepth = 0.11f;
    frame.items.push_back(item(upload(test::makeSphere(0.02f, 64, 32)), Matter::CorticalBone));
    renderer.render(frame, view, physics, look, 7u, image);
    const Image a = image.readDisplay();
    renderer.render(frame, view, physics, look, 7u, image);
    const Image again = image.readDisplay();
    renderer.render(frame, view, physics, look, 8u, image);
    const Image other = image.readDisplay();
    EXPECT_EQ(a.rgba, again.rgba);
    EXPECT_NE(a.rgba, other.rgba);
    // Black corners outside the round field; the bone darker than the soft tissue beside it.
    const auto grey = [&](const Image& im, int x, int y) { return int(im.rgba[(std::size_t(y) * im.width + std::size_t(x)) * 4]); };
    EXPECT_EQ(grey(a, 2, 2), 0);
    EXPECT_EQ(grey(a, kSize - 3, kSize - 3), 0);
    double boneSum = 0.0, tissueSum = 0.0;
    for (int d = -3; d <= 3; ++d) {
        boneSum += grey(a, kSize / 2 + d, kSize / 2);
        tissueSum += grey(a, kSize / 2 + d, kSize / 2 + kSize / 4);
    }
    EXPECT_LT(boneSum + 7 * 30, tissueSum);
    // The radiograph look turns it over.
    look.boneDark = false;
    look.noise = false;
    renderer.render(frame, view, physics, look, 7u, image);
    const Image radiograph = image.readDisplay();
    EXPECT_GT(grey(radiograph, kSize / 2, kSize / 2), grey(radiograph, kSize / 2, kSize / 2 + kSize / 4) + 30);
}

} // namespace
} // namespace spineviz
