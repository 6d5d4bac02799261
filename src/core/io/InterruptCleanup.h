#pragma once
// Ending a run with Ctrl-C or `kill` (SIGINT, SIGTERM, SIGHUP) must not leave half-written files
// behind. While a file is being written, its temporary name is claimed here; the signal handler
// removes every claimed file and then lets the signal end the program as it would have (so the
// exit status still says "killed by SIGTERM"). Without installInterruptCleanup() claims are inert.

#include <csignal>
#include <string>

namespace spineviz {

// Installs the handler for SIGINT, SIGTERM and SIGHUP (call once, before SDL_Init, which then
// leaves these signals alone instead of turning them into a quit event that long work ignores).
void installInterruptCleanup();

// While alive, `path` is removed if one of those signals ends the program. Create and release it
// with the signals blocked (InterruptBlock) so no signal falls between a file and its claim.
class TempFileClaim {
public:
    explicit TempFileClaim(const std::string& path);
    ~TempFileClaim();
    TempFileClaim(const TempFileClaim&) = delete;
    TempFileClaim& operator=(const TempFileClaim&) = delete;
    bool claimed() const { return slot_ >= 0; }

private:
    int slot_ = -1;
};

// Holds SIGINT, SIGTERM and SIGHUP back for its lifetime (they are delivered when it ends).
class InterruptBlock {
public:
    InterruptBlock();
    ~InterruptBlock();
    InterruptBlock(const InterruptBlock&) = delete;
    InterruptBlock& operator=(const InterruptBlock&) = delete;

private:
    sigset_t previous_;
};

} // namespace spineviz
