// The patient's numbers in words.
#include "core/content/PlainFractions.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

TEST(PlainFractionsTest, SaysTheNearestFractionAPatientKnows) {
    EXPECT_EQ(plainFraction(0.5), "half");
    EXPECT_EQ(plainFraction(0.67), "two thirds");
    EXPECT_EQ(plainFraction(0.69), "about two thirds");
    EXPECT_EQ(plainFraction(0.72), "about three quarters");
    EXPECT_EQ(plainFraction(0.34), "a third");
    EXPECT_EQ(plainFraction(0.88), "about nine tenths");
    EXPECT_EQ(plainFraction(0.98), "almost all");
    EXPECT_EQ(plainFraction(1.0), "all");
    EXPECT_EQ(plainFraction(0.1), "less than a quarter");
}

} // namespace
} // namespace spineviz
