#pragma once
// Our seeded procedures against the literature: what one case gave (restoration, kyphosis
// correction, visible leaks by type, pressures, the needles' shares), and the table of our means
// beside the published figures that tools/cement_calibration prints (docs/calibration.md).

#include "core/procedure/ProcedurePlan.h"
#include "core/sim/Leak.h"

#include <array>
#include <string>
#include <vector>

namespace spineviz {

struct CaseOutcome {
    ProcedureOptions options;
    CementOptions cement;
    float restoredPercent = 0.0f;       // of the lost height, at the outcome
    float kyphosisCorrectionDeg = 0.0f; // wedge angle standing with the fracture, less at the outcome
    bool visibleLeak = false;           // any leak of at least kVisibleLeakMl
    std::array<bool, kLeakTypeCount> leakTypes{};
    float leakedMl = 0.0f;              // all cement outside the body, traces included
    float peakInjectionKPa = 0.0f;      // cement pressure in the bone at the tip (model)
    float balloonPsi = 0.0f;            // where inflation stopped (kyphoplasty)
    float needleShare = 0.5f;           // the left needle's share of the cement (bilateral)
};

CaseOutcome outcomeOf(const ProcedurePlan& plan);

struct ComparisonRow {
    std::string quantity;  // what is compared, and over which cases
    std::string source;    // where the literature figure comes from
    double ours = 0.0, literature = 0.0;
    int cases = 0;
    bool within = false;   // ours within a factor of 1.5 of the literature (or the stated bound)
    std::string note;      // how "within" was judged when it is not the factor
};

// The rows for which `outcomes` hold cases (a row without cases is left out).
std::vector<ComparisonRow> compareWithLiterature(const std::vector<CaseOutcome>& outcomes);
std::string comparisonTable(const std::vector<ComparisonRow>& rows); // Markdown

} // namespace spineviz
