#include "core/scene/ExternalUri.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

TEST(ExternalUriTest, PlainRelativePathsAndDataUrisPass) {
    EXPECT_EQ(externalUriProblem("mesh.bin"), "");
    EXPECT_EQ(externalUriProblem("textures/bone.png"), "");
    EXPECT_EQ(externalUriProblem("a/../b.bin"), "");
    EXPECT_EQ(externalUriProblem("data:application/octet-stream;base64,AAAA"), "");
}

TEST(ExternalUriTest, EscapesAbsolutePathsAndUrlsAreRefused) {
    EXPECT_NE(externalUriProblem("../x.bin"), "");
    EXPECT_NE(externalUriProblem("a/../../x.bin"), "");
    EXPECT_NE(externalUriProblem("..\\x.bin"), "");
    EXPECT_NE(externalUriProblem("%2E%2E/x.bin"), "");
    EXPECT_NE(externalUriProblem("/etc/passwd"), "");
    EXPECT_NE(externalUriProblem("~/secret"), "");
    EXPECT_NE(externalUriProblem("C:/Windows/win.ini"), "");
    EXPECT_NE(externalUriProblem("http://example.com/x.bin"), "");
    EXPECT_NE(externalUriProblem(""), "");
}

TEST(ExternalUriTest, PathIsInsideResolvesDotsAndPrefixes) {
    EXPECT_TRUE(pathIsInside("/tmp/models/a.bin", "/tmp/models"));
    EXPECT_TRUE(pathIsInside("/tmp/models/./sub/a.bin", "/tmp/models/"));
    EXPECT_FALSE(pathIsInside("/tmp/models/../a.bin", "/tmp/models"));
    EXPECT_FALSE(pathIsInside("/tmp/models-other/a.bin", "/tmp/models"));
    EXPECT_FALSE(pathIsInside("/tmp/models", "/tmp/models"));
}

} // namespace
} // namespace spineviz
