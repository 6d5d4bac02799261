// Output files never surprise: written whole or not at all, never through a symbolic link or over a
// read-only file, with the permissions a careful tool gives, no temporary files left behind (not
// even by a run that was killed), and Ctrl-C or kill honoured at once. Through the real executable
// where a user would notice, and directly where a signal's timing must be exact.

#include "GltfBuilder.h"
#include "Process.h"
#include "TempDir.h"
#include "app/TopLevel.h"
#include "core/io/AtomicFile.h"
#include "core/io/ImageFile.h"
#include "core/io/InterruptCleanup.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace spineviz {
namespace {

namespace fs = std::filesystem;
using test::runProcess;
using test::spinevizExecutable;

std::string boxModel(const test::TempDir& dir) {
    test::GltfBuilder builder;
    builder.addNode("box", builder.addMesh(test::makeBox(glm::vec3(0.1f))));
    const std::string path = dir.path("box.glb");
    EXPECT_TRUE(builder.write(path));
    return path;
}

test::ProcessResult screenshot(const std::string& model, const std::string& out) {
    return runProcess(spinevizExecutable(), {"--model", model, "--size", "64x64", "--screenshot", out});
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Everything in `folder` whose name starts with ".": our temporary files are hidden ones.
std::vector<std::string> hiddenFiles(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.path().filename().string().front() == '.') names.push_back(e.path().filename().string());
    return names;
}

mode_t modeOf(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
    return st.st_mode & 0777;
}

// A PID that is certainly gone: a child that has exited and been reaped.
pid_t deadPid() {
    const pid_t child = fork();
    if (child == 0) _exit(0);
    waitpid(child, nullptr, 0);
    return child;
}

TEST(OutputFileTest, ANewFileGetsTheUmaskAndAReplacedFileKeepsItsMode) {
    test::TempDir dir;
    const std::string model = boxModel(dir);
    const mode_t previous = ::umask(027);
    const auto made = screenshot(model, dir.path("new.png"));
    ::umask(previous);
    ASSERT_EQ(made.exitCode, 0) << made.err;
    EXPECT_EQ(modeOf(dir.path("new.png")), 0640u);

    std::ofstream(dir.path("private.png")) << "old";
    ::chmod(dir.path("private.png").c_str(), 0600);
    const auto replaced = screenshot(model, dir.path("private.png"));
    ASSERT_EQ(replaced.exitCode, 0) << replaced.err;
    EXPECT_EQ(modeOf(dir.path("private.png")), 0600u);
    EXPECT_NE(slurp(dir.path("private.png")), "old");
    EXPECT_TRUE(hiddenFiles(dir.root()).empty());
}

TEST(OutputFileTest, ASymbolicLinkOrReadOnlyFileIsNeverReplaced) {
    test::TempDir dir;
    const std::string model = boxModel(dir);
    std::ofstream(dir.path("target.png")) << "precious";
    fs::create_symlink(dir.path("target.png"), dir.path("link.png"));
    const auto viaLink = screenshot(model, dir.path("link.png"));
    EXPECT_EQ(viaLink.exitCode, 1);
    EXPECT_FALSE(viaLink.crashed);
    EXPECT_NE(viaLink.err.find("symbolic link"), std::string::npos) << viaLink.err;
    EXPECT_TRUE(fs::is_symlink(dir.path("link.png")));
    EXPECT_EQ(slurp(dir.path("target.png")), "precious");

    std::ofstream(dir.path("locked.png")) << "keep me";
    ::chmod(dir.path("locked.png").c_str(), 0444);
    const auto readOnly = screenshot(model, dir.path("locked.png"));
    EXPECT_EQ(readOnly.exitCode, 1);
    EXPECT_NE(readOnly.err.find("read-only"), std::string::npos) << readOnly.err;
    EXPECT_NE(readOnly.err.find(dir.path("locked.png")), std::string::npos) << readOnly.err;
    EXPECT_EQ(slurp(dir.path("locked.png")), "keep me");

    ::mkfifo(dir.path("pipe.png").c_str(), 0644);
    const auto pipe = screenshot(model, dir.path("pipe.png"));
    EXPECT_EQ(pipe.exitCode, 1);
    EXPECT_NE(pipe.err.find("named pipe"), std::string::npos) << pipe.err;
    EXPECT_TRUE(hiddenFiles(dir.root()).empty());
}

TEST(OutputFileTest, StaleTemporaryFilesOfKilledRunsAreSweptAndNothingElse) {
    test::TempDir dir;
    const std::string model = boxModel(dir);
    const std::string prefix = tempFilePrefix("out.png");
    const std::string stale = prefix + std::to_string(deadPid()) + "-abc123.tmp";
    const std::string live = prefix + std::to_string(::getpid()) + "-def456.tmp"; // a run still writing
    const std::string otherName = tempFilePrefix("other.png") + std::to_string(deadPid()) + "-ghi789.tmp";
    const std::string notOurs = ".out.png.swp";
    for (const std::string& name : {stale, live, otherName, notOurs}) std::ofstream(dir.path(name)) << "half a file";
    const auto result = screenshot(model, dir.path("out.png"));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_FALSE(fs::exists(dir.path(stale)));
    EXPECT_TRUE(fs::exists(dir.path(live)));
    EXPECT_TRUE(fs::exists(dir.path(otherName))); // another file's leftovers wait for that file's next write
    EXPECT_TRUE(fs::exists(dir.path(notOurs)));
}

TEST(OutputFileTest, UnknownImageNamesAreRefusedNotFilledWithPng) {
    test::TempDir dir;
    Image image;
    image.width = image.height = 2;
    image.rgba.assign(16, 200);
    for (const char* name : {"a.bmp", "a", "a.png.tmp", "a.gif"}) {
        const std::string error = writeImage(dir.path(name), image);
        EXPECT_NE(error.find(".png, .jpg or .jpeg"), std::string::npos) << name << ": " << error;
        EXPECT_FALSE(fs::exists(dir.path(name))) << name;
    }
    EXPECT_EQ(writeImage(dir.path("a.JPG"), image), "");
    EXPECT_EQ(slurp(dir.path("a.JPG")).substr(0, 2), "\xFF\xD8"); // JPEG bytes for a JPEG name
    EXPECT_EQ(writeImage(dir.path("a.png"), image), "");
    EXPECT_EQ(slurp(dir.path("a.png")).substr(1, 3), "PNG");
}

// The handler itself, in a child: a claimed temporary file is gone once SIGTERM or SIGINT ends the
// process, which still dies of that signal; a released claim leaves the (renamed) file alone.
TEST(OutputFileTest, InterruptRemovesTheFileBeingWritten) {
    for (int signal : {SIGTERM, SIGINT, SIGHUP}) {
        test::TempDir dir;
        const std::string temp = dir.path(".out.png.spineviz-1-x.tmp"), kept = dir.path("kept.png");
        const pid_t child = fork();
        if (child == 0) {
            installInterruptCleanup();
            std::ofstream(kept) << "done";
            { TempFileClaim released(kept); }
            std::ofstream(temp) << "partial";
            TempFileClaim claim(temp);
            ::raise(signal);
            _exit(0); // not reached
        }
        int status = 0;
        waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << signal;
        EXPECT_EQ(WTERMSIG(status), signal);
        EXPECT_FALSE(fs::exists(temp)) << signal;
        EXPECT_TRUE(fs::exists(kept)) << signal;
    }
}

// A big render takes seconds; SIGTERM used to wait for it (SDL turned it into a quit event the
// screenshot loop ignored) and the file appeared anyway. Now the run ends at once and leaves nothing.
TEST(OutputFileTest, SigtermEndsALongRunAtOnceLeavingNoFile) {
    test::TempDir dir;
    const std::string model = boxModel(dir), out = dir.path("big.png");
    const pid_t child = fork();
    if (child == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        const std::string exe = spinevizExecutable();
        execl(exe.c_str(), exe.c_str(), "--model", model.c_str(), "--size", "4096x4096", "--screenshot", out.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::seconds(1)); // well into the render (SDL and GL start in ~0.2 s), which takes several
    ::kill(child, SIGTERM);
    const auto sent = std::chrono::steady_clock::now();
    int status = 0;
    while (waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() - sent > std::chrono::seconds(3)) {
            ::kill(child, SIGKILL);
            waitpid(child, &status, 0);
            FAIL() << "still running 3 s after SIGTERM";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(WIFSIGNALED(status)) << "exited with " << WEXITSTATUS(status) << " instead of ending on SIGTERM";
    EXPECT_EQ(WTERMSIG(status), SIGTERM);
    EXPECT_FALSE(fs::exists(out));
    EXPECT_TRUE(hiddenFiles(dir.root()).empty());
}

TEST(OutputFileTest, AnUncaughtExceptionBecomesOneLineAndExitOne) {
    struct Case {
        std::function<int()> body;
        std::string message;
    };
    const std::vector<Case> cases = {
        {[]() -> int { throw std::out_of_range("vector::at"); }, "spineviz: internal error: vector::at\n"},
        {[]() -> int { throw std::bad_alloc(); }, "spineviz: out of memory\n"},
        {[]() -> int { throw 42; }, "spineviz: internal error: unknown exception\n"},
    };
    for (const Case& c : cases) {
        std::FILE* err = std::tmpfile();
        ASSERT_NE(err, nullptr);
        EXPECT_EQ(runGuarded(c.body, err), 1);
        std::rewind(err);
        char text[256] = {};
        const std::size_t n = std::fread(text, 1, sizeof text - 1, err);
        std::fclose(err);
        EXPECT_EQ(std::string(text, n), c.message);
    }
    EXPECT_EQ(runGuarded([] { return 3; }), 3);
}

} // namespace
} // namespace spineviz
