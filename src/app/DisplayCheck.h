#pragma once
// Whether spineviz can open a window. Without a display (no DISPLAY, no Wayland socket) SDL falls
// back to its offscreen driver and an interactive run would wait forever for input nobody can
// give; a headless render (--screenshot, --benchmark) is fine, and is steered to the offscreen
// driver at once, so that no window system library complains first.

#include <string>

namespace spineviz {

// Before SDL starts: "" when the run can go ahead, else the message to print (exit code 1).
// `interactive`: the run opens a window for a person (no --screenshot, no --benchmark).
std::string prepareVideoDriver(bool interactive);

// After SDL started: "" when fine, else the message, for an interactive run on a driver that
// shows nothing (offscreen, dummy) that nobody asked for with SDL_VIDEODRIVER.
std::string checkVideoDriver(bool interactive);

} // namespace spineviz
