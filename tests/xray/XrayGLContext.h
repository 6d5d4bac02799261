#pragma once
// A hidden window with an OpenGL 3.3 core context for the in-process X-ray tests (headless through
// SDL's offscreen driver, which TestMain selects), made once per test binary.

#include "core/procedure/ProcedureSession.h"
#include "core/xray/CArm.h"
#include "render/GpuScene.h"
#include "render/ProcedureDrawer.h"
#include "render/xray/XrayRenderer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace spineviz::test {

// True when a context is current; the reason otherwise.
bool ensureGLContext(std::string& error);
std::string shaderDir();
std::string bundledModel();

// What the in-process procedure X-ray suites share: the bundled spine with a session on the default
// case, its GPU upload, a drawer, and an X-ray renderer that records classes; the default level's
// C-arm anatomy and physics. Built once per test binary, with a context current.
struct ProcedureRig {
    Scene scene;
    std::unique_ptr<ProcedureSession> session;
    std::unique_ptr<GpuScene> gpu;
    std::unique_ptr<ProcedureDrawer> drawer;
    std::unique_ptr<XrayRenderer> renderer;
    xray::XrayAnatomy anatomy;
    XrayPhysics physics;
};
// Null and the reason when it cannot be built.
ProcedureRig* procedureRig(std::string& error);

// A suite on the shared rig: skipped without a GL context, failed without the rig. Suites that
// override SetUp call this one first and return if it skipped or failed.
class ProcedureRigTest : public ::testing::Test {
protected:
    using Shared = ProcedureRig;
    static Shared& shared() {
        std::string error;
        return *procedureRig(error);
    }
    void SetUp() override {
        std::string error;
        if (!ensureGLContext(error)) GTEST_SKIP() << "no OpenGL 3.3 context: " << error;
        ASSERT_NE(procedureRig(error), nullptr) << error;
    }
    bool rigMissing() const { return IsSkipped() || HasFatalFailure(); }
};

} // namespace spineviz::test
