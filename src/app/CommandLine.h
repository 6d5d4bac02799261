#pragma once
// The command line: every option spineviz takes, parsed into plain values. Bad input gives a
// message naming the option and exit code 2; --help and --version exit 0.

#include "core/camera/ViewPreset.h"
#include "core/procedure/Phase.h"
#include "core/procedure/ProcedureOptions.h"
#include "core/sim/CementOptions.h"
#include "core/xray/FluoroSession.h"

#include <optional>
#include <string>
#include <vector>

namespace spineviz {

struct CommandLine {
    std::string modelPath;             // empty: the bundled models/spine.glb
    int width = 1600, height = 900;
    bool sizeGiven = false;
    bool fullscreen = false;
    std::string screenshotPath;        // render, write, exit
    std::optional<ViewPreset> view;
    int benchmarkFrames = 0;           // 0: no benchmark
    bool hideUi = false;
    float uiScale = 0.0f;              // 0: from the display

    // The procedure shown.
    ProcedureOptions procedure;
    std::optional<PhaseId> phase;      // start at this phase...
    double progress = 0.0;             // ...this far through it (0..1)
    bool cutaway = false;              // open the treated body along a section plane
    bool ghost = false;                // show the treated vertebra as a see-through shell
    bool measurements = false;         // print the measurements as JSON and exit
    bool patientAudience = false;      // captions and panels for a patient
    bool labels = false;               // name the parts of the treated vertebra
    bool learn = false;                // open the Learn guide
    bool loop = false;                 // the waiting-room loop: from the beginning, slowly, over and over
    CementOptions cement;              // the injection: cement, timing, volume, flow, bone
    bool levelGiven = false;           // --level was on the command line

    // Practice mode (docs/trainee.md).
    bool trainee = false;              // the trainee places the needle
    std::string traineePlan;           // a plan file to score, or "ideal" (the landmarks' own path)
    bool score = false;                // score traineePlan without a window, print the report as JSON

    // Simulated fluoroscopy (docs/fluoroscopy.md).
    std::optional<xray::FluoroChoice> fluoro; // X-ray views to open; with --screenshot OUT.png also OUT-<view>.png
    int fluoroSize = 512;                     // X-ray image side, pixels
};

struct ParseOutcome {
    std::optional<CommandLine> options; // set when the app should run
    int exitCode = 0;                   // when not running: 0 for --help/--version, 2 for errors
    std::string output;                 // text to print (help, version or the error)
};

ParseOutcome parseCommandLine(const std::vector<std::string>& args); // args exclude the program name
ParseOutcome parseCommandLine(int argc, char** argv);

} // namespace spineviz
