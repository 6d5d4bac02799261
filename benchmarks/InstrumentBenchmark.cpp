// Instrument model build times (docs/instruments.md): each instrument as the drawer rebuilds it
// when its state changes; the balloon tamp is rebuilt every frame while it inflates.
// Run: build/spineviz_benchmarks --benchmark_filter=Instrument

#include "core/instruments/Instrument.h"

#include <benchmark/benchmark.h>

namespace spineviz {
namespace {

void BM_InstrumentBuild(benchmark::State& state) {
    const InstrumentKind kind = kAllInstrumentKinds[state.range(0)];
    InstrumentParams params;
    params.pressurePsi = 200.0f;
    int i = 0;
    for (auto _ : state) {
        params.balloonVolumeMl = 0.1f * float(i++ % 30); // a changing state, as during inflation
        benchmark::DoNotOptimize(buildInstrument(kind, params));
    }
    state.SetLabel(instrumentName(kind));
}
BENCHMARK(BM_InstrumentBuild)->DenseRange(0, int(std::size(kAllInstrumentKinds)) - 1)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace spineviz
