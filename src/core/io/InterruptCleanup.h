#pragma once
// Ending a run with Ctrl-C or `kill` (SIGINT, SIGTERM, SIGHUP) must not leave half-written files
// behind. While a file is being written, its temporary name is claimed here; the signal handler
// removes every claimed file and then lets the signal end the program as it would have (so the
// exit status still says "killed by SIGTERM"). Without installInterruptCleanup() claims are inert.

#include <string>

namespace spineviz {

// Installs the handler for SIGINT, SIGTERM and SIGHUP (call once, before SDL_Init, which then
// leaves these signals alone instead of turning them into a quit event that long work ignores).
void installInterruptCleanup();

// While alive, `path` is removed if one of those signals ends the program. Claim a name before
// creating the file and release it after renaming it away, so no signal falls between a file and
// its claim. Claims are made from one thread; the handler may run on any.
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

} // namespace spineviz
