#include "app/Window.h"

#include "render/Gl.h"

namespace spineviz {

Window::~Window() {
    if (context_) SDL_GL_DeleteContext(context_);
    if (window_) SDL_DestroyWindow(window_);
}

std::string Window::create(const WindowConfig& config) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    // Explicit 8-bit channels: without them the offscreen driver may pick a 10-bit buffer.
    SDL_GL_SetAttribute(SDL_GL_RED_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_GREEN_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_BLUE_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_ALPHA_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // Anti-aliasing happens in the multisampled scene target, so the window needs none.
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (config.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    flags |= config.hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;
    window_ = SDL_CreateWindow("spineviz", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, config.width, config.height, flags);
    if (!window_) return std::string("cannot create a window: ") + SDL_GetError();
    context_ = SDL_GL_CreateContext(window_);
    if (!context_) return std::string("cannot create an OpenGL 3.3 core context: ") + SDL_GetError();
    const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(SDL_GL_GetProcAddress));
    if (version == 0) return "cannot load the OpenGL functions";
    if (GLAD_VERSION_MAJOR(version) < 3 || (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) < 3))
        return "OpenGL 3.3 core is required; this system offers " + std::to_string(GLAD_VERSION_MAJOR(version)) + "." +
               std::to_string(GLAD_VERSION_MINOR(version));
    SDL_SetWindowMinimumSize(window_, 320, 240);
    setVsync(config.vsync);
    return "";
}

void Window::drawableSize(int& width, int& height) const { SDL_GL_GetDrawableSize(window_, &width, &height); }

bool Window::fullscreen() const { return (SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0; }

void Window::setFullscreen(bool on) { SDL_SetWindowFullscreen(window_, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0); }

void Window::setVsync(bool on) {
    // Adaptive vsync where offered, plain vsync otherwise.
    if (!on) SDL_GL_SetSwapInterval(0);
    else if (SDL_GL_SetSwapInterval(-1) != 0) SDL_GL_SetSwapInterval(1);
}

std::string Window::rendererName() const {
    const auto* text = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return std::string(text ? text : "?") + " (OpenGL " + (version ? version : "?") + ")";
}

} // namespace spineviz
