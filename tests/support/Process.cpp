#include "Process.h"

#include "core/io/ImageFile.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace spineviz::test {
namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

std::string spinevizExecutable() { return SPINEVIZ_EXECUTABLE; }

Image renderScreenshot(std::vector<std::string> args, const std::string& out) {
    args.insert(args.end(), {"--screenshot", out});
    const ProcessResult result = runProcess(spinevizExecutable(), args);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    std::string error;
    Image image = readImage(out, error);
    EXPECT_TRUE(error.empty()) << error;
    return image;
}

ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args, double timeLimitSeconds) {
    ProcessResult result;
    char outTemplate[] = "/tmp/spineviz-test-out-XXXXXX";
    char errTemplate[] = "/tmp/spineviz-test-err-XXXXXX";
    const int outFd = mkstemp(outTemplate), errFd = mkstemp(errTemplate);
    std::vector<std::string> argv{program};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargs;
    for (std::string& a : argv) cargs.push_back(a.data());
    cargs.push_back(nullptr);

    const pid_t pid = fork();
    if (pid == 0) {
        dup2(outFd, 1);
        dup2(errFd, 2);
        execv(program.c_str(), cargs.data());
        _exit(127);
    }
    close(outFd);
    close(errFd);
    const auto start = std::chrono::steady_clock::now();
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > timeLimitSeconds) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            result.timedOut = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (!result.timedOut && WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
    result.crashed = !result.timedOut && WIFSIGNALED(status);
    result.out = slurp(outTemplate);
    result.err = slurp(errTemplate);
    unlink(outTemplate);
    unlink(errTemplate);
    return result;
}

} // namespace spineviz::test
