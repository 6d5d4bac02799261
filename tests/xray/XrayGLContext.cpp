#include "XrayGLContext.h"

#include "app/Window.h"

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

} // namespace spineviz::test
