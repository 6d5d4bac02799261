#pragma once
// How large the interface is drawn. It follows the window's height, so that a frame at 3840x2160 is
// the 1920x1080 frame at twice the size (a 4K television shows what a 1080p one does, as large
// across the room); the display's density keeps small windows on dense screens legible, and the
// user's factor (--ui-scale, "Text size") multiplies the result. Pure arithmetic, testable alone.

namespace spineviz {

constexpr float kReferenceHeight = 1080.0f; // the height at which the scale is 1
constexpr float kBaseFontPixels = 18.0f;    // body text at scale 1
// Patient captions: a line at least 1/30 of the window's height (about 3.6 cm on a 65-inch
// television), readable from across a consultation room.
constexpr float kCaptionLineShare = 1.0f / 30.0f;
constexpr float kCaptionFontFactor = 2.1f;   // caption font over body font: 37.8 px at 1080, > 1080/30
constexpr float kHeadingFontFactor = 1.25f;

// The scale before the user's factor, for a window `logicalHeight` points tall on a display of
// `displayScale` (1 at 96 dpi). Quantised to 1/48 so that resizing does not rebuild the fonts at
// every pixel (720, 1080 and 2160 fall exactly on steps).
float layoutScale(float logicalHeight, float displayScale);

struct FontSizes {
    float body = 0.0f, heading = 0.0f, caption = 0.0f; // in points
};
// In whole pixels (`scale` includes the display's pixel ratio when the fonts are rasterised).
FontSizes fontSizesFor(float scale);

} // namespace spineviz
