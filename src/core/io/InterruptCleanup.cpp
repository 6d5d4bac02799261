#include "core/io/InterruptCleanup.h"

#include <atomic>
#include <climits>
#include <csignal>
#include <cstring>
#include <pthread.h>
#include <unistd.h>

namespace spineviz {
namespace {

constexpr int kSlots = 8;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// Read by the signal handler: only fixed buffers and lock-free atomic flags (safe in a handler on
// any thread), nothing that allocates.
char claimedPaths[kSlots][PATH_MAX];
std::atomic<int> claimedUsed[kSlots];
static_assert(std::atomic<int>::is_always_lock_free);

void writeText(const char* text) {
    const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
    (void)ignored;
}

extern "C" void removeClaimedFilesAndStop(int signal) {
    for (int i = 0; i < kSlots; ++i)
        if (claimedUsed[i].load(std::memory_order_acquire)) ::unlink(claimedPaths[i]);
    writeText(signal == SIGINT ? "spineviz: interrupted\n" : signal == SIGTERM ? "spineviz: terminated\n" : "spineviz: hung up\n");
    // Die of the same signal, so whoever started us sees how we ended.
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(signal, &dfl, nullptr);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signal);
    pthread_sigmask(SIG_UNBLOCK, &unblock, nullptr);
    raise(signal);
    _exit(128 + signal); // not reached
}

} // namespace

void installInterruptCleanup() {
    struct sigaction action {};
    action.sa_handler = removeClaimedFilesAndStop;
    sigemptyset(&action.sa_mask);
    for (int s : kSignals) sigaddset(&action.sa_mask, s); // one handler at a time
    for (int s : kSignals) {
        struct sigaction old {};
        sigaction(s, nullptr, &old);
        if (old.sa_handler == SIG_IGN) continue; // started with the signal ignored (nohup): keep it so
        sigaction(s, &action, nullptr);
    }
}

TempFileClaim::TempFileClaim(const std::string& path) {
    if (path.size() >= PATH_MAX) return;
    for (int i = 0; i < kSlots; ++i) {
        if (claimedUsed[i].load(std::memory_order_relaxed)) continue;
        std::memcpy(claimedPaths[i], path.c_str(), path.size() + 1);
        claimedUsed[i].store(1, std::memory_order_release);
        slot_ = i;
        return;
    }
}

TempFileClaim::~TempFileClaim() {
    if (slot_ >= 0) claimedUsed[slot_].store(0, std::memory_order_release);
}

} // namespace spineviz
