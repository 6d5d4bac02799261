// The X-ray of the procedure on the bundled spine, rendered in-process: instruments and cement
// raise attenuation where they are, the treated body darkens after the cement fill, the balloon
// shows as contrast with its marker bands, and in true lateral the two pedicles of the level overlap.

#include "XrayGLContext.h"
#include "core/instruments/MeshBuilder.h"
#include "core/procedure/ProcedureSession.h"
#include "core/scene/GltfLoader.h"
#include "core/xray/BodyOutline.h"
#include "core/xray/CArm.h"
#include "render/GpuScene.h"
#include "render/ProcedureDrawer.h"
#include "render/xray/XrayRenderer.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace spineviz {
namespace {

using xray::XrayClass;

constexpr int kSize = 256;

class XrayProcedureGLTest : public test::ProcedureRigTest {
protected:
    void SetUp() override {
        ProcedureRigTest::SetUp();
        if (rigMissing()) return;
        ASSERT_TRUE(image.ensure(kSize));
    }

    // The procedure of `options` at a phase, X-rayed from a preset.
    void renderAt(const ProcedureOptions& options, PhaseId phase, double progress, xray::CArmPreset preset) {
        Shared& s = shared();
        if (s.session->options() != options) {
            ASSERT_EQ(s.session->setOptions(options), "");
            s.gpu->upload(s.scene);
            s.drawer->reset();
        }
        s.session->player().seek(s.session->plan().timeline.timeOf(phase, progress));
        frame.clear();
        s.drawer->build(s.scene, *s.gpu, s.session->plan(), s.session->pose(), s.session->state(), ProcedureLook{}, frame);
        view = xray::viewOf(xray::presetPose(preset, s.anatomy), xray::CArmGeometry{});
        s.renderer->render(frame, view, s.physics, xray::XrayLook{}, 1u, image);
    }

    // The pixel an anatomical-frame point projects to.
    glm::ivec2 pixelOf(const glm::vec3& anatomical) const {
        const glm::vec3 world(shared().anatomy.anatomicalToWorld * glm::vec4(anatomical, 1.0f));
        const auto d = view.project(world);
        EXPECT_TRUE(d);
        const glm::vec2 image01 = (*d / view.fieldRadius) * 0.5f + 0.5f;
        return glm::ivec2(image01 * float(kSize));
    }

    static float valueAt(const std::vector<float>& v, glm::ivec2 p) {
        p = glm::clamp(p, glm::ivec2(0), glm::ivec2(kSize - 1));
        return v[static_cast<std::size_t>(p.y) * kSize + static_cast<std::size_t>(p.x)];
    }
    static float maxAround(const std::vector<float>& v, glm::ivec2 p, int r) {
        float best = -1e9f;
        for (int dy = -r; dy <= r; ++dy)
            for (int dx = -r; dx <= r; ++dx) best = std::max(best, valueAt(v, p + glm::ivec2(dx, dy)));
        return best;
    }
    static float meanAround(const std::vector<float>& v, glm::ivec2 p, int r) {
        double sum = 0.0;
        for (int dy = -r; dy <= r; ++dy)
            for (int dx = -r; dx <= r; ++dx) sum += valueAt(v, p + glm::ivec2(dx, dy));
        return static_cast<float>(sum / ((2 * r + 1) * (2 * r + 1)));
    }

    const ProcedurePlan& plan() const { return shared().session->plan(); }

