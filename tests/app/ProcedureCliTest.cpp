// The procedure's command line: --measurements prints one JSON object, bad values exit 2 naming
// the option and the allowed values.

#include "Process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace spineviz {
namespace {

using test::runProcess;
using test::spinevizExecutable;

nlohmann::json measurements(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"--measurements"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = runProcess(spinevizExecutable(), args);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << "one line";
    return nlohmann::json::parse(result.out, nullptr, false);
}

TEST(ProcedureCliTest, MeasurementsPrintOneJsonObjectForThatMoment) {
    const nlohmann::json inflation = measurements({"--phase", "inflation", "--progress", "0.9", "--level", "L2", "--grade", "3"});
    ASSERT_TRUE(inflation.is_object());
    EXPECT_EQ(inflation["phase"], "inflation");
    EXPECT_EQ(inflation["level"], "L2");
    EXPECT_GT(inflation["balloon_pressure_psi"].get<double>(), 0.0);
    EXPECT_GT(inflation["balloon_volume_ml"].get<double>(), 0.0);
    const nlohmann::json fractured = measurements({"--phase", "fracture", "--progress", "1", "--level", "L2", "--grade", "3"});
    EXPECT_EQ(fractured["genant_grade"], 3);
    EXPECT_GT(fractured["height_loss_percent"].get<double>(), 40.0);
}

TEST(ProcedureCliTest, KyphoplastyRestoresMoreThanVertebroplastyAtTheOutcome) {
    const nlohmann::json kp = measurements({"--phase", "outcome", "--progress", "1"});
    const nlohmann::json vp = measurements({"--procedure", "vertebroplasty", "--phase", "outcome", "--progress", "1"});
    EXPECT_GT(kp["height_restored_percent"].get<double>(), vp["height_restored_percent"].get<double>());
    EXPECT_GT(kp["cement_volume_ml"].get<double>(), 3.0);
    EXPECT_GT(vp["cement_volume_ml"].get<double>(), 3.0);
}

TEST(ProcedureCliTest, InvalidValuesNameTheOptionAndTheChoices) {
    const struct { std::vector<std::string> args; std::string mention; } cases[] = {
        {{"--procedure", "surgery"}, "kyphoplasty|vertebroplasty"},
        {{"--level", "T2"}, "T5"},
        {{"--level", "X9"}, "L5"},
        {{"--grade", "4"}, "--grade"},
        {{"--morphology", "flat"}, "wedge|biconcave|crush"},
        {{"--access", "both"}, "bilateral|unilateral"},
        {{"--phase", "sleeping"}, "inflation"},
        {{"--procedure", "vertebroplasty", "--phase", "inflation"}, "vertebroplasty"},
        {{"--progress", "1.5"}, "--progress"},
        {{"--cutaway", "--ghost"}, "--ghost"},
        {{"--audience", "everyone"}, "clinician|patient"},
    };
    for (const auto& c : cases) {
        const auto result = runProcess(spinevizExecutable(), c.args);
        EXPECT_EQ(result.exitCode, 2) << c.args[0];
        EXPECT_NE(result.err.find(c.mention), std::string::npos) << result.err;
    }
}

} // namespace
} // namespace spineviz

namespace spineviz {
namespace {

TEST(ProcedureCliTest, CementOptionsChangeTheInjection) {
    // Runnier cement leaks more than thicker cement for the same patient (Habib/Baroud, Int J Spine Surg 4:26).
    const std::vector<std::string> base{"--procedure", "vertebroplasty", "--seed", "4", "--phase", "hardening", "--progress", "1"};
    std::vector<std::string> runny = base, thick = base;
    runny.insert(runny.end(), {"--cement", "low", "--injection-start", "3"});
    thick.insert(thick.end(), {"--cement", "high", "--injection-start", "9"});
    const nlohmann::json early = measurements(runny), late = measurements(thick);
    EXPECT_EQ(early["cement_kind"], "low-viscosity");
    EXPECT_EQ(late["cement_kind"], "high-viscosity");
    EXPECT_GT(early["cement_leaked_ml"].get<double>(), late["cement_leaked_ml"].get<double>());
    std::vector<std::string> small = base;
    small.insert(small.end(), {"--cement-volume", "2.5"});
    EXPECT_NEAR(measurements(small)["cement_injected_ml"].get<double>(), 2.5, 0.2);
    for (const auto& bad : {std::vector<std::string>{"--cement", "medium"}, std::vector<std::string>{"--bone", "glass"},
                            std::vector<std::string>{"--injection-start", "40"}, std::vector<std::string>{"--flow-rate", "0"}}) {
        const auto result = test::runProcess(test::spinevizExecutable(), bad);
        EXPECT_EQ(result.exitCode, 2) << bad[0];
        EXPECT_NE(result.err.find(bad[0]), std::string::npos) << result.err;
    }
}

} // namespace
} // namespace spineviz
