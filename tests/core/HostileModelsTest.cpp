// The hostile-file corpus, run through the spineviz executable as a user would: each file must give
// exit 1 and one line on stderr naming the file and the reason, within 5 seconds, never a crash.

#include "HostileModels.h"
#include "Process.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <set>

namespace spineviz {
namespace {

class HostileModelTest : public ::testing::TestWithParam<test::HostileCase> {};

TEST_P(HostileModelTest, RefusedWithExit1NamingTheFileAndTheReason) {
    const test::HostileCase& hostile = GetParam();
    test::TempDir dir;
    const std::string path = hostile.write(dir.root().string());
    const auto start = std::chrono::steady_clock::now();
    const test::ProcessResult run =
        test::runProcess(test::spinevizExecutable(), {"--model", path, "--screenshot", dir.path("out.png")}, 5.0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_FALSE(run.timedOut) << hostile.name << " took over 5 s";
    EXPECT_FALSE(run.crashed) << hostile.name << ": " << run.err;
    EXPECT_EQ(run.exitCode, 1) << run.err;
    EXPECT_LT(seconds, 5.0);
    EXPECT_NE(run.err.find(path), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(hostile.reason), std::string::npos) << "wanted '" << hostile.reason << "' in: " << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << "one line: " << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("out.png")));
}

TEST(HostileModelCorpus, HasAtLeastSixtyDistinctFiles) {
    std::set<std::string> names;
    for (const test::HostileCase& c : test::hostileCases()) names.insert(c.name);
    EXPECT_EQ(names.size(), test::hostileCases().size());
    EXPECT_GE(names.size(), 60u);
}

INSTANTIATE_TEST_SUITE_P(Corpus, HostileModelTest, ::testing::ValuesIn(test::hostileCases()),
                         [](const ::testing::TestParamInfo<test::HostileCase>& param) {
                             std::string name = param.param.name;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

} // namespace
} // namespace spineviz
