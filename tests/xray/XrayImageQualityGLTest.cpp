// What a radiologist reads on the simulated fluoroscopy (issue 12), on the bundled spine rendered
// in-process: the thoracic AP is as readable as the lumbar one, the pedicles show as rings on AP,
// ribs are tubes of cortex and never darker than the vertebral body's cortex on lateral, and the
// vertebral body is filled (darker than the soft tissue in front of it), not an outline.
// Noise is off so that the figures are the anatomy's, not the grain's.

#include "XrayGLContext.h"
#include "core/anatomy/ModelFormat.h"
#include "core/procedure/ProcedureSession.h"
#include "core/scene/GltfLoader.h"
#include "core/xray/BodyOutline.h"
#include "core/xray/CArm.h"
#include "render/GpuScene.h"
#include "render/ProcedureDrawer.h"
#include "render/xray/XrayRenderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

namespace spineviz {
namespace {

using xray::XrayClass;
namespace mf = model_format;

constexpr int kSize = 256;

class XrayImageQualityGLTest : public test::ProcedureRigTest {
protected:
    void SetUp() override {
        ProcedureRigTest::SetUp();
        if (rigMissing()) return;
        look.noise = false;
        ASSERT_TRUE(image.ensure(kSize));
    }

    // The kyphoplasty at `level`, at a phase, as its frame scene and the C-arm's view of a preset.
    void prepare(const std::string& level, PhaseId phase, double progress, xray::CArmPreset preset) {
        Shared& s = shared();
        ProcedureOptions options;
        options.level = level;
        if (s.session->options() != options) {
            ASSERT_EQ(s.session->setOptions(options), "");
            s.gpu->upload(s.scene);
            s.drawer->reset();
        }
        s.session->player().seek(s.session->plan().timeline.timeOf(phase, progress));
        frame.clear();
        s.drawer->build(s.scene, *s.gpu, s.session->plan(), s.session->pose(), s.session->state(), ProcedureLook{}, frame);
        anatomy = xray::xrayAnatomyFrom(s.session->pose().anatomicalToWorld(), s.session->plan().landmarks);
        physics.table = xray::standardAttenuation();
        physics.body = xray::bodyOutlineFor(s.scene, s.session->anatomy(), level);
        view = xray::viewOf(xray::presetPose(preset, anatomy), xray::CArmGeometry{});
    }
    void render(const FrameScene& scene) { shared().renderer->render(scene, view, physics, look, 1u, image); }

    // The monitor's grey (0-255) as rows bottom to top, like the line integral.
    std::vector<float> shown() const {
        const Image im = image.readDisplay();
        std::vector<float> grey(static_cast<std::size_t>(kSize) * kSize);
        for (int y = 0; y < kSize; ++y)
            for (int x = 0; x < kSize; ++x)
                grey[static_cast<std::size_t>(y) * kSize + static_cast<std::size_t>(x)] =
                    im.rgba[(static_cast<std::size_t>(kSize - 1 - y) * kSize + static_cast<std::size_t>(x)) * 4];
        return grey;
    }

    glm::vec2 pixelOf(const glm::vec3& anatomical) const {
        const glm::vec3 world(anatomy.anatomicalToWorld * glm::vec4(anatomical, 1.0f));
        const auto d = view.project(world);
        EXPECT_TRUE(d);
        return ((*d / view.fieldRadius) * 0.5f + 0.5f) * float(kSize);
    }
    float pixelsPerMetre() const { return glm::length(pixelOf(glm::vec3(0.01f, 0, 0)) - pixelOf(glm::vec3(0.0f))) / 0.01f; }

    // Whether the item is one of the model's ribs (by its nodes' kind).
    static bool isRib(const DrawItem& item) {
        const Shared& s = shared();
        for (const Node& node : s.scene.nodes) {
            if (node.mesh < 0 || !node.extras.is_object() || !node.extras.contains(mf::kExtrasRoot)) continue;
            const auto& ours = node.extras[mf::kExtrasRoot];
            if (ours.is_object() && ours.value(mf::kKind, std::string()) == mf::kKindRib && item.mesh == &s.gpu->mesh(node.mesh, 0))
                return true;
        }
        return false;
    }

