// Hostile command lines, generated: every value option against values that are not numbers, not
// finite, empty, out of range or of the wrong kind; options that exclude each other; cases the
// procedure could not run. Each must be refused with exit 2 and one line that names the option, the
// value and what is allowed, before any work starts.

#include "app/CommandLine.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

struct Refusal {
    std::vector<std::string> args;
    std::string option, value; // to be named in the message
};

void expectRefused(const Refusal& r) {
    const ParseOutcome outcome = parseCommandLine(r.args);
    std::string shown;
    for (const std::string& a : r.args) shown += "[" + a + "] ";
    EXPECT_FALSE(outcome.options) << shown;
    EXPECT_EQ(outcome.exitCode, 2) << shown;
    const std::string& m = outcome.output;
    EXPECT_EQ(m.rfind("spineviz: ", 0), 0u) << m;
    EXPECT_EQ(m.find('\n'), m.size() - 1) << "one line: " << m;
    EXPECT_NE(m.find(r.option + " '" + r.value + "'"), std::string::npos) << shown << "-> " << m;
    EXPECT_NE(m.find("allowed: "), std::string::npos) << m;
}

const std::vector<std::string> kDecimalOptions = {"--progress", "--ui-scale", "--injection-start", "--cement-volume", "--flow-rate"};
const std::vector<std::string> kWholeOptions = {"--grade", "--seed", "--benchmark", "--fluoro-size"};
const std::vector<std::string> kNameOptions = {"--procedure", "--level", "--morphology", "--access", "--phase",
                                               "--audience", "--cement", "--bone", "--view", "--fluoro", "--size",
                                               "--screenshot", "--model"};

TEST(HostileOptionsTest, NonNumbersAndNonFiniteValuesAreRefusedForEveryNumericOption) {
    const std::vector<std::string> bad = {"nan", "NaN", "-nan", "inf", "-inf", "infinity", "1e999", "-1e999", "",
                                          " 1", "1 ", "0x1", "1,5", "one", "+", ".", "1e", "1.0.0"};
    std::vector<std::string> options = kDecimalOptions;
    options.insert(options.end(), kWholeOptions.begin(), kWholeOptions.end());
    for (const std::string& option : options)
        for (const std::string& value : bad) expectRefused({{option, value}, option, value});
}

TEST(HostileOptionsTest, OutOfRangeValuesNameTheRange) {
    const std::vector<Refusal> cases = {
        {{"--progress", "1.0000001"}, "--progress", "1.0000001"}, {{"--progress", "-0.1"}, "--progress", "-0.1"},
        {{"--progress", "1e300"}, "--progress", "1e300"},        {{"--cement-volume", "12.5"}, "--cement-volume", "12.5"},
        {{"--cement-volume", "0"}, "--cement-volume", "0"},       {{"--flow-rate", "-4"}, "--flow-rate", "-4"},
        {{"--ui-scale", "0.49"}, "--ui-scale", "0.49"},           {{"--injection-start", "0.5"}, "--injection-start", "0.5"},
        {{"--seed", "-1"}, "--seed", "-1"},                       {{"--seed", "4294967296"}, "--seed", "4294967296"},
        {{"--seed", "99999999999999999999999"}, "--seed", "99999999999999999999999"},
        {{"--grade", "0"}, "--grade", "0"},                        {{"--grade", "4"}, "--grade", "4"},
        {{"--benchmark", "0"}, "--benchmark", "0"},               {{"--fluoro-size", "4096"}, "--fluoro-size", "4096"},
        {{"--size", "63x600"}, "--size", "63x600"},               {{"--size", "800x99999999999"}, "--size", "800x99999999999"},
    };
    for (const Refusal& r : cases) expectRefused(r);
    const ParseOutcome grade = parseCommandLine(std::vector<std::string>{"--grade", "4"});
    EXPECT_NE(grade.output.find("1|2|3"), std::string::npos) << grade.output;
    const ParseOutcome progress = parseCommandLine(std::vector<std::string>{"--progress", "nan"});
    EXPECT_NE(progress.output.find("0 to 1"), std::string::npos) << progress.output;
}

TEST(HostileOptionsTest, AFractionIsNotAWholeNumber) {
    for (const std::string& option : kWholeOptions) expectRefused({{option, "2.0"}, option, "2.0"});
    const ParseOutcome grade = parseCommandLine(std::vector<std::string>{"--grade", "2.0"});
    EXPECT_NE(grade.output.find("not a whole number; allowed: 1|2|3"), std::string::npos) << grade.output;
}

TEST(HostileOptionsTest, AnEmptyValueNeverMeansTheDefault) {
    for (const std::string& option : kNameOptions) expectRefused({{option, ""}, option, ""});
}

TEST(HostileOptionsTest, UnknownNamesListTheChoices) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"--level", "l1"}, {"--level", "L1 "}, {"--level", "C3"}, {"--procedure", "Kyphoplasty"},
        {"--cement", "medium"}, {"--bone", "glass"}, {"--view", "inside"}, {"--fluoro", "AP"}, {"--audience", "all"}};
    for (const auto& [option, value] : cases) expectRefused({{option, value}, option, value});
    const ParseOutcome level = parseCommandLine(std::vector<std::string>{"--level", "C3"});
    EXPECT_NE(level.output.find("T5|T6|T7|T8|T9|T10|T11|T12|L1|L2|L3|L4|L5"), std::string::npos) << level.output;
}

