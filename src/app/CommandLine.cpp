#include "app/CommandLine.h"

#include "app/CommandLineValues.h"
#include "app/OptionValues.h"

#include <CLI/CLI.hpp>

#include <sstream>

#ifndef SPINEVIZ_VERSION
#define SPINEVIZ_VERSION "unknown"
#endif

namespace spineviz {

ParseOutcome parseCommandLine(const std::vector<std::string>& args) {
    CLI::App app("spineviz: an interactive 3D visualiser of balloon kyphoplasty and vertebroplasty.\n"
                 "Drag with the left button to orbit, the right or middle button to pan, the wheel to zoom.\n"
                 "Keys: F frame all, F11 fullscreen, Esc leave fullscreen, H hide/show the panels, F12 screenshot,\n"
                 "X X-ray views, L live fluoroscopy on/off, S single X-ray shot.",
                 "spineviz");
    app.get_formatter()->column_width(34);
    CommandLine options;
    // Every value is taken as text and converted strictly afterwards (CommandLineValues.h), so that
    // "nan", "" or "2.0" get the same clear refusal whatever the option.
    OptionTexts texts;
    std::vector<CLI::Option*> all;
    const auto value = [&](const std::string& name, const std::string& help, const std::string& type, const char* group = nullptr) {
        CLI::Option* option = app.add_option(name, texts.text[name], help)->type_name(type);
        if (group) option->group(group);
        all.push_back(option);
        return option;
    };
    const auto flag = [&](const std::string& name, bool& target, const std::string& help, const char* group = nullptr) {
        CLI::Option* option = app.add_flag(name, target, help);
        if (group) option->group(group);
        all.push_back(option);
        return option;
    };
    value("--model", "glTF 2.0 model (.glb or .gltf) to show [default: the bundled models/spine.glb]", "PATH");
    value("--size", "window (and screenshot) size in pixels, each side 64 to 16384", "WxH");
    flag("--fullscreen", options.fullscreen, "start fullscreen (F11 toggles, Esc leaves)");
    value("--screenshot", "render one frame, write it as PNG (.png) or JPEG (.jpg, .jpeg) and exit (works headless)", "OUT.png");
    value("--view", "camera preset: " + viewNames(), "NAME");
    value("--benchmark", "render N frames (1 to 1000000), print frame-time median/p95/p99 and fps, and exit", "N");
    flag("--hide-ui", options.hideUi, "start with the panels hidden (H shows them)");
    value("--ui-scale", "UI size factor on top of the size that follows the window's height (0.5 to 4)", "S");
    const char* group = "Procedure";
    value("--procedure", "kyphoplasty|vertebroplasty [default: kyphoplasty]", "NAME", group);
    value("--level", "treated vertebra, T5 to L5 [default: L1]", "LEVEL", group);
    value("--grade", "Genant grade of the fracture: 1|2|3 [default: 2]", "N", group);
    value("--morphology", "fracture shape: wedge|biconcave|crush [default: wedge]", "SHAPE", group);
    value("--access", "bilateral|unilateral [default: bilateral]", "SIDE", group);
    value("--fracture-age", "acute (fresh, mobile) or chronic (healed, set): how much height can come back [default: acute]", "AGE", group);
    value("--phase", "start at this step: " + phaseNames(Procedure::Kyphoplasty) + " (vertebroplasty has no drilling, balloon, inflation or deflation)",
          "NAME", group);
    value("--progress", "how far through that step, 0 to 1 [default: 0]", "F", group);
    value("--seed", "case number, 0 to 4294967295: varies the fracture and the fill within their clinical ranges", "N", group);
    flag("--cutaway", options.cutaway, "show the treated body cut open", group);
    flag("--ghost", options.ghost, "show the treated vertebra as a see-through shell (not with --cutaway)", group);
    value("--audience", "clinician|patient: which words the captions use [default: clinician]", "WHO", group);
    flag("--labels", options.labels, "name the parts of the treated vertebra in the 3D view", group);
    flag("--learn", options.learn, "open the Learn guide (for a patient: the guide to the treatment)", group);
    flag("--loop", options.loop, "waiting-room loop: play from the beginning, slowly, over and over (A toggles)", group);
    flag("--measurements", options.measurements, "print that moment's measurements as one JSON object and exit", group);
    const char* cementGroup = "Cement";
    value("--cement", "low|high viscosity PMMA [default: high for kyphoplasty, low for vertebroplasty]", "KIND", cementGroup);
    value("--injection-start", "minutes after mixing when injection starts, 1 to 10 for low-viscosity cement, 1 to 12 for high; earlier is runnier [default: 4]",
          "MIN", cementGroup);
    value("--cement-volume", "millilitres to inject, 0.5 to 12 [default: about a fifth of the body]", "ML", cementGroup);
    value("--flow-rate", "injection rate in mL/min, 0.5 to 20 [default: 4]", "ML/MIN", cementGroup);
    value("--bone", "bone quality: osteoporotic|osteopenic|normal [default: osteoporotic]", "QUALITY", cementGroup);
    const char* xrayGroup = "Fluoroscopy";
    value("--fluoro",
          std::string("open the simulated C-arm X-ray views: ") + xray::fluoroChoiceNames() +
              "; with --screenshot OUT.png also writes each view as OUT-ap.png, OUT-lateral.png (or OUT-owl-left.png ...)",
          "VIEWS", xrayGroup);
    value("--fluoro-size", "X-ray image size in pixels, square, 64 to 2048 [default: 512]", "N", xrayGroup);
    const char* practiceGroup = "Practice";
    flag("--trainee", options.trainee,
         "practice mode: you place the needle under fluoroscopy and are scored; with --trainee-plan, look back on that attempt",
         practiceGroup);
    value("--trainee-plan", "an access attempt: a plan file (docs/trainee.md) or 'ideal' (the landmarks' own path); with --score or --trainee",
          "FILE|ideal", practiceGroup);
    flag("--score", options.score, "with --trainee-plan: print the attempt's score report as JSON and exit", practiceGroup);
    app.set_version_flag("--version", std::string("spineviz ") + SPINEVIZ_VERSION);

    ParseOutcome outcome;
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 consumes from the back
    try {
        app.parse(reversed);
        for (const CLI::Option* option : all)
            if (option->count() > 0) texts.given.insert(option->get_name());
        convertOptionTexts(texts, options);
    } catch (const CLI::Success& success) {
        std::ostringstream out, err;
        app.exit(success, out, err);
        outcome.output = out.str();
        outcome.exitCode = 0;
        return outcome;
    } catch (const CLI::Error& error) {
        outcome.output = std::string("spineviz: ") + error.what() + " (spineviz --help lists the options)\n";
        outcome.exitCode = 2;
        return outcome;
    } catch (const OptionError& error) {
        outcome.output = std::string("spineviz: ") + error.what() + "\n";
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
