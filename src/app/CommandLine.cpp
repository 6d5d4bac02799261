#include "app/CommandLine.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <sstream>

#ifndef SPINEVIZ_VERSION
#define SPINEVIZ_VERSION "unknown"
#endif

namespace spineviz {
namespace {

constexpr int kMinSide = 64, kMaxSide = 16384;

// "1920x1080" -> (1920, 1080); an error message otherwise.
std::string parseSize(const std::string& text, int& width, int& height) {
    const std::size_t x = text.find_first_of("xX");
    const auto number = [](const std::string& s, int& out) {
        if (s.empty() || s.size() > 6 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        out = std::stoi(s);
        return true;
    };
    if (x == std::string::npos || !number(text.substr(0, x), width) || !number(text.substr(x + 1), height))
        return "expected WIDTHxHEIGHT in pixels, e.g. 1920x1080 (got '" + text + "')";
    if (width < kMinSide || height < kMinSide || width > kMaxSide || height > kMaxSide)
        return "each side must be between " + std::to_string(kMinSide) + " and " + std::to_string(kMaxSide) +
               " pixels (got '" + text + "')";
    return "";
}

std::string viewNames() {
    std::string names;
    for (ViewPreset preset : kAllViewPresets) names += std::string(names.empty() ? "" : "|") + viewPresetName(preset);
    return names;
}

} // namespace

ParseOutcome parseCommandLine(const std::vector<std::string>& args) {
    CLI::App app("spineviz: an interactive 3D visualiser of balloon kyphoplasty and vertebroplasty.\n"
                 "Drag with the left button to orbit, the right or middle button to pan, the wheel to zoom.\n"
                 "Keys: F frame all, F11 fullscreen, Esc leave fullscreen, H hide/show the panels, F12 screenshot.",
                 "spineviz");
    app.get_formatter()->column_width(34);
    CommandLine options;
    std::string size, view;
    app.add_option("--model", options.modelPath, "glTF 2.0 model (.glb or .gltf) to show [default: the bundled models/spine.glb]")
        ->type_name("PATH");
    app.add_option("--size", size, "window (and screenshot) size in pixels")->type_name("WxH");
    app.add_flag("--fullscreen", options.fullscreen, "start fullscreen (F11 toggles, Esc leaves)");
    app.add_option("--screenshot", options.screenshotPath, "render one frame, write it as PNG and exit (works headless)")
        ->type_name("OUT.png");
    app.add_option("--view", view, "camera preset: " + viewNames())->type_name("NAME");
    app.add_option("--benchmark", options.benchmarkFrames,
                   "render N frames, print frame-time median/p95/p99 and fps, and exit")
        ->type_name("N")->check(CLI::Range(1, 1000000));
    app.add_flag("--hide-ui", options.hideUi, "start with the panels hidden (H shows them)");
    app.add_option("--ui-scale", options.uiScale, "UI scale on top of the display's (0.5 to 4)")
        ->type_name("S")->check(CLI::Range(0.5f, 4.0f));
    app.set_version_flag("--version", std::string("spineviz ") + SPINEVIZ_VERSION);

    ParseOutcome outcome;
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 consumes from the back
    try {
        app.parse(reversed);
        if (!size.empty()) {
            const std::string error = parseSize(size, options.width, options.height);
            if (!error.empty()) throw CLI::ValidationError("--size", error);
            options.sizeGiven = true;
        }
        if (!view.empty()) {
            options.view = parseViewPreset(view);
            if (!options.view) throw CLI::ValidationError("--view", "unknown view '" + view + "'; choose one of " + viewNames());
        }
    } catch (const CLI::Success& success) {
        std::ostringstream out, err;
        app.exit(success, out, err);
        outcome.output = out.str();
        outcome.exitCode = 0;
        return outcome;
    } catch (const CLI::Error& error) {
        outcome.output = std::string("spineviz: ") + error.what() + "\nRun 'spineviz --help' for the options.\n";
        outcome.exitCode = 2;
        return outcome;
    }
    outcome.options = options;
    return outcome;
}

ParseOutcome parseCommandLine(int argc, char** argv) {
    return parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
}

} // namespace spineviz
