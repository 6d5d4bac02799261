#pragma once
// What a presenter adds over the picture: a black screen (B, as in slide shows) and a pointer
// highlight that follows the mouse, so a room can see what is being pointed at on a big screen.

namespace spineviz {

struct PresenterOverlay {
    bool black = false;   // cover everything, the panels too
    bool pointer = false; // a soft ring at the mouse
};

// Drawn last, over every panel.
void drawPresenterOverlay(const PresenterOverlay& overlay);

} // namespace spineviz
