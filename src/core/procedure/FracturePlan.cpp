#include "core/procedure/FracturePlan.h"

#include "core/math/SeededRandom.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

// Height-loss ranges per Genant grade (qims.amegroups.com/article/view/24006/22821): grade 1
// 20-25 %, grade 2 25-40 %, grade 3 over 40 %. Draws stay a little inside each band so the grade
// read back from the geometry is unambiguous; grade 3 is capped at 55 % (severe but not vertebra
// plana, which is not augmented).
struct LossRange { float lo, hi; };
LossRange lossRange(int grade) {
    switch (grade) {
    case 1: return {0.21f, 0.24f};
    case 2: return {0.27f, 0.38f};
    default: return {0.42f, 0.55f};
    }
}

// Share of the worst loss each wall takes, by shape (wedge: front; biconcave: centre; crush: all).
WallHeights lossShares(Morphology morphology) {
    switch (morphology) {
    case Morphology::Wedge: return {1.0f, 0.5f, 0.0f};
    case Morphology::Biconcave: return {0.12f, 1.0f, 0.12f};
    case Morphology::Crush: return {1.0f, 0.95f, 0.85f};
    }
    return {1.0f, 0.5f, 0.0f};
}

enum : std::uint64_t { kLossDraw = 1, kPosturalDraw = 2, kTreatedDraw = 3, kDeflationDraw = 4 };

} // namespace

WallHeights mix(const WallHeights& a, const WallHeights& b, float t) {
    return {a.anterior + (b.anterior - a.anterior) * t, a.middle + (b.middle - a.middle) * t,
            a.posterior + (b.posterior - a.posterior) * t};
}

FracturePlan FracturePlan::make(const ProcedureOptions& options, const BodyDimensions& d) {
    FracturePlan plan;
    plan.rest = {d.anteriorHeight, d.middleHeight, d.posteriorHeight};
    plan.depth = d.endplateDepth;
    const LossRange range = lossRange(std::clamp(options.grade, 1, 3));
    plan.heightLoss = SeededRandom(deriveSeed(options.seed, kLossDraw)).uniform(range.lo, range.hi);
    const WallHeights share = lossShares(options.morphology);
    plan.fractured = {plan.rest.anterior * (1.0f - plan.heightLoss * share.anterior),
                      plan.rest.middle * (1.0f - plan.heightLoss * share.middle),
                      plan.rest.posterior * (1.0f - plan.heightLoss * share.posterior)};

    // A fresh fracture is mobile: lying prone already regains some height (clinical.md, JOSR
    // 10.1186/s13018-023-03758-w). Vertebroplasty adds almost nothing to that, and overall restores
    // little: kyphosis reduction 1.7 deg versus 4.8 deg for kyphoplasty (PMC3459114), i.e. roughly a
    // tenth versus a third of the ~14 deg a grade-2 wedge loses. Ex vivo the balloon restores up to
    // 97 % of lost height against 30 % (PMID 11154534): the clinical third is well inside that bound.
    plan.posturalRecovery = SeededRandom(deriveSeed(options.seed, kPosturalDraw)).uniform(0.07f, 0.13f);
    const float treated = options.procedure == Procedure::Kyphoplasty
                              ? SeededRandom(deriveSeed(options.seed, kTreatedDraw)).uniform(0.30f, 0.45f)
                              : plan.posturalRecovery + 0.02f;
    plan.treatedRecovery = treated;
    // Some of the balloon's correction settles back when it is deflated, before cement holds the
    // rest (a model value; no sourced figure).
    plan.deflationLoss = SeededRandom(deriveSeed(options.seed, kDeflationDraw)).uniform(0.06f, 0.12f);
    return plan;
}

WallHeights FracturePlan::recoveredBy(float recovered) const { return mix(fractured, rest, std::clamp(recovered, 0.0f, 1.0f)); }

int genantGrade(float loss) {
    if (loss < 0.20f) return 0;
    if (loss < 0.25f) return 1;
    if (loss <= 0.40f) return 2;
    return 3;
}

float heightLossOf(const WallHeights& current, const WallHeights& rest) {
    const auto loss = [](float now, float before) { return before > 0.0f ? 1.0f - now / before : 0.0f; };
    return std::max({loss(current.anterior, rest.anterior), loss(current.middle, rest.middle),
                     loss(current.posterior, rest.posterior), 0.0f});
}

float wedgeAngleDegrees(const WallHeights& h, float depth) {
    if (depth <= 0.0f) return 0.0f;
    return std::atan2(h.posterior - h.anterior, depth) * 57.2957795f;
}

} // namespace spineviz
