// main() for every spineviz test binary. It makes headless rendering the default (SDL's offscreen
// driver), so the tests and the spineviz processes they start need no display, whether they are
// run by ctest or by hand. Under the sanitizer preset it also prepares the environment the
// children inherit (see tests/sanitizer/).

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include <unistd.h>

int main(int argc, char** argv) {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    setenv("SDL_AUDIODRIVER", "dummy", 0);
#ifdef SPINEVIZ_SANITIZER_PRELOAD
    setenv("LD_PRELOAD", SPINEVIZ_SANITIZER_PRELOAD, 0);
    setenv("ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=1", 0);
    setenv("LSAN_OPTIONS", "suppressions=" SPINEVIZ_LSAN_SUPPRESSIONS ":print_suppressions=0", 0);
    setenv("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1", 0);
    // Suites that render in their own process (the X-ray GL tests) need the preload too: start
    // again once with it, as the spineviz processes the other suites start do.
    if (!std::getenv("SPINEVIZ_TEST_PRELOADED")) {
        setenv("SPINEVIZ_TEST_PRELOADED", "1", 1);
        execv("/proc/self/exe", argv);
        std::perror("spineviz tests: cannot restart with the sanitizer preload");
        return 1;
    }
#endif
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
