#pragma once
// The SDL2 window with its OpenGL 3.3 core context: resizable, high-DPI aware, vsync on.

#include <SDL.h>

#include <string>

namespace spineviz {

struct WindowConfig {
    int width = 1600;
    int height = 900;
    bool fullscreen = false;
    bool hidden = false;  // for screenshots: nothing flashes on screen
    bool vsync = true;
};

class Window {
public:
    Window() = default;
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Returns "" or why no GL 3.3 core window could be made.
    std::string create(const WindowConfig& config);

    SDL_Window* sdl() const { return window_; }
    SDL_GLContext context() const { return context_; }
    void drawableSize(int& width, int& height) const;
    bool fullscreen() const;
    void setFullscreen(bool on);
    void setVsync(bool on);
    void swap() { SDL_GL_SwapWindow(window_); }
    std::string rendererName() const; // GL_RENDERER, for --benchmark and the log

private:
    SDL_Window* window_ = nullptr;
    SDL_GLContext context_ = nullptr;
};

} // namespace spineviz
