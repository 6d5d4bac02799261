#include "app/CommandLine.h"

#include "core/anatomy/SpineLevels.h"

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

template <typename T, typename Name>
std::string joinNames(const T& values, Name name) {
    std::string out;
    for (const auto& v : values) out += std::string(out.empty() ? "" : "|") + name(v);
    return out;
}

std::string phaseNames(Procedure procedure) {
    return joinNames(phasesOf(procedure), [](PhaseId id) { return std::string(phaseName(id)); });
}

std::string levelNames() {
    std::string out;
    for (std::string_view level : kVertebraLevels)
        if (isTreatableLevel(std::string(level))) out += std::string(out.empty() ? "" : "|") + std::string(level);
    return out;
}

// Turns the procedure options' text into values; throws CLI::ValidationError naming the option.
void parseProcedureOptions(const std::string& procedure, const std::string& level, const std::string& morphology,
                           const std::string& access, const std::string& phase, CommandLine& options) {
    const auto invalid = [](const char* option, const std::string& value, const std::string& allowed) {
        return CLI::ValidationError(option, "'" + value + "' is not one of " + allowed);
    };
    if (!procedure.empty()) {
        const auto p = parseProcedure(procedure);
        if (!p) throw invalid("--procedure", procedure, "kyphoplasty|vertebroplasty");
        options.procedure.procedure = *p;
    }
    if (!level.empty()) {
        if (!isTreatableLevel(level)) throw invalid("--level", level, levelNames());
        options.procedure.level = level;
    }
    if (!morphology.empty()) {
        const auto m = parseMorphology(morphology);
        if (!m) throw invalid("--morphology", morphology, "wedge|biconcave|crush");
        options.procedure.morphology = *m;
    }
    if (!access.empty()) {
        const auto a = parseAccess(access);
        if (!a) throw invalid("--access", access, "bilateral|unilateral");
        options.procedure.access = *a;
    }
    if (!phase.empty()) {
        const auto id = parsePhase(phase);
        if (!id || !procedureHasPhase(options.procedure.procedure, *id))
            throw CLI::ValidationError("--phase", "'" + phase + "' is not a step of " + procedureName(options.procedure.procedure) +
                                                      "; steps: " + phaseNames(options.procedure.procedure));
        options.phase = id;
    }
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
                 "Keys: F frame all, F11 fullscreen, Esc leave fullscreen, H hide/show the panels, F12 screenshot,\n"
                 "X X-ray views, L live fluoroscopy on/off, S single X-ray shot.",
                 "spineviz");
    app.get_formatter()->column_width(34);
    CommandLine options;
    std::string size, view;
    app.add_option("--model", options.modelPath, "glTF 2.0 model (.glb or .gltf) to show [default: the bundled models/spine.glb]")
        ->type_name("PATH");
    app.add_option("--size", size, "window (and screenshot) size in pixels")->type_name("WxH");
    app.add_flag("--fullscreen", options.fullscreen, "start fullscreen (F11 toggles, Esc leaves)");
    app.add_option("--screenshot", options.screenshotPath, "render one frame, write it as PNG (JPEG if OUT ends in .jpg) and exit (works headless)")
        ->type_name("OUT.png");
    app.add_option("--view", view, "camera preset: " + viewNames())->type_name("NAME");
    app.add_option("--benchmark", options.benchmarkFrames,
                   "render N frames, print frame-time median/p95/p99 and fps, and exit")
        ->type_name("N")->check(CLI::Range(1, 1000000));
    app.add_flag("--hide-ui", options.hideUi, "start with the panels hidden (H shows them)");
    app.add_option("--ui-scale", options.uiScale, "UI scale on top of the display's (0.5 to 4)")
        ->type_name("S")->check(CLI::Range(0.5f, 4.0f));
    std::string procedure, level, morphology, access, phase, audience;
    auto* group = "Procedure";
    app.add_option("--procedure", procedure, "kyphoplasty|vertebroplasty [default: kyphoplasty]")->type_name("NAME")->group(group);
    app.add_option("--level", level, "treated vertebra, T5 to L5 [default: L1]")->type_name("LEVEL")->group(group);
    app.add_option("--grade", options.procedure.grade, "Genant grade of the fracture: 1|2|3 [default: 2]")
        ->type_name("N")->check(CLI::IsMember({1, 2, 3}))->group(group);
    app.add_option("--morphology", morphology, "fracture shape: wedge|biconcave|crush [default: wedge]")->type_name("SHAPE")->group(group);
    app.add_option("--access", access, "bilateral|unilateral [default: bilateral]")->type_name("SIDE")->group(group);
    std::string fractureAge;
    app.add_option("--fracture-age", fractureAge, "acute (fresh, mobile) or chronic (healed, set): how much height can come back [default: acute]")
        ->type_name("AGE")->group(group);
    app.add_option("--phase", phase, "start at this step: " + phaseNames(Procedure::Kyphoplasty) + " (vertebroplasty has no drilling, balloon, inflation or deflation)")
        ->type_name("NAME")->group(group);
    app.add_option("--progress", options.progress, "how far through that step, 0 to 1 [default: 0]")
        ->type_name("F")->check(CLI::Range(0.0, 1.0))->group(group);
    app.add_option("--seed", options.procedure.seed, "case number: varies the fracture and the fill within their clinical ranges")
        ->type_name("N")->group(group);
    auto* cutaway = app.add_flag("--cutaway", options.cutaway, "show the treated body cut open")->group(group);
    app.add_flag("--ghost", options.ghost, "show the treated vertebra as a see-through shell")->group(group)->excludes(cutaway);
    app.add_option("--audience", audience, "clinician|patient: which words the captions use [default: clinician]")
        ->type_name("WHO")->group(group);
    app.add_flag("--labels", options.labels, "name the parts of the treated vertebra in the 3D view")->group(group);
    std::string cement, bone;
    float injectionStart = 0.0f, cementVolume = 0.0f;
    auto* cementGroup = "Cement";
    app.add_option("--cement", cement, "low|high viscosity PMMA [default: high for kyphoplasty, low for vertebroplasty]")
        ->type_name("KIND")->group(cementGroup);
    auto* start = app.add_option("--injection-start", injectionStart, "minutes after mixing when injection starts; earlier is runnier [default: 4]")
        ->type_name("MIN")->check(CLI::Range(1.0f, 12.0f))->group(cementGroup);
    auto* volume = app.add_option("--cement-volume", cementVolume, "millilitres to inject [default: about a fifth of the body]")
        ->type_name("ML")->check(CLI::Range(0.5f, 12.0f))->group(cementGroup);
    app.add_option("--flow-rate", options.cement.flowMlPerMinute, "injection rate in mL/min [default: 4]")
        ->type_name("ML/MIN")->check(CLI::Range(0.5f, 20.0f))->group(cementGroup);
    app.add_option("--bone", bone, "bone quality: osteoporotic|osteopenic|normal [default: osteoporotic]")
        ->type_name("QUALITY")->group(cementGroup);
    app.add_flag("--measurements", options.measurements, "print that moment's measurements as one JSON object and exit")->group(group);
    std::string fluoro;
    auto* xrayGroup = "Fluoroscopy";
    app.add_option("--fluoro", fluoro,
                   std::string("open the simulated C-arm X-ray views: ") + xray::fluoroChoiceNames() +
                       "; with --screenshot OUT.png also writes each view as OUT-ap.png, OUT-lateral.png (or OUT-owl-left.png ...)")
        ->type_name("VIEWS")->group(xrayGroup);
    app.add_option("--fluoro-size", options.fluoroSize, "X-ray image size in pixels, square [default: 512]")
        ->type_name("N")->check(CLI::Range(64, 2048))->group(xrayGroup);
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
        parseProcedureOptions(procedure, level, morphology, access, phase, options);
        if (!cement.empty()) {
            options.cement.cement = parseCementKind(cement);
            if (!options.cement.cement) throw CLI::ValidationError("--cement", "'" + cement + "' is not one of low|high");
        }
        if (!bone.empty()) {
            const auto quality = parseBoneQuality(bone);
            if (!quality) throw CLI::ValidationError("--bone", "'" + bone + "' is not one of osteoporotic|osteopenic|normal");
            options.cement.bone = *quality;
        }
        if (!fractureAge.empty()) {
            const auto age = parseFractureAge(fractureAge);
            if (!age) throw CLI::ValidationError("--fracture-age", "'" + fractureAge + "' is not one of acute|chronic");
            options.procedure.age = *age;
        }
        if (start->count() > 0) options.cement.injectionStartMinutes = injectionStart;
        if (volume->count() > 0) options.cement.volumeTargetMl = cementVolume;
        if (!audience.empty() && audience != "clinician" && audience != "patient")
            throw CLI::ValidationError("--audience", "'" + audience + "' is not one of clinician|patient");
        options.patientAudience = audience == "patient";
        if (!fluoro.empty()) {
            options.fluoro = xray::parseFluoroChoice(fluoro);
            if (!options.fluoro)
                throw CLI::ValidationError("--fluoro", "'" + fluoro + "' is not one of " + xray::fluoroChoiceNames());
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
