#include "ui/UiScale.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

constexpr float kSteps = 48.0f;
// Below this share of the display's own scale, text in a small window would be too small to read
// (0.6 of 18 px is 11 px on a 96 dpi screen); the panels then scroll instead.
constexpr float kSmallestShare = 0.6f;

} // namespace

float layoutScale(float logicalHeight, float displayScale) {
    const float byHeight = std::max(logicalHeight, 1.0f) / kReferenceHeight;
    const float floor = kSmallestShare * std::max(displayScale, 1.0f);
    return std::round(std::max(byHeight, floor) * kSteps) / kSteps;
}

// Whole pixels: with fractional line heights ImGui's auto-sized panels end up a fraction of a
// pixel short of their content and grow needless scrollbars.
FontSizes fontSizesFor(float scale) {
    FontSizes sizes;
    sizes.body = std::max(1.0f, std::round(kBaseFontPixels * scale));
    sizes.heading = std::round(sizes.body * kHeadingFontFactor);
    sizes.caption = std::round(sizes.body * kCaptionFontFactor);
    return sizes;
}

} // namespace spineviz
