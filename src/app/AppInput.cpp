// The App's input: keys, mouse, touch.
#include "app/App.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

constexpr float kOrbitRadiansPerPixel = 0.006f;
constexpr float kWheelZoomStep = 0.88f;
constexpr double kIdleSeconds = 4.0;

} // namespace

// X opens and closes the X-ray views, L runs live fluoroscopy, S takes a single shot; Esc leaves
// a fullscreen X-ray view first.
bool App::handleFluoroKey(SDL_Keycode key) {
    switch (key) {
    case SDLK_x: fluoro_.setOpen(!fluoro_.open()); return true;
    case SDLK_l:
        if (!fluoro_.open()) return false;
        fluoro_.setAllLive(!fluoro_.anyLive());
        return true;
    case SDLK_s:
        if (!fluoro_.open()) return false;
        fluoro_.takeShotAll();
        return true;
    case SDLK_ESCAPE:
        if (fluoroLayout_.fullscreen < 0) return false;
        fluoroLayout_.fullscreen = -1;
        return true;
    default: return false;
    }
}

// B (or the clicker's blank-screen key, '.') blacks the screen out and back; P the pointer.
bool App::handlePresenterKey(SDL_Keycode key) {
    switch (key) {
    case SDLK_b:
    case SDLK_PERIOD: presenter_.black = !presenter_.black; return true;
    case SDLK_p: presenter_.pointer = !presenter_.pointer; return true;
    default: return false;
    }
}

void App::handleKey(const SDL_KeyboardEvent& key) {
    if (key.repeat) return;
    if (handlePresenterKey(key.keysym.sym)) return;
    if (procedure_ && procedure_->handleKey(key.keysym)) return;
    if (procedure_ && handleFluoroKey(key.keysym.sym)) return;
    switch (key.keysym.sym) {
    case SDLK_F11: window_.setFullscreen(!window_.fullscreen()); break;
    case SDLK_ESCAPE:
        if (window_.fullscreen()) window_.setFullscreen(false);
        break;
    case SDLK_F12: screenshotRequested_ = true; break;
    case SDLK_h: uiVisible_ = !uiVisible_; break;
    case SDLK_f: camera_.frame(scene_.bounds(), aspect()); break;
    default: break;
    }
}

// Any touch of mouse, keys or screen wakes the controls and the cursor.
void App::noteInput(const SDL_Event& event) {
    switch (event.type) {
    case SDL_KEYDOWN:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN: lastInput_ = nowSeconds(); break;
    default: break;
    }
}

// In fullscreen, a few seconds without input hide the cursor and the controls, so the room sees
// only the picture and its words; they come back at the next touch.
void App::updateIdle(double now) {
    const bool idle = window_.fullscreen() && now - lastInput_ > kIdleSeconds;
    if (idle == controlsIdle_) return;
    controlsIdle_ = idle;
    SDL_ShowCursor(idle ? SDL_DISABLE : SDL_ENABLE);
}

// The camera ray through a window point, for docking the needle where the trainee clicked.
void App::pickEntryAt(int x, int y) {
    int width = 1, height = 1;
    SDL_GetWindowSize(window_.sdl(), &width, &height);
    const glm::mat4 inverse = glm::inverse(camera_.projection(aspect()) * camera_.view());
    const glm::vec2 ndc(2.0f * (float(x) + 0.5f) / float(width) - 1.0f, 1.0f - 2.0f * (float(y) + 0.5f) / float(height));
    glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f), farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
    nearPoint /= nearPoint.w;
    farPoint /= farPoint.w;
    const glm::vec3 origin(nearPoint);
    if (!procedure_->pickEntry(origin, glm::normalize(glm::vec3(farPoint) - origin))) showToast("Ctrl+click on the treated vertebra to dock the needle");
}

void App::handleEvent(const SDL_Event& event) {
    noteInput(event);
    ui_.processEvent(event);
    const bool uiMouse = uiVisible_ && ui_.wantsMouse();
    const bool uiKeys = uiVisible_ && ui_.wantsKeyboard();
    switch (event.type) {
    case SDL_QUIT: running_ = false; break;
    case SDL_KEYDOWN:
        if (!uiKeys) handleKey(event.key);
        break;
    case SDL_MOUSEBUTTONDOWN:
        // Practice mode: Ctrl+click on the treated bone docks the needle there.
        if (!uiMouse && procedure_ && procedure_->practising() && event.button.button == SDL_BUTTON_LEFT && (SDL_GetModState() & KMOD_CTRL))
            pickEntryAt(event.button.x, event.button.y);
        break;
    case SDL_MOUSEMOTION: {
        // With two fingers down the touch is a pinch, not a drag.
        if (uiMouse || (event.motion.which == SDL_TOUCH_MOUSEID && activeFingers_ > 1)) break;
        if (procedure_ && procedure_->practising() && (SDL_GetModState() & KMOD_CTRL)) break; // Ctrl is for docking
        const Uint32 buttons = event.motion.state;
        if (buttons & SDL_BUTTON_LMASK)
            camera_.orbit(-event.motion.xrel * kOrbitRadiansPerPixel, event.motion.yrel * kOrbitRadiansPerPixel);
        else if (buttons & (SDL_BUTTON_RMASK | SDL_BUTTON_MMASK)) {
            int windowHeight = 1;
            SDL_GetWindowSize(window_.sdl(), nullptr, &windowHeight);
            camera_.pan(glm::vec2(event.motion.xrel, event.motion.yrel), float(windowHeight));
        }
        break;
    }
    case SDL_MOUSEWHEEL:
        if (!uiMouse && event.wheel.y != 0) camera_.zoom(std::pow(kWheelZoomStep, float(event.wheel.y)));
        break;
    case SDL_FINGERDOWN: ++activeFingers_; break;
    case SDL_FINGERUP: activeFingers_ = std::max(0, activeFingers_ - 1); break;
    case SDL_MULTIGESTURE:
        // dDist is the change in finger spread, in normalised touch units.
        if (!uiMouse && event.mgesture.numFingers >= 2) camera_.zoom(std::exp(-event.mgesture.dDist * 4.0f));
        break;
    default: break;
    }
}

} // namespace spineviz
