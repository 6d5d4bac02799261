#pragma once
// The last line of defence: an exception nothing else caught becomes one line on stderr and exit
// status 1, instead of std::terminate's abort and core dump. Code must not rely on it: every
// expected failure has its own message; this names the unexpected ones.

#include <cstdio>
#include <functional>

namespace spineviz {

// Runs `body` and returns its status, or prints "spineviz: internal error: ..." to `err` and
// returns 1 if it throws (out of memory gets its own words).
int runGuarded(const std::function<int()>& body, std::FILE* err = stderr);

} // namespace spineviz
