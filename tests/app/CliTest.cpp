// The spineviz executable as a user runs it: exit codes and messages.

#include "GltfBuilder.h"
#include "Process.h"
#include "TempDir.h"

#include <gtest/gtest.h>

#include <fstream>

namespace spineviz {
namespace {

using test::runProcess;
using test::spinevizExecutable;

TEST(CliTest, HelpExitsZeroAndDocumentsTheOptions) {
    const auto result = runProcess(spinevizExecutable(), {"--help"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("--screenshot"), std::string::npos);
    EXPECT_NE(result.out.find("--benchmark"), std::string::npos);
}

TEST(CliTest, VersionExitsZero) {
    const auto result = runProcess(spinevizExecutable(), {"--version"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("spineviz 0."), std::string::npos);
}

TEST(CliTest, BadOptionsExitTwoWithAMessage) {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--frobnicate"},
                                                 std::vector<std::string>{"--size", "big"},
                                                 std::vector<std::string>{"--view", "inside"}}) {
        const auto result = runProcess(spinevizExecutable(), args);
        EXPECT_EQ(result.exitCode, 2) << args[0];
        EXPECT_NE(result.err.find(args[0]), std::string::npos) << result.err;
        EXPECT_FALSE(result.crashed);
    }
}

TEST(CliTest, MissingModelExitsOneNamingThePath) {
    const std::string path = "/definitely/not/here/spine.glb";
    const auto result = runProcess(spinevizExecutable(), {"--model", path, "--screenshot", "/tmp/never.png"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find(path), std::string::npos) << result.err;
}

TEST(CliTest, BrokenModelExitsOneWithOneLineAndNoCrash) {
    test::TempDir dir;
    std::ofstream(dir.path("broken.glb")) << "glTF\x02\x00\x00\x00garbage";
    const auto result = runProcess(spinevizExecutable(), {"--model", dir.path("broken.glb"), "--screenshot", dir.path("x.png")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_FALSE(result.crashed);
    EXPECT_NE(result.err.find(dir.path("broken.glb")), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path("x.png")));
}

TEST(CliTest, ScreenshotIntoMissingFolderExitsOne) {
    test::TempDir dir;
    test::GltfBuilder builder;
    builder.addNode("box", builder.addMesh(test::makeBox(glm::vec3(0.1f))));
    ASSERT_TRUE(builder.write(dir.path("box.glb")));
    const auto result = runProcess(spinevizExecutable(), {"--model", dir.path("box.glb"), "--screenshot", dir.path("no/such/out.png")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("does not exist"), std::string::npos) << result.err;
}

} // namespace
} // namespace spineviz