    static float at(const std::vector<float>& v, int x, int y) {
        x = std::clamp(x, 0, kSize - 1);
        y = std::clamp(y, 0, kSize - 1);
        return v[static_cast<std::size_t>(y) * kSize + static_cast<std::size_t>(x)];
    }
    static float meanAround(const std::vector<float>& v, glm::vec2 c, int r) {
        double sum = 0.0;
        for (int dy = -r; dy <= r; ++dy)
            for (int dx = -r; dx <= r; ++dx) sum += at(v, int(c.x) + dx, int(c.y) + dy);
        return static_cast<float>(sum / ((2 * r + 1) * (2 * r + 1)));
    }

    // Standard deviation of an 11x11 high-pass (the grey minus its 11x11 mean) over the central
    // field (the inner half of the image's radius).
    static double localContrast(const std::vector<float>& grey) {
        double sum = 0.0, square = 0.0;
        int count = 0;
        for (int y = 0; y < kSize; ++y)
            for (int x = 0; x < kSize; ++x) {
                const float rx = (x + 0.5f) / kSize * 2.0f - 1.0f, ry = (y + 0.5f) / kSize * 2.0f - 1.0f;
                if (rx * rx + ry * ry > 0.25f) continue;
                double mean = 0.0;
                for (int dy = -5; dy <= 5; ++dy)
                    for (int dx = -5; dx <= 5; ++dx) mean += at(grey, x + dx, y + dy);
                const double high = at(grey, x, y) - mean / 121.0;
                sum += high;
                square += high * high;
                ++count;
            }
        const double m = sum / count;
        return std::sqrt(std::max(square / count - m * m, 0.0));
    }

