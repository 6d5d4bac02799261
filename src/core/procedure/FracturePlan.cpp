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

enum : std::uint64_t { kLossDraw = 1, kPosturalDraw = 2, kTreatedDraw = 3, kDeflationDraw = 4, kMobilityDraw = 5 };

// How much of the lost height can come back at best (model values). A fresh fracture is mobile (it
// is taller lying down, clinical.md "Fracture grading"); a chronic or healed one has set in its
// collapsed shape. A crush involves the whole body and its posterior wall and restores least; a
// severe collapse has impacted its trabeculae. With an acute grade-2 wedge the balloon then takes
// back about nine tenths, near the ex vivo 97 % (PMID 11154534), the best case.
float mobility(FractureAge age, SeededRandom& r) { return age == FractureAge::Acute ? r.uniform(0.85f, 1.0f) : r.uniform(0.12f, 0.3f); }
float shapeReducibility(Morphology m) {
    switch (m) {
    case Morphology::Wedge: return 1.0f;
    case Morphology::Biconcave: return 0.85f;
    case Morphology::Crush: return 0.6f;
    }
    return 1.0f;
}
float gradeReducibility(int grade) { return grade <= 1 ? 1.0f : grade == 2 ? 0.95f : 0.8f; }

} // namespace

WallHeights mix(const WallHeights& a, const WallHeights& b, float t) {
    return {a.anterior + (b.anterior - a.anterior) * t, a.middle + (b.middle - a.middle) * t,
            a.posterior + (b.posterior - a.posterior) * t};
}

FracturePlan FracturePlan::make(const ProcedureOptions& options, const BodyDimensions& d) {
    FracturePlan plan;
    plan.rest = {d.anteriorHeight, d.middleHeight, d.posteriorHeight};
    plan.depth = d.endplateDepth;
    plan.endplateAreaMm2 = 0.78539816f * d.endplateWidth * d.endplateDepth * 1e6f;
    const int grade = std::clamp(options.grade, 1, 3);
    const LossRange range = lossRange(grade);
    plan.heightLoss = SeededRandom(deriveSeed(options.seed, kLossDraw)).uniform(range.lo, range.hi);
    const WallHeights share = lossShares(options.morphology);
    plan.fractured = {plan.rest.anterior * (1.0f - plan.heightLoss * share.anterior),
                      plan.rest.middle * (1.0f - plan.heightLoss * share.middle),
                      plan.rest.posterior * (1.0f - plan.heightLoss * share.posterior)};

    SeededRandom mobile(deriveSeed(options.seed, kMobilityDraw));
    plan.reducible = mobility(options.age, mobile) * shapeReducibility(options.morphology) * gradeReducibility(grade);
    // Lying prone opens a mobile fracture a little (clinical.md). Vertebroplasty adds only what the
    // cement's push gives: together about a quarter of the lost height in the acute best case, near
    // the ex vivo 30 % (PMID 11154534), and a kyphosis correction near the clinical 1.7 deg against
    // 4.8 deg for kyphoplasty (PMC3459114) over a case mix (docs/restoration.md). Model shares.
    plan.posturalRecovery = plan.reducible * SeededRandom(deriveSeed(options.seed, kPosturalDraw)).uniform(0.17f, 0.25f);
    plan.treatedRecovery = plan.posturalRecovery;
    if (options.procedure == Procedure::Vertebroplasty)
        plan.treatedRecovery += plan.reducible * SeededRandom(deriveSeed(options.seed, kTreatedDraw)).uniform(0.05f, 0.11f);
    // Some of the balloon's correction settles back when it is deflated, before cement holds the
    // rest (a model value; no sourced figure).
    plan.deflationLoss = SeededRandom(deriveSeed(options.seed, kDeflationDraw)).uniform(0.06f, 0.12f);
    return plan;
}

float FracturePlan::lostVolumeMl() const {
    const float lost = ((rest.anterior - fractured.anterior) + (rest.middle - fractured.middle) + (rest.posterior - fractured.posterior)) / 3.0f;
    return endplateAreaMm2 * lost * 1e3f * 1e-3f; // mm^2 x mm = uL; / 1000 = mL
}

void FracturePlan::applyBalloonReduction(float reduction) {
    treatedRecovery = posturalRecovery + std::max(0.0f, reducible - posturalRecovery) * std::clamp(reduction, 0.0f, 1.0f);
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
