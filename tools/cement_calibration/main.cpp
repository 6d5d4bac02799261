// cement_calibration: many seeded kyphoplasties and vertebroplasties on the real spine model, and
// our means beside the literature (the table in docs/calibration.md).
//
//   build/cement_calibration [--model models/spine.glb] [--seeds 40] [--levels L1] [--json out.json]
//                            [--no-chronic] [--no-bone] [--no-viscosity]
//
// The grid: both procedures x Genant grades 1-3 x wedge, biconcave, crush x acute and chronic x
// osteoporotic and normal bone, N patients each (seeds 1..N, the same patients in every cell), at
// the default cement; then the same grade-2 vertebroplasties injected early and late with low- and
// high-viscosity cement (Habib / Baroud's 3.5 / 9.5 and 3.5 / 6.5 min). It prints one row per
// literature figure: our mean, the figure, the number of cases and whether ours is within a factor
// of 1.5 (LiteratureComparison.h); exit status 0 either way (it is a report, the tests hold the line).

#include "core/procedure/LiteratureComparison.h"
#include "core/procedure/ProcedureSession.h"
#include "core/scene/GltfLoader.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace spineviz;

int main(int argc, char** argv) {
    CLI::App app{"cement_calibration: our seeded procedures against the literature"};
    std::string modelPath = std::string(SPINEVIZ_SOURCE_DIR) + "/models/spine.glb";
    int seeds = 40;
    std::vector<std::string> levels{"L1"};
    std::string jsonPath;
    bool noChronic = false, noBone = false, noViscosity = false;
    app.add_option("--model", modelPath, "spine model (.glb) with landmarks");
    app.add_option("--seeds", seeds, "patients per cell of the grid")->check(CLI::Range(1, 10000));
    app.add_option("--levels", levels, "levels to treat")->delimiter(',');
    app.add_option("--json", jsonPath, "write the rows as JSON here");
    app.add_flag("--no-chronic", noChronic, "acute fractures only");
    app.add_flag("--no-bone", noBone, "osteoporotic bone only");
    app.add_flag("--no-viscosity", noViscosity, "skip the early/late injections");
    CLI11_PARSE(app, argc, argv);

    const LoadResult loaded = loadGltf(modelPath);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error.c_str());
        return 1;
    }
    ProcedureSession session(*loaded.scene);
    std::vector<CaseOutcome> outcomes;
    double millis = 0.0;
    const auto run = [&](ProcedureOptions o, const CementOptions& cement) {
        session.setCementOptions(cement);
        const auto start = std::chrono::steady_clock::now();
        const std::string problem = session.setOptions(o);
        millis += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (!problem.empty()) {
            std::fprintf(stderr, "%s: %s\n", o.level.c_str(), problem.c_str());
            std::exit(1);
        }
        outcomes.push_back(outcomeOf(session.plan()));
    };

    std::vector<FractureAge> ages{FractureAge::Acute};
    if (!noChronic) ages.push_back(FractureAge::Chronic);
    std::vector<BoneQuality> bones{BoneQuality::Osteoporotic};
    if (!noBone) bones.push_back(BoneQuality::Normal);
    for (const std::string& level : levels)
        for (Procedure procedure : {Procedure::Vertebroplasty, Procedure::Kyphoplasty})
            for (int grade = 1; grade <= 3; ++grade)
                for (Morphology m : {Morphology::Wedge, Morphology::Biconcave, Morphology::Crush})
                    for (FractureAge age : ages)
                        for (BoneQuality bone : bones)
                            for (int s = 1; s <= seeds; ++s) {
                                ProcedureOptions o;
                                o.procedure = procedure;
                                o.level = level;
                                o.grade = grade;
                                o.morphology = m;
                                o.age = age;
                                o.seed = std::uint32_t(s);
                                CementOptions cement;
                                cement.bone = bone;
                                run(o, cement);
                            }
    if (!noViscosity) {
        struct Timing { CementKind kind; float minutes; };
        for (const Timing t : {Timing{CementKind::LowViscosity, 3.5f}, Timing{CementKind::LowViscosity, 9.5f}, Timing{CementKind::HighViscosity, 3.5f},
                               Timing{CementKind::HighViscosity, 6.5f}})
            for (Morphology m : {Morphology::Wedge, Morphology::Biconcave, Morphology::Crush})
                for (int s = 1; s <= seeds; ++s) {
                    ProcedureOptions o;
                    o.procedure = Procedure::Vertebroplasty;
                    o.level = levels.front();
                    o.morphology = m;
                    o.seed = std::uint32_t(s);
                    CementOptions cement;
                    cement.cement = t.kind;
                    cement.injectionStartMinutes = t.minutes;
                    run(o, cement);
                }
    }
    const std::vector<ComparisonRow> rows = compareWithLiterature(outcomes);
    std::printf("%zu cases (%d patients per cell, %s), %.0f ms per case. Leaks count from %.2f mL (kVisibleLeakMl).\n\n%s",
                outcomes.size(), seeds, levels.front().c_str(), millis / double(std::max<std::size_t>(outcomes.size(), 1)),
                double(kVisibleLeakMl), comparisonTable(rows).c_str());
    int within = 0;
    for (const ComparisonRow& r : rows) within += r.within ? 1 : 0;
    std::printf("\n%d of %zu rows within a factor of 1.5 (or pointing the stated way).\n", within, rows.size());
    if (!jsonPath.empty()) {
        nlohmann::json j = nlohmann::json::array();
        for (const ComparisonRow& r : rows)
            j.push_back({{"quantity", r.quantity}, {"source", r.source}, {"ours", r.ours}, {"literature", r.literature}, {"cases", r.cases}, {"within", r.within}});
        const std::string tmp = jsonPath + ".tmp";
        std::ofstream(tmp) << j.dump(2) << "\n";
        std::rename(tmp.c_str(), jsonPath.c_str());
    }
    return 0;
}
