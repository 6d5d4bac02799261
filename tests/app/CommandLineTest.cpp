// The command-line parser directly: values, defaults and the exit codes of bad input.

#include "app/CommandLine.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

TEST(CommandLineTest, DefaultsRunTheBundledModel) {
    const ParseOutcome outcome = parseCommandLine(std::vector<std::string>{});
    ASSERT_TRUE(outcome.options);
    EXPECT_TRUE(outcome.options->modelPath.empty());
    EXPECT_FALSE(outcome.options->fullscreen);
    EXPECT_EQ(outcome.options->benchmarkFrames, 0);
}

TEST(CommandLineTest, EveryOptionIsParsed) {
    const ParseOutcome outcome = parseCommandLine(std::vector<std::string>{
        "--model", "a.glb", "--size", "800x600", "--fullscreen", "--screenshot", "out.png", "--view", "superior",
        "--hide-ui", "--ui-scale", "2"});
    ASSERT_TRUE(outcome.options) << outcome.output;
    const CommandLine& o = *outcome.options;
    EXPECT_EQ(o.modelPath, "a.glb");
    EXPECT_EQ(o.width, 800);
    EXPECT_EQ(o.height, 600);
    EXPECT_TRUE(o.fullscreen);
    EXPECT_EQ(o.screenshotPath, "out.png");
    EXPECT_EQ(o.view, ViewPreset::Superior);
    const ParseOutcome benchmark = parseCommandLine(std::vector<std::string>{"--benchmark", "10"});
    ASSERT_TRUE(benchmark.options) << benchmark.output;
    EXPECT_EQ(benchmark.options->benchmarkFrames, 10);
    EXPECT_TRUE(o.hideUi);
    EXPECT_FLOAT_EQ(o.uiScale, 2.0f);
}

TEST(CommandLineTest, MalformedValuesNameTheOptionAndExitTwo) {
    const std::vector<std::vector<std::string>> bad = {
        {"--size", "800"}, {"--size", "0x600"}, {"--size", "800x600x2"}, {"--size", "-800x600"},
        {"--view", "sideways"}, {"--benchmark", "0"}, {"--benchmark", "many"}, {"--ui-scale", "9"},
        {"--model"}, {"--no-such-option"}, {"stray"}};
    for (const auto& args : bad) {
        const ParseOutcome outcome = parseCommandLine(args);
        EXPECT_FALSE(outcome.options) << args[0];
        EXPECT_EQ(outcome.exitCode, 2) << args[0];
        EXPECT_NE(outcome.output.find(args[0]), std::string::npos) << outcome.output;
    }
}

TEST(CommandLineTest, HelpListsEveryOptionAndVersionPrints) {
    const ParseOutcome help = parseCommandLine(std::vector<std::string>{"--help"});
    EXPECT_FALSE(help.options);
    EXPECT_EQ(help.exitCode, 0);
    for (const char* option : {"--model", "--size", "--fullscreen", "--screenshot", "--view", "--benchmark", "--version"})
        EXPECT_NE(help.output.find(option), std::string::npos) << option;
    const ParseOutcome version = parseCommandLine(std::vector<std::string>{"--version"});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_NE(version.output.find("spineviz"), std::string::npos);
}

} // namespace
} // namespace spineviz
