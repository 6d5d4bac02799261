// The interface's size follows the window's height: the arithmetic behind "a 4K frame is the 1080p
// frame at twice the size" and "a patient's caption line is at least 1/30 of the window's height".
#include "ui/UiScale.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

TEST(UiScaleTest, FollowsTheWindowHeight) {
    EXPECT_FLOAT_EQ(layoutScale(1080.0f, 1.0f), 1.0f);
    EXPECT_FLOAT_EQ(layoutScale(2160.0f, 1.0f), 2.0f * layoutScale(1080.0f, 1.0f));
    EXPECT_FLOAT_EQ(layoutScale(4320.0f, 1.0f), 4.0f);
    EXPECT_FLOAT_EQ(layoutScale(720.0f, 1.0f), 720.0f / 1080.0f);
    EXPECT_LT(layoutScale(900.0f, 1.0f), layoutScale(1080.0f, 1.0f));
}

TEST(UiScaleTest, ADenseDisplayKeepsSmallWindowsLegible) {
    // A 900-pixel window on a 192 dpi screen: by height 0.83, but text that small would be 2 mm tall.
    EXPECT_GT(layoutScale(900.0f, 2.0f), layoutScale(900.0f, 1.0f));
    EXPECT_GE(layoutScale(900.0f, 2.0f), 1.2f);
    // A tiny window keeps readable type (and its panels scroll).
    EXPECT_GE(fontSizesFor(layoutScale(240.0f, 1.0f)).body, 10.0f);
}

TEST(UiScaleTest, PatientCaptionLinesAreAThirtiethOfTheHeightAtEverySize) {
    for (float height : {600.0f, 720.0f, 768.0f, 900.0f, 1080.0f, 1200.0f, 1440.0f, 2160.0f, 2880.0f, 4320.0f}) {
        const FontSizes sizes = fontSizesFor(layoutScale(height, 1.0f));
        EXPECT_GE(sizes.caption, height * kCaptionLineShare) << height;
        EXPECT_GT(sizes.caption, sizes.heading) << height;
        EXPECT_GT(sizes.heading, sizes.body) << height;
    }
}

} // namespace
} // namespace spineviz
