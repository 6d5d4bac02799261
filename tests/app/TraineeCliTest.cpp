// Practice mode headless: `--trainee-plan FILE|ideal --score` prints one JSON report; the ideal plan
// scores high, a plan turned towards the canal breaches the medial wall, more shots cost points,
// the same plan gives the same report, and a bad plan is refused naming the file and the item.

#include "Process.h"
#include "TempDir.h"
#include "BundledSpine.h"
#include "core/trainee/TraineePlan.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace spineviz {
namespace {

using json = nlohmann::json;
using test::runProcess;
using test::spinevizExecutable;

json scoreOf(const std::vector<std::string>& args) {
    std::vector<std::string> all{"--score"};
    all.insert(all.end(), args.begin(), args.end());
    const auto result = runProcess(spinevizExecutable(), all, 30.0);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << "one line";
    return json::parse(result.out, nullptr, false);
}

// The ideal L1 plan, as a plan file would hold it, with the left needle turned by `medialDegrees`
// towards the midline and `shots` X-rays per needle.
std::string writePlan(const test::TempDir& dir, const std::string& name, float medialDegrees, int shots) {
    // -y turns the left needle towards -x: medially.
    const TraineePlan plan = test::turnedNeedle(test::bundledIdealPlan("L1", Procedure::Kyphoplasty, shots), Side::Left, {0, 1, 0}, -medialDegrees);
    const std::string path = dir.path(name);
    std::ofstream(path) << traineePlanJson(plan).dump(2);
    return path;
}

TEST(TraineeCliTest, TheIdealPlanScoresHighWithNoBreachAtThreeLevels) {
    for (const char* level : {"L1", "L4", "T8"}) {
        const json report = scoreOf({"--trainee-plan", "ideal", "--level", level});
        ASSERT_TRUE(report.is_object()) << level;
        for (const char* key : {"score", "entry_error_mm", "target_error_mm", "angle_error_deg", "breaches", "shots", "fluoro_seconds"})
            EXPECT_TRUE(report.contains(key)) << key;
        EXPECT_EQ(report["level"], level);
        EXPECT_GE(report["score"].get<double>(), 90.0) << level;
        EXPECT_TRUE(report["breaches"].empty()) << report.dump();
    }
}

TEST(TraineeCliTest, APlanFileTurnedMediallyBreachesTheMedialWall) {
    const test::TempDir dir;
    const json ideal = scoreOf({"--trainee-plan", writePlan(dir, "ideal.json", 0.0f, 6)});
    const json medial = scoreOf({"--trainee-plan", writePlan(dir, "medial.json", 15.0f, 6)});
    EXPECT_NEAR(ideal["score"].get<double>(), scoreOf({"--trainee-plan", "ideal"})["score"].get<double>(), 0.2);
    bool medialWall = false;
    for (const json& b : medial["breaches"]) medialWall |= b["wall"] == "medial" && b["side"] == "left";
    EXPECT_TRUE(medialWall) << medial.dump();
    EXPECT_FALSE(medial["rule_violations"].empty());
    EXPECT_LT(medial["score"].get<double>(), ideal["score"].get<double>() - 15.0);
}

TEST(TraineeCliTest, MoreShotsLowerTheScoreAndTheSamePlanGivesTheSameReport) {
    const test::TempDir dir;
    const std::string few = writePlan(dir, "few.json", 5.0f, 3), many = writePlan(dir, "many.json", 5.0f, 25);
    EXPECT_LT(scoreOf({"--trainee-plan", many})["score"].get<double>(), scoreOf({"--trainee-plan", few})["score"].get<double>());
    EXPECT_EQ(scoreOf({"--trainee-plan", few}).dump(), scoreOf({"--trainee-plan", few}).dump());
}

TEST(TraineeCliTest, BadPlansAndOptionsAreRefusedClearly) {
    const test::TempDir dir;
    const auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir.path(name)) << text;
        return dir.path(name);
    };
    const struct {
        std::string file, mention;
    } plans[] = {
        {write("broken.json", "{\"level\": \"L1\", "), "not valid JSON"},
        {write("nodepth.json", R"({"level":"L1","side":"left","entry":[0,0,0],"direction":[0,0,1]})"), "plan.depth_mm"},
        {write("nan.json", R"({"level":"L1","side":"left","entry":[0,0,0],"direction":[0,0,0],"depth_mm":20})"), "plan.direction"},
        {write("t2.json", R"({"level":"T2","side":"left","entry":[0,0,0],"direction":[0,0,1],"depth_mm":20})"), "plan.level"},
        {dir.path("missing.json"), "cannot open"},
    };
    for (const auto& p : plans) {
        const auto result = runProcess(spinevizExecutable(), {"--trainee-plan", p.file, "--score"}, 30.0);
        EXPECT_EQ(result.exitCode, 1) << p.file;
        EXPECT_NE(result.err.find(p.file), std::string::npos) << result.err;
        EXPECT_NE(result.err.find(p.mention), std::string::npos) << result.err;
        EXPECT_TRUE(result.out.empty());
    }
    const std::vector<std::vector<std::string>> conflicting = {
        {"--score"}, {"--trainee-plan", "ideal"}, {"--trainee-plan", "", "--score"},
        {"--trainee-plan", "ideal", "--score", "--measurements"}, {"--trainee-plan", "ideal", "--score", "--screenshot", "x.png"},
        {"--trainee-plan", "ideal", "--score", "--trainee"}};
    for (const auto& args : conflicting) {
        const auto result = runProcess(spinevizExecutable(), args, 30.0);
        EXPECT_EQ(result.exitCode, 2) << args.front();
        EXPECT_NE(result.err.find("--"), std::string::npos) << result.err;
    }
    const auto levels = runProcess(spinevizExecutable(), {"--trainee-plan", writePlan(dir, "l1.json", 0.0f, 1), "--score", "--level", "L3"}, 30.0);
    EXPECT_EQ(levels.exitCode, 1);
    EXPECT_NE(levels.err.find("--level"), std::string::npos) << levels.err;
}

} // namespace
} // namespace spineviz
