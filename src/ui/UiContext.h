#pragma once
// Dear ImGui set up for spineviz: SDL2 + OpenGL3 backends, TrueType fonts sized to the window's
// height (ui/UiScale.h: a 4K frame is the 1080p frame at twice the size) and rasterised at physical
// pixels, a user UI-scale factor on top, and a calm dark theme.

#include <SDL.h>

#include <string>
#include <vector>

struct ImFont;

namespace spineviz {

// A panel on screen, in UI units (what the window's size is in ImGui).
struct PanelBox {
    std::string name;
    float x = 0.0f, y = 0.0f, width = 0.0f, height = 0.0f;
};

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
    // Sizes the interface to the frame's height, rebuilding the fonts when the scale changed. A
    // nonzero size overrides the window's, for frames composed offscreen at an exact size (screenshots).
    void beginFrame(int overrideWidth = 0, int overrideHeight = 0);
    void endFrame();   // draws into the currently bound framebuffer

    // The user's factor on top of the scale from the window's height and the display (0.5 .. 4).
    void setUserScale(float scale);
    float userScale() const { return userScale_; }
    float displayScale() const { return displayScale_; }
    float effectiveScale() const { return layoutScale_ * userScale_; }

    // The panels drawn in the last frame (top-level windows, not tooltips or child regions).
    std::vector<PanelBox> visiblePanels() const;

    bool wantsMouse() const;
    bool wantsKeyboard() const;

    ImFont* bodyFont() const { return body_; }
    ImFont* headingFont() const { return heading_; }
    ImFont* captionFont() const { return caption_; } // large type for patients

private:
    void rebuildFonts();
    void applyStyle();

    SDL_Window* window_ = nullptr;
    std::string fontPath_;
    std::string boldFontPath_;
    float displayScale_ = 1.0f;
    float userScale_ = 1.0f;
    float layoutScale_ = 1.0f; // from the frame's height and the display (ui/UiScale.h)
    float builtScale_ = 0.0f;
    float builtPixelRatio_ = 0.0f;
    bool initialised_ = false;
    ImFont* body_ = nullptr;
    ImFont* heading_ = nullptr;
    ImFont* caption_ = nullptr;
};

// Display scale from the screen's density: 1 at 96 dpi or less, 2 at 192 dpi. (The screen's size
// needs no factor: the interface follows the window's height.)
float detectDisplayScale(SDL_Window* window);

} // namespace spineviz
