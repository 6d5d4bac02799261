// spineviz: an interactive real-time 3D visualiser of balloon kyphoplasty and vertebroplasty.
#include "app/App.h"
#include "app/CommandLine.h"
#include "app/TopLevel.h"
#include "core/io/InterruptCleanup.h"

#include <SDL.h>

#include <cstdio>

int main(int argc, char** argv) {
    // Ctrl-C and kill end the run at once, whatever it is doing, and remove any half-written file;
    // SDL must not take these signals over (it would turn them into a quit event long work ignores).
    spineviz::installInterruptCleanup();
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    return spineviz::runGuarded([&] {
        spineviz::ParseOutcome parsed = spineviz::parseCommandLine(argc, argv);
        if (!parsed.options) {
            std::fputs(parsed.output.c_str(), parsed.exitCode == 0 ? stdout : stderr);
            return parsed.exitCode;
        }
        spineviz::App app(std::move(*parsed.options));
        return app.run();
    });
}
