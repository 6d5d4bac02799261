// The cement answers to the bone and to the cement's timing (issue 11): denser bone takes more
// pressure and its leaks differ (amount and place); early runny cement leaks more than a late thick paste.

#include "CementSetups.h"
#include "core/sim/CementFlowModel.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace spineviz {
namespace {

using test::cementSetup;

float peakPressureKPa(const CementField& f) {
    float peak = 0.0f;
    for (const CementSample& s : f.history) peak = std::max(peak, s.pressureKPa);
    return peak;
}

int visibleLeaks(const CementField& f) {
    return std::any_of(f.leaks.begin(), f.leaks.end(), [](const CementLeak& l) { return isVisibleLeak(l.finalVolumeMl); }) ? 1 : 0;
}

TEST(CementCaseTest, NormalBoneTakesMorePressureAndChangesTheLeaks) {
    float soft = 0.0f, hard = 0.0f, softLeaked = 0.0f, hardLeaked = 0.0f;
    for (std::uint32_t seed = 1; seed <= 4; ++seed) {
        CementOptions normal;
        normal.bone = BoneQuality::Normal;
        const CementField porotic = CementFlowModel().fill(cementSetup(Procedure::Vertebroplasty, seed, 3, Morphology::Crush));
        const CementField dense = CementFlowModel().fill(cementSetup(Procedure::Vertebroplasty, seed, 3, Morphology::Crush, normal));
        EXPECT_GT(peakPressureKPa(dense), 1.5f * peakPressureKPa(porotic)) << seed;
        soft += peakPressureKPa(porotic);
        hard += peakPressureKPa(dense);
        softLeaked += porotic.leakedVolumeAt(porotic.injectionSeconds);
        hardLeaked += dense.leakedVolumeAt(dense.injectionSeconds);
    }
    EXPECT_GT(hard, 2.0f * soft);
    EXPECT_NE(hardLeaked, softLeaked);
}

TEST(CementCaseTest, EarlyLowViscosityLeaksMoreThanLateHighViscosity) {
    // Low viscosity is a leak risk factor (OR 3.32, PMID 28192270); later injection leaks less (Habib / Baroud).
    int early = 0, late = 0;
    float earlyMl = 0.0f, lateMl = 0.0f;
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
        CementOptions runny, thick;
        runny.cement = CementKind::LowViscosity;
        runny.injectionStartMinutes = 2.5f;
        thick.cement = CementKind::HighViscosity;
        thick.injectionStartMinutes = 6.5f;
        const Morphology m = seed % 2 ? Morphology::Crush : Morphology::Wedge;
        const CementField a = CementFlowModel().fill(cementSetup(Procedure::Vertebroplasty, seed, 3, m, runny));
        const CementField b = CementFlowModel().fill(cementSetup(Procedure::Vertebroplasty, seed, 3, m, thick));
        early += visibleLeaks(a);
        late += visibleLeaks(b);
        earlyMl += a.leakedVolumeAt(a.injectionSeconds);
        lateMl += b.leakedVolumeAt(b.injectionSeconds);
    }
    EXPECT_GT(early, late);
    EXPECT_GT(earlyMl, 2.0f * lateMl);
}

} // namespace
} // namespace spineviz
