#include "app/DisplayCheck.h"

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace spineviz {
namespace {

bool set(const char* name) {
    const char* value = std::getenv(name);
    return value && *value;
}

// A Wayland compositor listens on $XDG_RUNTIME_DIR/$WAYLAND_DISPLAY, wayland-0 when unset.
bool waylandSocket() {
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    if (!runtime || !*runtime) return false;
    const char* name = std::getenv("WAYLAND_DISPLAY");
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::path(runtime) / (name && *name ? name : "wayland-0"), ec);
}

bool displayAvailable() { return set("DISPLAY") || waylandSocket(); }

std::string noDisplayMessage(const std::string& why) {
    return "spineviz: " + why +
           ", so there is nowhere to open the window.\n"
           "  Run it on a desktop session (or with DISPLAY / WAYLAND_DISPLAY set), or render headless:\n"
           "    build/spineviz --screenshot out.png          (one frame to a PNG, no display needed)\n"
           "    SDL_VIDEODRIVER=offscreen build/spineviz ...  (any run, on the offscreen driver)";
}

} // namespace

std::string prepareVideoDriver(bool interactive) {
    if (set("SDL_VIDEODRIVER") || displayAvailable()) return ""; // the user's choice, or a display to use
    if (interactive) return noDisplayMessage("no display found (DISPLAY is not set and there is no Wayland socket)");
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen"); // headless render: straight to the driver that works
    return "";
}

std::string checkVideoDriver(bool interactive) {
    if (!interactive || set("SDL_VIDEODRIVER")) return "";
    const char* driver = SDL_GetCurrentVideoDriver();
    const std::string name = driver ? driver : "";
    if (name != "offscreen" && name != "dummy") return "";
    return noDisplayMessage("SDL found no display and fell back to its '" + name + "' driver");
}

} // namespace spineviz
