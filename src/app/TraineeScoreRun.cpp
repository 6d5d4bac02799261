#include "app/TraineeScoreRun.h"

#include "app/ResourcePaths.h"
#include "core/anatomy/SpineAnatomy.h"
#include "core/scene/GltfLoader.h"
#include "core/trainee/TraineeCase.h"
#include "core/trainee/TraineeScore.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace spineviz {
namespace {

constexpr std::streamoff kMaxPlanBytes = 1 << 20; // a plan is a few hundred bytes

int fail(const std::string& message) {
    std::fprintf(stderr, "spineviz: %s\n", message.c_str());
    return 1;
}

} // namespace

std::string readTraineePlanFile(const std::string& path, TraineePlan& plan) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return "cannot open the file";
    if (in.tellg() > kMaxPlanBytes) return "is larger than a plan can be (1 MiB)";
    in.seekg(0);
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded()) return "is not valid JSON";
    std::string error;
    const std::optional<TraineePlan> parsed = parseTraineePlan(json, error);
    if (!parsed) return error;
    plan = *parsed;
    return "";
}

int runTraineeScore(const CommandLine& options) {
    ResourcePaths paths;
    std::string error;
    if (!findResources(paths, error)) return fail(error);
    const std::string modelPath = options.modelPath.empty() ? paths.defaultModel : options.modelPath;
    const LoadResult loaded = loadGltf(modelPath);
    if (!loaded) return fail("cannot load model " + loaded.error);
    const SpineAnatomy anatomy = SpineAnatomy::fromScene(*loaded.scene);

    TraineePlan plan;
    const bool ideal = options.traineePlan == "ideal";
    if (!ideal) {
        error = readTraineePlanFile(options.traineePlan, plan);
        if (!error.empty()) return fail(options.traineePlan + ": " + error);
        if (options.levelGiven && plan.level != options.procedure.level)
            return fail(options.traineePlan + ": the plan is for " + plan.level + " but --level asks for " + options.procedure.level);
    }
    const std::string level = ideal ? options.procedure.level : plan.level;
    const std::optional<TraineeCase> found = findTraineeCase(*loaded.scene, anatomy, level, error);
    if (!found) return fail(modelPath + ": " + error);
    if (ideal) plan = idealTraineePlan(*found->landmarks, options.procedure, kIdealShotsPerNeedle);

    ProcedureOptions procedure = options.procedure;
    procedure.level = level;
    const TraineeReport report = scoreAttempt(plan, *found->bone, *found->landmarks, procedure);
    std::printf("%s\n", traineeReportJson(report).dump().c_str());
    return 0;
}

} // namespace spineviz
