// The procedure-options fuzzer's inputs (tests/fuzz, one argument per line) replayed in the ordinary
// test run: the kept corpus through the parser, whose refusals must be exit 2 and one line; and each
// finding, with the reports that led to the fuzzer, through the real executable, which must answer
// with exit 0 and a cement target above 0 mL, or refuse with exit 2, never crash, hang or give 1.

#include "Process.h"
#include "app/CommandLine.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace spineviz {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> argumentsIn(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    std::vector<std::string> args(1);
    for (char c : s.str()) {
        if (c == '\n') args.emplace_back();
        else args.back() += c;
    }
    return args;
}

std::vector<fs::path> filesIn(const std::string& folder) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(OptionsCorpusTest, EveryKeptInputIsAcceptedOrRefusedInOneLine) {
    const auto files = filesIn(SPINEVIZ_OPTIONS_CORPUS);
    ASSERT_GE(files.size(), 8u);
    int refused = 0;
    for (const fs::path& file : files) {
        const ParseOutcome outcome = parseCommandLine(argumentsIn(file));
        if (outcome.options || outcome.exitCode == 0) continue;
        ++refused;
        EXPECT_EQ(outcome.exitCode, 2) << file;
        EXPECT_EQ(outcome.output.rfind("spineviz: ", 0), 0u) << file << ": " << outcome.output;
        EXPECT_EQ(outcome.output.find('\n'), outcome.output.size() - 1) << file << ": " << outcome.output;
    }
    EXPECT_GT(refused, 0); // the corpus holds hostile inputs, not only good ones
}

TEST(OptionsCorpusTest, FindingsStayFixedThroughTheExecutable) {
    const auto files = filesIn(SPINEVIZ_OPTIONS_REGRESSIONS);
    ASSERT_GE(files.size(), 4u);
    for (const fs::path& file : files) {
        const auto result = test::runProcess(test::spinevizExecutable(), argumentsIn(file), 300.0);
        EXPECT_FALSE(result.crashed || result.timedOut) << file;
        ASSERT_TRUE(result.exitCode == 0 || result.exitCode == 2) << file << ": " << result.exitCode << " " << result.err;
        if (result.exitCode == 2) {
            EXPECT_NE(result.err.find("allowed: "), std::string::npos) << file << ": " << result.err;
            continue;
        }
        const nlohmann::json j = nlohmann::json::parse(result.out, nullptr, false);
        ASSERT_TRUE(j.is_object()) << file << ": " << result.out;
        EXPECT_GT(j["cement_target_ml"].get<double>(), 0.0) << file;
        EXPECT_LE(j["cement_target_ml"].get<double>(), 15.0) << file;
    }
}

} // namespace
} // namespace spineviz