TEST(HostileOptionsTest, RunModesExcludeEachOther) {
    const std::vector<std::vector<std::string>> pairs = {
        {"--measurements", "--screenshot", "out.png"}, {"--screenshot", "out.png", "--measurements"},
        {"--measurements", "--benchmark", "10"},       {"--screenshot", "out.png", "--benchmark", "10"}};
    for (const auto& args : pairs) {
        const ParseOutcome outcome = parseCommandLine(args);
        EXPECT_EQ(outcome.exitCode, 2) << args[0];
        EXPECT_NE(outcome.output.find("cannot be combined with"), std::string::npos) << outcome.output;
        EXPECT_NE(outcome.output.find("allowed: one of --measurements, --screenshot OUT, --benchmark N"), std::string::npos)
            << outcome.output;
    }
}

TEST(HostileOptionsTest, ScreenshotNamesAFileSpinevizCanWrite) {
    for (const std::string& path : {std::string("out/"), std::string("/tmp"), std::string("."), std::string(".."),
                                    std::string("shots/.."), std::string("out.bmp"), std::string("out"),
                                    std::string("out.png.tmp"), std::string(".png")})
        expectRefused({{"--screenshot", path}, "--screenshot", path});
    const ParseOutcome folder = parseCommandLine(std::vector<std::string>{"--screenshot", "/tmp/"});
    EXPECT_NE(folder.output.find("names a folder"), std::string::npos) << folder.output;
    EXPECT_NE(folder.output.find(".png, .jpg or .jpeg"), std::string::npos) << folder.output;
    for (const char* path : {"out.png", "OUT.PNG", "a/b.jpg", "c.JPEG"}) {
        const ParseOutcome ok = parseCommandLine(std::vector<std::string>{"--screenshot", path});
        ASSERT_TRUE(ok.options) << path << ": " << ok.output;
        EXPECT_EQ(ok.options->screenshotPath, path);
    }
}

// Low-viscosity cement sets ~11 min after mixing, high-viscosity ~13 min (CementRheology.h): a
// start within a minute of that would inject nothing and is refused, naming both limits.
TEST(HostileOptionsTest, AnInjectionThatWouldFindTheCementSetIsRefused) {
    const std::vector<Refusal> late = {
        {{"--cement", "low", "--injection-start", "11"}, "--injection-start", "11"},
        {{"--cement", "low", "--injection-start", "10.01"}, "--injection-start", "10.01"},
        {{"--procedure", "vertebroplasty", "--injection-start", "12"}, "--injection-start", "12"}, // low by default
        {{"--injection-start", "11", "--procedure", "vertebroplasty"}, "--injection-start", "11"},  // order does not matter
    };
    for (const Refusal& r : late) expectRefused(r);
    const ParseOutcome low = parseCommandLine(std::vector<std::string>{"--cement", "low", "--injection-start", "11"});
    EXPECT_NE(low.output.find("low-viscosity cement sets about 11 minutes"), std::string::npos) << low.output;
    EXPECT_NE(low.output.find("1 to 10 minutes for low-viscosity cement, 1 to 12 for high-viscosity"), std::string::npos)
        << low.output;
    for (const std::vector<std::string>& ok : {std::vector<std::string>{"--cement", "low", "--injection-start", "10"},
                                               std::vector<std::string>{"--cement", "high", "--injection-start", "12"},
                                               std::vector<std::string>{"--injection-start", "11"}}) { // kyphoplasty: high
        const ParseOutcome outcome = parseCommandLine(ok);
        ASSERT_TRUE(outcome.options) << outcome.output;
    }
}

TEST(HostileOptionsTest, PlainNumbersInEveryFormAreAccepted) {
    const ParseOutcome o = parseCommandLine(std::vector<std::string>{
        "--progress", "5e-1", "--seed", "4294967295", "--grade", "+3", "--cement-volume", "2.50", "--flow-rate", ".5",
        "--injection-start", "3.", "--ui-scale", "1E0", "--fluoro-size", "0064"});
    ASSERT_TRUE(o.options) << o.output;
    EXPECT_DOUBLE_EQ(o.options->progress, 0.5);
    EXPECT_EQ(o.options->procedure.seed, 4294967295u);
    EXPECT_EQ(o.options->procedure.grade, 3);
    EXPECT_FLOAT_EQ(*o.options->cement.volumeTargetMl, 2.5f);
    EXPECT_FLOAT_EQ(o.options->cement.flowMlPerMinute, 0.5f);
    EXPECT_FLOAT_EQ(*o.options->cement.injectionStartMinutes, 3.0f);
    EXPECT_FLOAT_EQ(o.options->uiScale, 1.0f);
    EXPECT_EQ(o.options->fluoroSize, 64);
}

} // namespace
} // namespace spineviz