    XrayImage image;
    FrameScene frame;
    xray::CArmView view;
};

TEST_F(XrayProcedureGLTest, InstrumentsRaiseAttenuationWhereTheyAre) {
    const ProcedureOptions kp;
    for (xray::CArmPreset preset : {xray::CArmPreset::TrueAp, xray::CArmPreset::TrueLateral}) {
        renderAt(kp, PhaseId::Preparation, 1.0, preset);
        const std::vector<float> before = image.readLineIntegral();
        renderAt(kp, PhaseId::Access, 1.0, preset);
        const std::vector<float> during = image.readLineIntegral();
        const std::vector<float> steel = image.readPathLengths(XrayClass::Steel);
        // Along the left needle path, inside the pedicle: steel, and a line integral far higher.
        const Trajectory& path = plan().sides.front().path;
        for (float along : {0.3f, 0.6f, 0.9f}) {
            const glm::ivec2 p = pixelOf(path.at(plan().sides.front().posteriorTarget * along));
            EXPECT_GT(maxAround(steel, p, 2), 0.001f) << "preset " << xray::carmPresetKey(preset) << " at " << along;
            EXPECT_GT(maxAround(during, p, 2) - maxAround(before, p, 2), 0.7f) << "preset " << xray::carmPresetKey(preset);
        }
        // Away from the instruments nothing changed (the scene is deterministic).
        const glm::ivec2 far = pixelOf(glm::vec3(0.0f, -0.03f, 0.01f));
        EXPECT_NEAR(valueAt(during, far), valueAt(before, far), 0.02f);
    }
}

TEST_F(XrayProcedureGLTest, CementFillDarkensTheTreatedBody) {
    for (Procedure procedure : {Procedure::Kyphoplasty, Procedure::Vertebroplasty}) {
        ProcedureOptions options;
        options.procedure = procedure;
        renderAt(options, PhaseId::Cement, 0.0, xray::CArmPreset::TrueLateral);
        const std::vector<float> before = image.readLineIntegral();
        const Image beforeShown = image.readDisplay();
        renderAt(options, PhaseId::Hardening, 1.0, xray::CArmPreset::TrueLateral);
        const std::vector<float> after = image.readLineIntegral();
        const std::vector<float> cement = image.readPathLengths(XrayClass::Cement);
        const Image afterShown = image.readDisplay();
        // Where the cement lies: the middle of the body, toward the front where the needles went.
        const glm::ivec2 body = pixelOf(glm::vec3(0.0f, 0.0f, 0.006f));
        EXPECT_GT(maxAround(cement, body, 6), 0.005f) << procedureName(procedure);
        EXPECT_GT(meanAround(after, body, 4) - meanAround(before, body, 4), 0.8f) << procedureName(procedure);
        // And on the monitor the body is darker (bone-dark look) than before, against the disc above.
        const auto grey = [&](const Image& im, glm::ivec2 p) {
            double sum = 0.0;
            for (int dy = -4; dy <= 4; ++dy)
                for (int dx = -4; dx <= 4; ++dx)
                    sum += im.rgba[(static_cast<std::size_t>(kSize - 1 - (p.y + dy)) * kSize + static_cast<std::size_t>(p.x + dx)) * 4];
            return sum / 81.0;
        };
        EXPECT_LT(grey(afterShown, body) + 40.0, grey(beforeShown, body)) << procedureName(procedure);
    }
}

TEST_F(XrayProcedureGLTest, BalloonShowsAsContrastWithTwoMarkerBands) {
    const ProcedureOptions kp;
    renderAt(kp, PhaseId::Inflation, 0.9, xray::CArmPreset::TrueAp);
    const std::vector<float> contrast = image.readPathLengths(XrayClass::Contrast);
    const std::vector<float> marker = image.readPathLengths(XrayClass::Marker);
    const SidePlan& side = plan().sides.front();
    EXPECT_GT(maxAround(contrast, pixelOf(side.balloonAtFull.centre), 3), 0.004f);
    // The marker bands: on the lateral, where the two balloons superimpose, two separate spots
    // (one at each end of the balloons), as dense as metal.
    renderAt(kp, PhaseId::Inflation, 0.9, xray::CArmPreset::TrueLateral);
    const std::vector<float> lateralMarker = image.readPathLengths(XrayClass::Marker);
    const std::vector<float> lateralLine = image.readLineIntegral();
    std::vector<int> cluster(lateralMarker.size(), -1);
    int clusters = 0;
    float darkest = 0.0f;
    for (std::size_t start = 0; start < lateralMarker.size(); ++start) {
        if (lateralMarker[start] <= 0.0f || cluster[start] >= 0) continue;
        std::vector<std::size_t> stack{start};
        cluster[start] = clusters;
        while (!stack.empty()) {
            const std::size_t k = stack.back();
            stack.pop_back();
            darkest = std::max(darkest, lateralLine[k]);
            const int x = static_cast<int>(k % kSize), y = static_cast<int>(k / kSize);
            for (int dy = -2; dy <= 2; ++dy)
                for (int dx = -2; dx <= 2; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= kSize || ny >= kSize) continue;
                    const std::size_t n = static_cast<std::size_t>(ny) * kSize + static_cast<std::size_t>(nx);
                    if (lateralMarker[n] > 0.0f && cluster[n] < 0) {
                        cluster[n] = clusters;
                        stack.push_back(n);
                    }
                }
        }
        ++clusters;
    }
    EXPECT_EQ(clusters, 2);
    EXPECT_GT(darkest, 10.0f);
    EXPECT_GT(*std::max_element(marker.begin(), marker.end()), 0.0f); // and on the AP
    renderAt(kp, PhaseId::Deflation, 1.0, xray::CArmPreset::TrueAp);
    const std::vector<float> gone = image.readPathLengths(XrayClass::Contrast);
    EXPECT_LT(*std::max_element(gone.begin(), gone.end()), 1e-4f);
}

// Two rods down the pedicles' axes, the pedicles' own size, rendered one at a time.
TEST_F(XrayProcedureGLTest, TrueLateralOverlapsThePediclesTrueApSeparatesThem) {
    const VertebraLandmarks& lm = plan().landmarks;
    const xray::XrayAnatomy& a = shared().anatomy;
    std::unique_ptr<GpuMesh> rods[2];
    for (int side = 0; side < 2; ++side) {
        const float radius = 0.25f * (lm.pedicles[side].width + lm.pedicles[side].height);
        const glm::vec3 entry = a.pedicleEntry[side], axis = a.pedicleAxis[side];
        MeshData rod = instruments::sweptTube({entry, entry + axis * 0.015f}, radius, 32);
        rods[side] = std::make_unique<GpuMesh>();
        rods[side]->upload(rod);
    }
    const auto footprint = [&](int side, xray::CArmPreset preset) {
        frame.clear();
        DrawItem item;
        item.mesh = rods[side].get();
        item.model = a.anatomicalToWorld;
        item.matter = Matter::CorticalBone;
        frame.items.push_back(item);
        view = xray::viewOf(xray::presetPose(preset, a), xray::CArmGeometry{});
        XrayPhysics bare;
        bare.table = xray::standardAttenuation();
        shared().renderer->render(frame, view, bare, xray::XrayLook{}, 1u, image);
        return image.readPathLengths(XrayClass::Cortical);
    };
    const auto overlap = [&](xray::CArmPreset preset) {
        const std::vector<float> left = footprint(0, preset), right = footprint(1, preset);
        int both = 0, either = 0;
        for (std::size_t i = 0; i < left.size(); ++i) {
            both += left[i] > 1e-4f && right[i] > 1e-4f;
            either += left[i] > 1e-4f || right[i] > 1e-4f;
        }
        return either > 0 ? double(both) / double(either) : 0.0;
    };
    const double lateral = overlap(xray::CArmPreset::TrueLateral);
    RecordProperty("lateral_overlap", std::to_string(lateral));
    EXPECT_GT(lateral, 0.6);
    EXPECT_EQ(overlap(xray::CArmPreset::TrueAp), 0.0);
}

} // namespace
} // namespace spineviz
