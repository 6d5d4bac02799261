#include "app/CommandLineValues.h"

#include "app/OptionValues.h"
#include "app/ScreenshotPath.h"
#include "core/anatomy/SpineLevels.h"
#include "core/sim/CementRheology.h"

#include <cmath>
#include <cstdio>
#include <optional>

namespace spineviz {
namespace {

constexpr int kMinSide = 64, kMaxSide = 16384;

template <typename T, typename Name>
std::string joinNames(const T& values, Name name) {
    std::string out;
    for (const auto& v : values) out += std::string(out.empty() ? "" : "|") + name(v);
    return out;
}

// A name from a fixed list: parse(text) must give a value.
template <typename Parse>
auto namedOption(const OptionTexts& t, const std::string& option, const std::string& allowed, Parse parse) {
    const std::string& text = t.of(option);
    auto value = parse(text);
    if (!value) throwOptionError(option, text, text.empty() ? "empty" : "not a choice", allowed);
    return *value;
}

// "1920x1080" -> (1920, 1080).
void convertSize(const std::string& text, CommandLine& o) {
    const std::string allowed = "WIDTHxHEIGHT, each " + std::to_string(kMinSide) + " to " + std::to_string(kMaxSide) + " pixels, e.g. 1920x1080";
    const std::size_t x = text.find_first_of("xX");
    if (text.empty()) throwOptionError("--size", text, "empty", allowed);
    if (x == std::string::npos) throwOptionError("--size", text, "not a size", allowed);
    try {
        o.width = int(wholeNumberOption("--size", text.substr(0, x), kMinSide, kMaxSide, allowed));
        o.height = int(wholeNumberOption("--size", text.substr(x + 1), kMinSide, kMaxSide, allowed));
    } catch (const OptionError&) {
        throwOptionError("--size", text, "not a size in range", allowed); // name the whole value, not half of it
    }
    o.sizeGiven = true;
}

void convertProcedure(const OptionTexts& t, CommandLine& o) {
    ProcedureOptions& p = o.procedure;
    if (t.has("--procedure")) p.procedure = namedOption(t, "--procedure", "kyphoplasty|vertebroplasty", parseProcedure);
    if (t.has("--fracture-age")) p.age = namedOption(t, "--fracture-age", "acute|chronic", parseFractureAge);
    if (t.has("--level"))
        p.level = namedOption(t, "--level", levelNames(), [](const std::string& s) { return isTreatableLevel(s) ? std::optional<std::string>(s) : std::nullopt; });
    if (t.has("--grade")) p.grade = int(wholeNumberOption("--grade", t.of("--grade"), 1, 3, "1|2|3"));
    if (t.has("--morphology")) p.morphology = namedOption(t, "--morphology", "wedge|biconcave|crush", parseMorphology);
    if (t.has("--access")) p.access = namedOption(t, "--access", "bilateral|unilateral", parseAccess);
    if (t.has("--seed")) p.seed = std::uint32_t(wholeNumberOption("--seed", t.of("--seed"), 0, 4294967295LL));
    if (t.has("--phase")) {
        const std::string allowed = phaseNames(p.procedure);
        const PhaseId id = namedOption(t, "--phase", allowed, parsePhase);
        if (!procedureHasPhase(p.procedure, id))
            throwOptionError("--phase", t.of("--phase"), std::string("not a step of ") + procedureName(p.procedure), allowed);
        o.phase = id;
    }
    if (t.has("--progress")) o.progress = decimalOption("--progress", t.of("--progress"), 0.0, 1.0);
    if (t.has("--audience"))
        o.patientAudience = namedOption(t, "--audience", "clinician|patient", [](const std::string& s) {
            return s == "clinician" || s == "patient" ? std::optional<bool>(s == "patient") : std::nullopt;
        });
}

// Cement that has set by the start of the injection would give a 0 mL fill; one minute before it
// sets is the latest start that still injects (the default 4 min is well inside either cement).
void checkInjectionStart(const CommandLine& o, const std::string& text) {
    const CementKind kind = o.cement.cementFor(o.procedure.procedure);
    const float latest = std::floor(CementRheology::of(kind).setMinutes() + 0.01f) - 1.0f;
    if (*o.cement.injectionStartMinutes <= latest) return;
    const auto latestFor = [](CementKind k) { return std::floor(CementRheology::of(k).setMinutes() + 0.01f) - 1.0f; };
    char allowed[160];
    std::snprintf(allowed, sizeof allowed, "1 to %g minutes for low-viscosity cement, 1 to %g for high-viscosity",
                  double(latestFor(CementKind::LowViscosity)), double(latestFor(CementKind::HighViscosity)));
    char reason[160];
    std::snprintf(reason, sizeof reason, "%s cement sets about %.0f minutes after mixing, so nothing would be injected",
                  cementKindName(kind), double(CementRheology::of(kind).setMinutes()));
    throwOptionError("--injection-start", text, reason, allowed);
}

void convertCement(const OptionTexts& t, CommandLine& o) {
    CementOptions& c = o.cement;
    if (t.has("--cement")) c.cement = namedOption(t, "--cement", "low|high", parseCementKind);
    if (t.has("--bone")) c.bone = namedOption(t, "--bone", "osteoporotic|osteopenic|normal", parseBoneQuality);
    if (t.has("--injection-start")) {
        c.injectionStartMinutes = float(decimalOption("--injection-start", t.of("--injection-start"), 1.0, 12.0));
        checkInjectionStart(o, t.of("--injection-start"));
    }
    if (t.has("--cement-volume")) c.volumeTargetMl = float(decimalOption("--cement-volume", t.of("--cement-volume"), 0.5, 12.0));
    if (t.has("--flow-rate")) c.flowMlPerMinute = float(decimalOption("--flow-rate", t.of("--flow-rate"), 0.5, 20.0));
}

// "--screenshot 'x.png' cannot be combined with --measurements; allowed: ..." (flags have no value).
[[noreturn]] void throwConflict(const OptionTexts& t, const std::string& option, const std::string& other, const std::string& allowed) {
    const std::string value = t.text.count(option) ? " '" + t.of(option) + "'" : "";
    throw OptionError(option + value + ": cannot be combined with " + other + "; allowed: " + allowed);
}

// --measurements, --screenshot and --benchmark each end the run their own way: one at a time.
void checkConflicts(const OptionTexts& t) {
    const char* modes[] = {"--measurements", "--screenshot", "--benchmark", "--score"};
    const char* first = nullptr;
    for (const char* mode : modes) {
        if (!t.has(mode)) continue;
        if (first) throwConflict(t, mode, first, "one of --measurements, --screenshot OUT, --benchmark N, --score");
        first = mode;
    }
    if (t.has("--cutaway") && t.has("--ghost")) throwConflict(t, "--ghost", "--cutaway", "one of --cutaway, --ghost");
    // Scoring an attempt is the access alone: no step, no X-ray views, not the app's practice mode.
    if (t.has("--score"))
        for (const char* other : {"--trainee", "--phase", "--progress", "--fluoro"})
            if (t.has(other)) throwConflict(t, other, "--score", "--score with the case's options (--level, --procedure, --model)");
    if (t.has("--trainee") && t.has("--measurements"))
        throwConflict(t, "--trainee", "--measurements", "one of --trainee, --measurements");
}

// Practice mode: a plan to score (--score) or to look back on (--trainee).
void convertPractice(const OptionTexts& t, CommandLine& o) {
    o.levelGiven = t.has("--level");
    if (t.has("--score") && !t.has("--trainee-plan"))
        throw OptionError("--score: needs --trainee-plan FILE|ideal, the attempt to score");
    if (!t.has("--trainee-plan")) return;
    o.traineePlan = t.of("--trainee-plan");
    if (o.traineePlan.empty()) throwOptionError("--trainee-plan", "", "empty", "a plan file (docs/trainee.md) or ideal");
    if (!o.score && !o.trainee)
        throw OptionError("--trainee-plan '" + o.traineePlan +
                          "': needs --score (print the report) or --trainee (look back on the attempt in the app)");
}

} // namespace

std::string levelNames() {
    std::string out;
    for (std::string_view level : kVertebraLevels)
        if (isTreatableLevel(std::string(level))) out += std::string(out.empty() ? "" : "|") + std::string(level);
    return out;
}

std::string phaseNames(Procedure procedure) {
    return joinNames(phasesOf(procedure), [](PhaseId id) { return std::string(phaseName(id)); });
}

std::string viewNames() {
    return joinNames(kAllViewPresets, [](ViewPreset p) { return std::string(viewPresetName(p)); });
}

void convertOptionTexts(const OptionTexts& t, CommandLine& o) {
    checkConflicts(t);
    if (t.has("--model")) {
        o.modelPath = t.of("--model");
        if (o.modelPath.empty()) throwOptionError("--model", "", "empty", "a .glb or .gltf file");
    }
    if (t.has("--size")) convertSize(t.of("--size"), o);
    if (t.has("--screenshot")) {
        checkScreenshotName(t.of("--screenshot"));
        o.screenshotPath = t.of("--screenshot");
    }
    if (t.has("--view")) o.view = namedOption(t, "--view", viewNames(), parseViewPreset);
    if (t.has("--benchmark")) o.benchmarkFrames = int(wholeNumberOption("--benchmark", t.of("--benchmark"), 1, 1000000));
    if (t.has("--ui-scale")) o.uiScale = float(decimalOption("--ui-scale", t.of("--ui-scale"), 0.5, 4.0));
    convertProcedure(t, o);
    convertCement(t, o);
    if (t.has("--fluoro")) o.fluoro = namedOption(t, "--fluoro", xray::fluoroChoiceNames(), xray::parseFluoroChoice);
    if (t.has("--fluoro-size")) o.fluoroSize = int(wholeNumberOption("--fluoro-size", t.of("--fluoro-size"), 64, 2048));
    convertPractice(t, o);
}

} // namespace spineviz
