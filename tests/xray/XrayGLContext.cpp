#include "XrayGLContext.h"

#include "app/Window.h"
#include "core/scene/GltfLoader.h"
#include "core/xray/BodyOutline.h"

#include <SDL.h>

#include <memory>

namespace spineviz::test {

bool ensureGLContext(std::string& error) {
    static std::unique_ptr<Window> window;
    static std::string failure;
    static bool tried = false;
    if (!tried) {
        tried = true;
        if (SDL_Init(SDL_INIT_VIDEO) != 0) {
            failure = std::string("SDL: ") + SDL_GetError();
        } else {
            window = std::make_unique<Window>();
            WindowConfig config;
            config.width = 64;
            config.height = 64;
            config.hidden = true;
            config.vsync = false;
            failure = window->create(config);
        }
    }
    error = failure;
    return failure.empty();
}

std::string shaderDir() { return SPINEVIZ_SOURCE_DIR "/shaders"; }
std::string bundledModel() { return SPINEVIZ_SOURCE_DIR "/models/spine.glb"; }

ProcedureRig* procedureRig(std::string& error) {
    static std::unique_ptr<ProcedureRig> rig;
    static std::string failure;
    if (rig || !failure.empty()) {
        error = failure;
        return rig.get();
    }
    auto built = std::make_unique<ProcedureRig>();
    LoadResult loaded = loadGltf(bundledModel());
    if (!loaded) failure = "cannot load the bundled spine: " + loaded.error;
    else {
        built->scene = std::move(*loaded.scene);
        built->session = std::make_unique<ProcedureSession>(built->scene);
        if (!built->session->available()) failure = built->session->unavailableReason();
        else failure = built->session->setOptions(ProcedureOptions{});
    }
    if (failure.empty()) {
        built->gpu = std::make_unique<GpuScene>();
        built->gpu->upload(built->scene);
        built->drawer = std::make_unique<ProcedureDrawer>();
        built->renderer = std::make_unique<XrayRenderer>();
        failure = built->renderer->init(shaderDir());
    }
    if (failure.empty()) {
        built->renderer->setRecordClasses(true);
        const ProcedureSession& s = *built->session;
        built->anatomy = xray::xrayAnatomyFrom(s.pose().anatomicalToWorld(), s.plan().landmarks);
        built->physics.table = xray::standardAttenuation();
        built->physics.body = xray::bodyOutlineFor(built->scene, s.anatomy(), s.options().level);
        rig = std::move(built);
    }
    error = failure;
    return rig.get();
}

} // namespace spineviz::test
