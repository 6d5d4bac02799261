#pragma once
// Dear ImGui set up for spineviz: SDL2 + OpenGL3 backends, a TrueType font rasterised at the
// display's scale (crisp on a 4K screen or a TV across the room), a user UI-scale factor, and a
// calm dark theme.

#include <SDL.h>

#include <string>

struct ImFont;

namespace spineviz {

class UiContext {
public:
    UiContext() = default;
    ~UiContext() { shutdown(); }
    UiContext(const UiContext&) = delete;
    UiContext& operator=(const UiContext&) = delete;

    // `fontPath` may be empty or missing: ImGui's built-in font is used then (with a warning).
    bool init(SDL_Window* window, SDL_GLContext context, const std::string& fontPath, float displayScale);
    void shutdown();

    void processEvent(const SDL_Event& event);
    // Rebuilds fonts first when the scale changed. A nonzero size overrides the window's, for
    // frames composed offscreen at an exact size (screenshots).
    void beginFrame(int overrideWidth = 0, int overrideHeight = 0);
    void endFrame();   // draws into the currently bound framebuffer

    // The user's factor on top of the display scale (0.5 .. 4).
    void setUserScale(float scale);
    float userScale() const { return userScale_; }
    float displayScale() const { return displayScale_; }
    float effectiveScale() const { return displayScale_ * userScale_; }

    bool wantsMouse() const;
    bool wantsKeyboard() const;

    ImFont* bodyFont() const { return body_; }
    ImFont* headingFont() const { return heading_; }
    ImFont* captionFont() const { return caption_; } // large type for patients

    static constexpr float kBaseFontPixels = 18.0f;

private:
    void rebuildFonts();
    void applyStyle();

    SDL_Window* window_ = nullptr;
    std::string fontPath_;
    std::string boldFontPath_;
    float displayScale_ = 1.0f;
    float userScale_ = 1.0f;
    float builtScale_ = 0.0f;
    float builtPixelRatio_ = 0.0f;
    bool initialised_ = false;
    ImFont* body_ = nullptr;
    ImFont* heading_ = nullptr;
    ImFont* caption_ = nullptr;
};

// Display scale from the screen's DPI and resolution: 1 on a 1080p desktop, 2 on a 4K TV.
float detectDisplayScale(SDL_Window* window);

} // namespace spineviz