    XrayImage image;
    FrameScene frame;
    xray::CArmView view;
    xray::XrayAnatomy anatomy;
    XrayPhysics physics;
    xray::XrayLook look;
};

TEST_F(XrayImageQualityGLTest, ThoracicApIsAsReadableAsLumbar) {
    const auto contrastAt = [&](const std::string& level) {
        prepare(level, PhaseId::Healthy, 0.5, xray::CArmPreset::TrueAp);
        render(frame);
        return localContrast(shown());
    };
    const double l1 = contrastAt("L1"), t8 = contrastAt("T8");
    RecordProperty("L1", std::to_string(l1));
    RecordProperty("T8", std::to_string(t8));
    EXPECT_GT(l1, 2.0); // the lumbar AP has structure at all
    EXPECT_GE(t8, 0.8 * l1) << "L1 " << l1 << ", T8 " << t8;
}

// On AP the pedicle is seen end-on: its cortex, met tangentially, is a darker ring around the
// lighter marrow inside, clearly (before issue 12 the ring was 8-14 grey levels darker at T5 and T8).
TEST_F(XrayImageQualityGLTest, PedicleOvalsShowOnThoracicAp) {
    for (const char* level : {"T5", "T8"}) {
        prepare(level, PhaseId::Healthy, 0.5, xray::CArmPreset::TrueAp);
        render(frame);
        const std::vector<float> grey = shown();
        const VertebraLandmarks& lm = shared().session->plan().landmarks;
        for (int side = 0; side < 2; ++side) {
            // The pedicle's isthmus on its axis: four fifths of the way from the entry (on the
            // posterior bone surface, over the facet and lamina) to the body's posterior wall; its
            // half-width and half-height in pixels.
            const glm::vec3 entry = anatomy.pedicleEntry[side], axis = anatomy.pedicleAxis[side];
            const float toWall = (-0.5f * lm.dimensions.endplateDepth - entry.z) / axis.z;
            const glm::vec2 c = pixelOf(entry + axis * (0.8f * toWall));
            const float ax = 0.5f * lm.pedicles[side].width * pixelsPerMetre(), ay = 0.5f * lm.pedicles[side].height * pixelsPerMetre();
            double inner = 0.0, ring = 0.0;
            int innerCount = 0, ringCount = 0;
            for (int dy = -int(2 * ay); dy <= int(2 * ay); ++dy)
                for (int dx = -int(2 * ax); dx <= int(2 * ax); ++dx) {
                    const float e = std::sqrt((dx / ax) * (dx / ax) + (dy / ay) * (dy / ay));
                    const float g = at(grey, int(c.x) + dx, int(c.y) + dy);
                    if (e < 0.45f) inner += g, ++innerCount;
                    else if (e > 0.8f && e < 1.25f) ring += g, ++ringCount;
                }
            ASSERT_GT(innerCount, 0);
            inner /= innerCount;
            ring /= ringCount;
            RecordProperty(std::string(level) + (side ? "_right" : "_left"), std::to_string(inner - ring));
            EXPECT_GT(inner - ring, 20.0) << level << " side " << side << ": centre " << inner << ", ring " << ring;
        }
    }
}

// Ribs are tubes of cortex around marrow: on lateral, where only a rib is crossed, it is never
// darker than the treated vertebral body's cortex (the body's darkest twentieth: its walls and
// endplates). Before ribs had marrow they were solid cortex, up to 5 cm of it along the beam, and
// far darker (blobs a trainee could take for cement). Where a straight stub's wall runs along the
// beam it grazes a centimetre of cortex, a thin line a real, curving rib hardly shows: the
// darkest percent of its pixels is left out.
TEST_F(XrayImageQualityGLTest, RibsAreNeverDarkerThanTheBodysCortexOnLateral) {
    for (const char* level : {"L1", "T8"}) {
        prepare(level, PhaseId::Healthy, 0.5, xray::CArmPreset::TrueLateral);
        FrameScene ribs, rest;
        for (const DrawItem& item : frame.items) (isRib(item) ? ribs : rest).items.push_back(item);
        ASSERT_FALSE(ribs.items.empty());
        render(rest);
        const std::vector<float> cortical = image.readPathLengths(XrayClass::Cortical);
        const std::vector<float> trabecular = image.readPathLengths(XrayClass::Trabecular);
        render(ribs);
        const std::vector<float> rib = image.readPathLengths(XrayClass::Cortical);
        render(frame);
        const std::vector<float> grey = shown();
        // The treated body's box on the image.
        const BodyDimensions& d = shared().session->plan().landmarks.dimensions;
        const glm::vec2 lo = pixelOf(glm::vec3(0.0f, -0.5f * d.posteriorHeight, -0.5f * d.endplateDepth));
        const glm::vec2 hi = pixelOf(glm::vec3(0.0f, 0.5f * d.posteriorHeight, 0.5f * d.endplateDepth));
        std::vector<float> body, ribOnly;
        for (int y = 0; y < kSize; ++y)
            for (int x = 0; x < kSize; ++x) {
                const std::size_t i = static_cast<std::size_t>(y) * kSize + static_cast<std::size_t>(x);
                const float rx = (x + 0.5f) / kSize * 2.0f - 1.0f, ry = (y + 0.5f) / kSize * 2.0f - 1.0f;
                if (rx * rx + ry * ry > 0.9f) continue; // inside the round field
                if (x >= std::min(lo.x, hi.x) && x <= std::max(lo.x, hi.x) && y >= std::min(lo.y, hi.y) && y <= std::max(lo.y, hi.y))
                    body.push_back(grey[i]);
                if (rib[i] > 1e-3f && cortical[i] < 1e-4f && trabecular[i] < 1e-4f) ribOnly.push_back(grey[i]);
            }
        ASSERT_GT(body.size(), 100u);
        ASSERT_GT(ribOnly.size(), 50u) << level;
        std::sort(body.begin(), body.end());
        std::sort(ribOnly.begin(), ribOnly.end());
        const float cortex = body[body.size() / 20], darkestRib = ribOnly[ribOnly.size() / 100];
        RecordProperty(std::string(level) + "_margin", std::to_string(darkestRib - cortex));
        EXPECT_GE(darkestRib, cortex) << level << ": darkest rib pixel " << darkestRib << ", body cortex " << cortex;
    }
}

// A filled body: on lateral at L1 its interior is darker than the soft tissue in front of it.
TEST_F(XrayImageQualityGLTest, VertebralBodyIsFilledOnLateral) {
    prepare("L1", PhaseId::Healthy, 0.5, xray::CArmPreset::TrueLateral);
    render(frame);
    const std::vector<float> grey = shown();
    const BodyDimensions& d = shared().session->plan().landmarks.dimensions;
    const float interior = meanAround(grey, pixelOf(glm::vec3(0.0f, 0.0f, 0.0f)), 4);
    const float tissue = meanAround(grey, pixelOf(glm::vec3(0.0f, 0.0f, 0.5f * d.endplateDepth + 0.015f)), 4);
    RecordProperty("difference", std::to_string(tissue - interior));
    EXPECT_GT(tissue - interior, 8.0f) << "interior " << interior << ", soft tissue in front " << tissue;
}

} // namespace
} // namespace spineviz
