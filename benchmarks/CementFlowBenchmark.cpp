// Cement flow model timings (docs/cement.md): one simulation step as the app would take it live
// (1/60 s of injection) and at plan time (0.25 s), the whole injection, and the bone model alone.
// Run on one core: build/spineviz_benchmarks [--benchmark_filter=...]

#include "SyntheticVertebra.h"
#include "core/procedure/ProcedurePlan.h"
#include "core/sim/CementFlowModel.h"
#include "core/sim/SimpleCementModel.h"

#include <benchmark/benchmark.h>

#include <memory>

namespace spineviz {
namespace {

CementSetup setupFor(Procedure procedure) {
    ProcedureOptions options;
    options.procedure = procedure;
    options.seed = 3;
    // The plan with the cheap stand-in model gives the same setup the flow model would get.
    return ProcedurePlan::make(options, test::syntheticL1(), test::syntheticBody(), SimpleCementModel()).cementSetup;
}

// A simulation part-way through its injection (`seconds` in), ready to step.
std::unique_ptr<CementFlowSimulation> midway(const CementSetup& setup, float seconds) {
    auto sim = std::make_unique<CementFlowSimulation>(setup);
    while (sim->time() < seconds && sim->step(CementFlowModel::kPlanStepSeconds)) {
    }
    return sim;
}

void stepBenchmark(benchmark::State& state, Procedure procedure, float dt) {
    const CementSetup setup = setupFor(procedure);
    auto sim = midway(setup, 30.0f);
    for (auto _ : state) {
        if (!sim->step(dt)) {
            state.PauseTiming();
            sim = midway(setup, 30.0f);
            state.ResumeTiming();
        }
    }
    const VoxelGrid& g = sim->bone().grid();
    state.counters["grid_voxels"] = double(g.count());
    state.counters["front"] = double(sim->frontSize());
}

void BM_CementStepLive_Vertebroplasty(benchmark::State& state) { stepBenchmark(state, Procedure::Vertebroplasty, 1.0f / 60.0f); }
void BM_CementStepLive_Kyphoplasty(benchmark::State& state) { stepBenchmark(state, Procedure::Kyphoplasty, 1.0f / 60.0f); }
void BM_CementStepPlan_Vertebroplasty(benchmark::State& state) { stepBenchmark(state, Procedure::Vertebroplasty, CementFlowModel::kPlanStepSeconds); }

void fillBenchmark(benchmark::State& state, Procedure procedure) {
    const CementSetup setup = setupFor(procedure);
    const CementFlowModel model;
    float seconds = 0.0f;
    for (auto _ : state) {
        const CementField field = model.fill(setup);
        seconds = field.injectionSeconds;
        benchmark::DoNotOptimize(field.fillTime.data());
    }
    state.counters["injection_s"] = double(seconds);
}

void BM_CementFill_Vertebroplasty(benchmark::State& state) { fillBenchmark(state, Procedure::Vertebroplasty); }
void BM_CementFill_Kyphoplasty(benchmark::State& state) { fillBenchmark(state, Procedure::Kyphoplasty); }

void BM_BoneField(benchmark::State& state) {
    const CementSetup setup = setupFor(Procedure::Vertebroplasty);
    for (auto _ : state) {
        BoneField bone(setup);
        benchmark::DoNotOptimize(bone.exits().data());
    }
}

BENCHMARK(BM_CementStepLive_Vertebroplasty)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CementStepLive_Kyphoplasty)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CementStepPlan_Vertebroplasty)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CementFill_Vertebroplasty)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CementFill_Kyphoplasty)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BoneField)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace spineviz

BENCHMARK_MAIN();
