// Captions built from the state (issue 11): the outcome names every visible leak in both voices and
// never says "no leak" next to one; the cement caption follows the cement; a tight pedicle is named.

#include "core/content/Captions.h"
#include "core/sim/CementFlowModel.h"

#include "SyntheticVertebra.h"
#include "TextChecks.h"

#include <gtest/gtest.h>

namespace spineviz {
namespace {

using namespace text_checks;

ProcedurePlan planFor(Procedure procedure, std::uint32_t seed, int grade = 3, Morphology morphology = Morphology::Crush) {
    ProcedureOptions o;
    o.procedure = procedure;
    o.seed = seed;
    o.grade = grade;
    o.morphology = morphology;
    return ProcedurePlan::make(o, test::syntheticL1(), test::syntheticBody(), CementFlowModel());
}

void expectWellFormed(const PhaseCaption& c) {
    for (const std::string* voice : {&c.clinician, &c.patient}) {
        const auto n = sentences(*voice).size();
        EXPECT_GE(n, 2u) << *voice;
        EXPECT_LE(n, 4u) << *voice;
    }
    EXPECT_TRUE(patientVoiceProblems(c.patient).empty()) << c.patient;
}

TEST(CaseCaptionsTest, OutcomeMentionsEveryReportedLeak) {
    int leaking = 0;
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
        const ProcedurePlan plan = planFor(Procedure::Vertebroplasty, seed);
        const ProcedureState end = computeState(plan, plan.timeline.duration());
        const PhaseCaption c = phaseCaption(plan, end);
        expectWellFormed(c);
        const Measurements& m = end.measurements;
        if (m.cementLeaks.empty()) {
            EXPECT_TRUE(containsIgnoreCase(c.clinician, "no leak")) << c.clinician;
            EXPECT_TRUE(containsIgnoreCase(c.patient, "stayed inside")) << c.patient;
            continue;
        }
        ++leaking;
        EXPECT_FALSE(containsIgnoreCase(c.clinician, "no leak")) << c.clinician;
        EXPECT_FALSE(containsIgnoreCase(c.clinician, "no significant leak")) << c.clinician;
        for (const Measurements::Leak& l : m.cementLeaks) {
            EXPECT_NE(c.clinician.find("type " + l.code + " (" + l.type + ")"), std::string::npos) << c.clinician;
            char volume[16];
            std::snprintf(volume, sizeof volume, "%.2f mL", double(l.volumeMl));
            EXPECT_NE(c.clinician.find(volume), std::string::npos) << c.clinician;
        }
        EXPECT_TRUE(containsIgnoreCase(c.patient, "outside") || containsIgnoreCase(c.patient, "went into")) << c.patient;
    }
    EXPECT_GT(leaking, 0);
}

TEST(CaseCaptionsTest, CementCaptionFollowsTheInjection) {
    const ProcedurePlan plan = planFor(Procedure::Vertebroplasty, 2, 2, Morphology::Wedge);
    const ProcedureState mid = computeState(plan, plan.timeline.timeOf(PhaseId::Cement, 0.6));
    const PhaseCaption c = phaseCaption(plan, mid);
    expectWellFormed(c);
    EXPECT_NE(c.clinician.find(mid.measurements.cementPhase), std::string::npos) << c.clinician;
    char volume[16];
    std::snprintf(volume, sizeof volume, "%.1f of", double(mid.measurements.cementInjectedMl));
    EXPECT_NE(c.clinician.find(volume), std::string::npos) << c.clinician;
    EXPECT_NE(c.clinician.find("left"), std::string::npos) << c.clinician; // both needles' shares
    EXPECT_TRUE(containsIgnoreCase(c.patient, "millilitres")) << c.patient;
}

TEST(CaseCaptionsTest, DrillingDoesNotPinTheCorticalDisruptionOddsOnTheDrill) {
    ProcedureOptions o;
    const std::string text = phaseCaption(o, PhaseId::Drilling).clinician;
    EXPECT_NE(text.find("5.56"), std::string::npos);
    EXPECT_NE(text.find("already disrupted"), std::string::npos) << text;
}

TEST(CaseCaptionsTest, ATightPedicleGetsAFinerNeedleOrTheExtrapedicularRoute) {
    VertebraLandmarks narrow = test::syntheticL1();
    narrow.level = "T5";
    for (PedicleLandmarks& p : narrow.pedicles) p.width = 0.005f; // T5-like (anatomy.md 1c)
    for (Procedure procedure : {Procedure::Kyphoplasty, Procedure::Vertebroplasty}) {
        ProcedureOptions o;
        o.procedure = procedure;
        o.level = "T5";
        const ProcedurePlan plan = ProcedurePlan::make(o, narrow, test::syntheticBody(), CementFlowModel());
        const ProcedureState access = computeState(plan, plan.timeline.timeOf(PhaseId::Access, 0.5));
        const PhaseCaption c = phaseCaption(plan, access);
        expectWellFormed(c);
        if (procedure == Procedure::Kyphoplasty) {
            EXPECT_EQ(plan.pedicleFit.route, AccessRoute::Extrapedicular);
            EXPECT_EQ(access.measurements.accessRoute, "extrapedicular");
            EXPECT_NE(c.clinician.find("extrapedicular route"), std::string::npos) << c.clinician;
            EXPECT_NE(c.patient.find("beside"), std::string::npos) << c.patient;
        } else {
            EXPECT_LT(plan.pedicleFit.instrumentMm, 5.0f - 2.0f * kPedicleWallMarginMm + 1e-3f);
            EXPECT_GT(plan.pedicleFit.gauge, 11);
            EXPECT_NE(c.clinician.find("finer"), std::string::npos) << c.clinician;
        }
    }
}

} // namespace
} // namespace spineviz
