// Plan files: what a well-formed plan reads as, and that every malformed item is refused with its name.

#include "core/trainee/TraineePlan.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

using json = nlohmann::json;

json needle(const char* side = "left") {
    return {{"level", "L1"}, {"side", side}, {"entry", {0.02, 0.005, -0.03}}, {"direction", {-0.1, 0.0, 1.0}},
            {"depth_mm", 30}, {"shots", 5}, {"fluoro_seconds", 12.5}};
}

TEST(TraineePlanTest, ReadsOneNeedleOrTwo) {
    std::string error;
    const auto one = parseTraineePlan(needle(), error);
    ASSERT_TRUE(one) << error;
    EXPECT_EQ(one->level, "L1");
    ASSERT_EQ(one->needles.size(), 1u);
    EXPECT_NEAR(one->needles[0].depth, 0.030f, 1e-6f);
    EXPECT_NEAR(glm::length(one->needles[0].direction), 1.0f, 1e-5f);
    EXPECT_EQ(one->needles[0].shots, 5);
    const auto two = parseTraineePlan(json::array({needle("left"), needle("right")}), error);
    ASSERT_TRUE(two) << error;
    EXPECT_EQ(two->needles[1].side, Side::Right);
    const auto back = parseTraineePlan(traineePlanJson(*two), error);
    ASSERT_TRUE(back) << error;
    ASSERT_EQ(back->needles.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(back->needles[i].side, two->needles[i].side);
        EXPECT_LT(glm::distance(back->needles[i].entry, two->needles[i].entry), 1e-6f);
        EXPECT_LT(glm::distance(back->needles[i].direction, two->needles[i].direction), 1e-5f);
        EXPECT_NEAR(back->needles[i].depth, two->needles[i].depth, 1e-6f);
        EXPECT_EQ(back->needles[i].shots, two->needles[i].shots);
        EXPECT_DOUBLE_EQ(back->needles[i].fluoroSeconds, two->needles[i].fluoroSeconds);
    }
}

TEST(TraineePlanTest, RefusesEachBadItemByName) {
    struct Case {
        json plan;
        const char* item;
    };
    auto with = [](const char* key, json value) {
        json n = needle();
        n[key] = std::move(value);
        return n;
    };
    json noDepth = needle();
    noDepth.erase("depth_mm");
    const Case cases[] = {
        {with("level", "C5"), "plan.level"},
        {with("side", "up"), "plan.side"},
        {with("entry", {0, 0}), "plan.entry"},
        {with("entry", {0, "x", 0}), "plan.entry[1]"},
        {with("entry", {0, 0, 5}), "plan.entry"},
        {with("direction", {0, 0, 0}), "plan.direction"},
        {with("depth_mm", 0.2), "plan.depth_mm"},
        {with("depth_mm", 1e9), "plan.depth_mm"},
        {noDepth, "plan.depth_mm"},
        {with("shots", -1), "plan.shots"},
        {with("shots", 2.5), "plan.shots"},
        {with("fluoro_seconds", -3), "plan.fluoro_seconds"},
        {json::array({needle("left"), needle("left")}), "needles[1].side"},
        {json::array({needle(), needle("right"), needle()}), "plan"},
        {json::array(), "plan"},
        {json(42), "plan"},
    };
    for (const Case& c : cases) {
        std::string error;
        EXPECT_FALSE(parseTraineePlan(c.plan, error)) << c.plan.dump();
        EXPECT_EQ(error.rfind(std::string(c.item) + ":", 0), 0u) << error;
    }
}

} // namespace
} // namespace spineviz
