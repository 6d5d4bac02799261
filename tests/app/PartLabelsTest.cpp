// Where the names on the 3D view go: beside their point, never on top of each other, and not
// under the side panels when there is room elsewhere.
#include "ui/PartLabels.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

constexpr float kFont = 16.0f;

bool overlap(const LabelBox& a, const LabelBox& b) {
    return a.topLeft.x < b.topLeft.x + b.size.x && b.topLeft.x < a.topLeft.x + a.size.x &&
           a.topLeft.y < b.topLeft.y + b.size.y && b.topLeft.y < a.topLeft.y + a.size.y;
}

TEST(PartLabelsTest, LabelsGoOutToTheSideOfTheirPointWithoutOverlapping) {
    // Four points close together: two left of centre, two right.
    std::vector<LabelBox> boxes = {{{600, 400}, {120, 24}}, {{610, 405}, {90, 24}},
                                   {{700, 400}, {140, 24}}, {{690, 410}, {100, 24}}};
    layoutLabelBoxes(boxes, 650.0f, 1280.0f, LabelRoom{0.0f, 1280.0f}, kFont);
    EXPECT_FALSE(boxes[0].right);
    EXPECT_FALSE(boxes[1].right);
    EXPECT_TRUE(boxes[2].right);
    EXPECT_TRUE(boxes[3].right);
    for (const LabelBox& b : boxes) {
        if (b.right) EXPECT_GT(b.topLeft.x, b.anchor.x);
        else EXPECT_LT(b.topLeft.x + b.size.x, b.anchor.x);
    }
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j) EXPECT_FALSE(overlap(boxes[i], boxes[j])) << i << " and " << j;
}

TEST(PartLabelsTest, ALabelThatWouldRunUnderTheRightPanelGoesLeft) {
    // A leak label right of centre, but the measurements panel starts 100 px to its right.
    std::vector<LabelBox> boxes = {{{780, 300}, {250, 24}}};
    layoutLabelBoxes(boxes, 700.0f, 1280.0f, LabelRoom{410.0f, 880.0f}, kFont);
    EXPECT_FALSE(boxes[0].right);
    EXPECT_GE(boxes[0].topLeft.x, 410.0f);
    EXPECT_LE(boxes[0].topLeft.x + boxes[0].size.x, 780.0f);
}

TEST(PartLabelsTest, WithNoRoomEitherSideTheLeaderShortensToKeepTheBoxOffThePanel) {
    std::vector<LabelBox> boxes = {{{590, 290}, {250, 24}}};
    layoutLabelBoxes(boxes, 590.0f, 1280.0f, LabelRoom{410.0f, 870.0f}, kFont);
    EXPECT_TRUE(boxes[0].right);
    EXPECT_GT(boxes[0].topLeft.x, 590.0f);
    EXPECT_LE(boxes[0].topLeft.x + boxes[0].size.x, 870.0f);
}

TEST(PartLabelsTest, BoxesStayInsideTheWindow) {
    std::vector<LabelBox> boxes = {{{1270, 300}, {200, 24}}, {{5, 300}, {200, 24}}};
    layoutLabelBoxes(boxes, 640.0f, 1280.0f, LabelRoom{}, kFont);
    for (const LabelBox& b : boxes) {
        EXPECT_GE(b.topLeft.x, 0.0f);
        EXPECT_LE(b.topLeft.x + b.size.x, 1280.0f);
    }
}

} // namespace
} // namespace spineviz
