// libFuzzer target for the procedure options on the --measurements path: the input is a command
// line, one argument per line (an empty line is an empty argument). It goes through the real parser
// (src/app/CommandLine.cpp) and, when that accepts it with --measurements, through the same session
// set-up the app uses (src/app/SessionSetup.cpp) on the bundled spine model, the cement simulated.
// Aborts (a finding) when:
// - a refusal is not exit 2 with one "spineviz: ..." line, or help/version not exit 0;
// - the parser accepts a case the procedure then refuses (the command line must check it first);
// - a measurement is not finite, a height is not positive, or the cement target is not in (0, 15] mL
//   (a 0 mL target is the silent refusal --injection-start once gave).

#include "app/CommandLine.h"
#include "app/SessionSetup.h"
#include "core/procedure/ProcedureSession.h"
#include "core/scene/GltfLoader.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kMaxArguments = 48;

[[noreturn]] void finding(const std::string& what) {
    std::fprintf(stderr, "FINDING: %s\n", what.c_str());
    std::abort();
}

const spineviz::Scene& spine() {
    static const spineviz::Scene scene = [] {
        spineviz::LoadResult loaded = spineviz::loadGltf(SPINEVIZ_SOURCE_DIR "/models/spine.glb");
        if (!loaded) finding("cannot load the bundled model: " + loaded.error);
        return std::move(*loaded.scene);
    }();
    return scene;
}

std::vector<std::string> argumentsOf(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] != '\n') {
            args.back() += char(data[i]);
        } else if (args.size() < kMaxArguments) {
            args.emplace_back();
        } else {
            break;
        }
    }
    return args;
}

void checkNumbers(const nlohmann::json& j, const std::string& where) {
    if (j.is_number() && !std::isfinite(j.get<double>())) finding(where + " is not finite");
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it) checkNumbers(it.value(), where + "." + it.key());
    if (j.is_array())
        for (std::size_t i = 0; i < j.size(); ++i) checkNumbers(j[i], where + "[" + std::to_string(i) + "]");
}

void checkMeasurements(const spineviz::CommandLine& options) {
    spineviz::ProcedureSession session(spine());
    const std::string error = spineviz::configureSession(session, options);
    if (!error.empty()) finding("the command line accepted a case the procedure refuses: " + error);
    const nlohmann::json j = session.state().measurements.toJson();
    checkNumbers(j, "measurements");
    for (const char* height : {"anterior_height_mm", "middle_height_mm", "posterior_height_mm"})
        if (j.contains(height) && !(j[height].get<double>() > 0.0)) finding(std::string(height) + " is not positive");
    const double target = j.value("cement_target_ml", -1.0);
    if (!(target > 0.0 && target <= 15.0)) finding("cement_target_ml " + std::to_string(target) + " outside (0, 15]");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const spineviz::ParseOutcome outcome = spineviz::parseCommandLine(argumentsOf(data, size));
    if (!outcome.options) {
        if (outcome.exitCode == 0) return 0; // --help, --version
        if (outcome.exitCode != 2) finding("a refusal with exit status " + std::to_string(outcome.exitCode));
        const std::string& m = outcome.output;
        if (m.rfind("spineviz: ", 0) != 0 || m.size() < 12 || m.back() != '\n' || m.find('\n') != m.size() - 1)
            finding("a refusal that is not one 'spineviz: ...' line: " + m);
        return 0;
    }
    if (outcome.options->measurements) checkMeasurements(*outcome.options);
    return 0;
}
