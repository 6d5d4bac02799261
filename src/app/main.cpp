// spineviz: an interactive real-time 3D visualiser of balloon kyphoplasty and vertebroplasty.
#include "app/App.h"
#include "app/CommandLine.h"

#include <cstdio>

int main(int argc, char** argv) {
    spineviz::ParseOutcome parsed = spineviz::parseCommandLine(argc, argv);
    if (!parsed.options) {
        std::fputs(parsed.output.c_str(), parsed.exitCode == 0 ? stdout : stderr);
        return parsed.exitCode;
    }
    spineviz::App app(std::move(*parsed.options));
    return app.run();
}
