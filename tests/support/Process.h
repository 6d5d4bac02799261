#pragma once
// Runs the spineviz executable as a user would, capturing exit code and output, with a time limit
// so a hang fails the test instead of stalling the suite.

#include "core/scene/Scene.h"

#include <string>
#include <vector>

namespace spineviz::test {

struct ProcessResult {
    int exitCode = -1;     // -1 if killed by a signal or the time limit
    bool timedOut = false;
    bool crashed = false;  // ended by a signal (segfault, abort)
    std::string out, err;
};

ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args, double timeLimitSeconds = 120.0);

// The spineviz executable under test.
std::string spinevizExecutable();

// Runs spineviz with `args` plus `--screenshot out` and returns the image it wrote (empty, with a
// test failure recorded, if it did not succeed).
Image renderScreenshot(std::vector<std::string> args, const std::string& out);

} // namespace spineviz::test
