#include "core/content/Captions.h"

#include "core/anatomy/SpineLevels.h"

#include "TextChecks.h"

#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <set>

namespace spineviz {
namespace {

using namespace text_checks;

std::vector<std::string> treatableLevels() {
    std::vector<std::string> levels;
    for (std::string_view level : kVertebraLevels)
        if (isTreatableLevel(std::string(level))) levels.emplace_back(level);
    return levels;
}

// Every option combination the captions vary on (the seed does not change the text).
std::vector<ProcedureOptions> allOptions() {
    std::vector<ProcedureOptions> all;
    for (Procedure procedure : {Procedure::Kyphoplasty, Procedure::Vertebroplasty})
        for (const std::string& level : treatableLevels())
            for (Morphology morphology : {Morphology::Wedge, Morphology::Biconcave, Morphology::Crush})
                for (int grade = 1; grade <= 3; ++grade)
                    for (Access access : {Access::Bilateral, Access::Unilateral}) {
                        ProcedureOptions o;
                        o.procedure = procedure;
                        o.level = level;
                        o.morphology = morphology;
                        o.grade = grade;
                        o.access = access;
                        all.push_back(o);
                    }
    return all;
}

std::string describe(const ProcedureOptions& o, PhaseId phase) {
    return std::string(procedureName(o.procedure)) + " " + o.level + " " + morphologyName(o.morphology) + " grade " +
           std::to_string(o.grade) + " " + accessName(o.access) + " / " + phaseName(phase);
}

// Calls f for every phase of every option combination.
void forEachCaption(const std::function<void(const ProcedureOptions&, PhaseId, const PhaseCaption&)>& f) {
    for (const ProcedureOptions& o : allOptions())
        for (PhaseId phase : phasesOf(o.procedure)) f(o, phase, phaseCaption(o, phase));
}

ProcedureOptions options(Procedure procedure, const std::string& level, Access access) {
    ProcedureOptions o;
    o.procedure = procedure;
    o.level = level;
    o.access = access;
    return o;
}

TEST(CaptionsTest, EveryPhaseOfEveryOptionHasATitleAndBothVoices) {
    int count = 0;
    forEachCaption([&](const ProcedureOptions& o, PhaseId phase, const PhaseCaption& c) {
        EXPECT_FALSE(c.title.empty()) << describe(o, phase);
        EXPECT_FALSE(c.clinician.empty()) << describe(o, phase);
        EXPECT_FALSE(c.patient.empty()) << describe(o, phase);
        EXPECT_NE(c.clinician, c.patient) << describe(o, phase);
        ++count;
    });
    EXPECT_EQ(count, 13 * 3 * 3 * 2 * (12 + 8));
}

TEST(CaptionsTest, PhasesThatAreNotStepsOfTheProcedureAreEmpty) {
    const ProcedureOptions vp = options(Procedure::Vertebroplasty, "L1", Access::Bilateral);
    for (PhaseId phase : {PhaseId::Drilling, PhaseId::BalloonInsertion, PhaseId::Inflation, PhaseId::Deflation}) {
        const PhaseCaption c = phaseCaption(vp, phase);
        EXPECT_TRUE(c.title.empty() && c.clinician.empty() && c.patient.empty()) << phaseName(phase);
    }
}

TEST(CaptionsTest, BothVoicesHaveTwoToFourSentences) {
    forEachCaption([](const ProcedureOptions& o, PhaseId phase, const PhaseCaption& c) {
        const auto clinician = sentences(c.clinician).size(), patient = sentences(c.patient).size();
        EXPECT_GE(clinician, 2u) << describe(o, phase) << "\n" << c.clinician;
        EXPECT_LE(clinician, 4u) << describe(o, phase) << "\n" << c.clinician;
        EXPECT_GE(patient, 2u) << describe(o, phase) << "\n" << c.patient;
        EXPECT_LE(patient, 4u) << describe(o, phase) << "\n" << c.patient;
    });
}

TEST(CaptionsTest, PatientVoiceUsesShortSentences) {
    long words = 0, count = 0;
    int longest = 0;
    forEachCaption([&](const ProcedureOptions& o, PhaseId phase, const PhaseCaption& c) {
        const auto list = sentences(c.patient);
        int captionWords = 0;
        for (const std::string& s : list) {
            const int n = wordCount(s);
            EXPECT_LE(n, 24) << describe(o, phase) << ": " << s;
            longest = std::max(longest, n);
            captionWords += n;
        }
        EXPECT_LE(static_cast<double>(captionWords) / static_cast<double>(list.size()), 17.0)
            << describe(o, phase) << "\n" << c.patient;
        words += captionWords;
        count += static_cast<long>(list.size());
    });
    const double average = static_cast<double>(words) / static_cast<double>(count);
    EXPECT_LE(average, 14.0);
    std::cout << "patient voice: " << count << " sentences, average " << average << " words, longest " << longest
              << "\n";
}

TEST(CaptionsTest, ClinicianSentencesStayReadable) {
    forEachCaption([](const ProcedureOptions& o, PhaseId phase, const PhaseCaption& c) {
        for (const std::string& s : sentences(c.clinician))
            EXPECT_LE(wordCount(s), 45) << describe(o, phase) << ": " << s;
    });
}

TEST(CaptionsTest, PatientVoiceIsPlainCalmAndPromisesNothing) {
    std::set<std::string> seen; // many option sets share a text: check each text once
    forEachCaption([&](const ProcedureOptions& o, PhaseId phase, const PhaseCaption& c) {
        if (seen.insert(c.patient).second)
            for (const std::string& problem : patientVoiceProblems(c.patient))
                ADD_FAILURE() << describe(o, phase) << ": " << problem;
        if (seen.insert(c.title).second)
            for (const std::string& problem : patientVoiceProblems(c.title, false))
                ADD_FAILURE() << describe(o, phase) << " title: " << problem;
    });
}

TEST(CaptionsTest, TheJargonCheckCatchesJargon) {
    EXPECT_FALSE(patientVoiceProblems("The cannula goes in.").empty());
    EXPECT_TRUE(patientVoiceProblems("A thin tube, called a cannula, goes in.").empty());
    EXPECT_FALSE(patientVoiceProblems("PMMA cement is injected.").empty());
    EXPECT_FALSE(patientVoiceProblems("The fracture has collapsed.").empty());
    EXPECT_FALSE(patientVoiceProblems("You will be pain-free.").empty());
    EXPECT_FALSE(patientVoiceProblems("The AP view shows it.").empty());
    EXPECT_TRUE(patientVoiceProblems("You lie on a padded table.").empty());
}

TEST(CaptionsTest, PatientVoiceSpeaksToTheViewer) {
    for (Procedure procedure : {Procedure::Kyphoplasty, Procedure::Vertebroplasty}) {
        const ProcedureOptions o = options(procedure, "L1", Access::Bilateral);
        int withYou = 0;
        for (PhaseId phase : phasesOf(procedure)) {
            const std::string& text = phaseCaption(o, phase).patient;
            if (containsIgnoreCase(text, "you")) ++withYou;
        }
        EXPECT_GE(3 * withYou, 2 * static_cast<int>(phasesOf(procedure).size())) << procedureName(procedure);
    }
}

TEST(CaptionsTest, VertebroplastyNeverMentionsABalloonOrACavity) {
    forEachCaption([](const ProcedureOptions& o, PhaseId phase, const PhaseCaption& c) {
        if (o.procedure != Procedure::Vertebroplasty) return;
        for (const std::string* text : {&c.title, &c.clinician, &c.patient})
            for (const char* word : {"balloon", "cavity", "tamp", "inflat", "drill"})
                EXPECT_FALSE(containsIgnoreCase(*text, word)) << describe(o, phase) << ": " << *text;
    });
}

TEST(CaptionsTest, KyphoplastyBalloonStepsNameTheirChecks) {
    const ProcedureOptions o = options(Procedure::Kyphoplasty, "L1", Access::Bilateral);
    const PhaseCaption insertion = phaseCaption(o, PhaseId::BalloonInsertion);
    EXPECT_TRUE(containsIgnoreCase(insertion.clinician, "marker bands"));
    EXPECT_TRUE(containsIgnoreCase(insertion.clinician, "anterior two-thirds"));
    EXPECT_TRUE(containsIgnoreCase(insertion.patient, "markers"));
    const PhaseCaption inflation = phaseCaption(o, PhaseId::Inflation);
    EXPECT_TRUE(containsIgnoreCase(inflation.clinician, "pressure"));
    EXPECT_TRUE(containsIgnoreCase(inflation.clinician, "volume"));
    EXPECT_TRUE(containsIgnoreCase(inflation.clinician, "contrast"));
    EXPECT_TRUE(containsIgnoreCase(inflation.clinician, "cavity"));
    EXPECT_TRUE(containsIgnoreCase(phaseCaption(o, PhaseId::Deflation).clinician, "cavity"));
    EXPECT_TRUE(containsIgnoreCase(phaseCaption(o, PhaseId::Drilling).clinician, "anterior third"));
}

TEST(CaptionsTest, AccessReachesTheRightDepthForEachProcedure) {
    for (Access access : {Access::Bilateral, Access::Unilateral}) {
        const auto kp = phaseCaption(options(Procedure::Kyphoplasty, "L2", access), PhaseId::Access);
        EXPECT_TRUE(containsIgnoreCase(kp.clinician, "posterior third")) << kp.clinician;
        EXPECT_TRUE(containsIgnoreCase(kp.clinician, "working cannula")) << kp.clinician;
        EXPECT_TRUE(containsIgnoreCase(kp.clinician, "medial pedicle wall")) << kp.clinician; // the safety rule
        const auto vp = phaseCaption(options(Procedure::Vertebroplasty, "L2", access), PhaseId::Access);
        EXPECT_TRUE(containsIgnoreCase(vp.clinician, "anterior third")) << vp.clinician;
        EXPECT_TRUE(containsIgnoreCase(vp.clinician, "medial pedicle wall")) << vp.clinician;
    }
}

TEST(CaptionsTest, CementDeliveryDiffersBetweenTheProcedures) {
    const auto kp = phaseCaption(options(Procedure::Kyphoplasty, "L1", Access::Bilateral), PhaseId::Cement);
    EXPECT_TRUE(containsIgnoreCase(kp.clinician, "low pressure"));
    EXPECT_TRUE(containsIgnoreCase(kp.clinician, "PMMA"));
    EXPECT_TRUE(containsIgnoreCase(kp.clinician, "barium sulfate"));
    EXPECT_TRUE(containsIgnoreCase(kp.clinician, "posterior wall"));
    const auto vp = phaseCaption(options(Procedure::Vertebroplasty, "L1", Access::Bilateral), PhaseId::Cement);
    EXPECT_TRUE(containsIgnoreCase(vp.clinician, "higher pressure"));
    EXPECT_TRUE(containsIgnoreCase(vp.clinician, "interdigitat"));
    EXPECT_TRUE(containsIgnoreCase(vp.clinician, "posterior wall"));
    EXPECT_NE(kp.patient, vp.patient);
}

TEST(CaptionsTest, AccessCaptionsNameTheLevel) {
    forEachCaption([](const ProcedureOptions& o, PhaseId phase, const PhaseCaption& c) {
        if (phase != PhaseId::Access && phase != PhaseId::Preparation && phase != PhaseId::Fracture) return;
        EXPECT_NE(c.clinician.find(o.level), std::string::npos) << describe(o, phase) << "\n" << c.clinician;
        if (phase != PhaseId::Preparation) {
            EXPECT_NE(c.patient.find(o.level), std::string::npos) << describe(o, phase) << "\n" << c.patient;
        }
    });
}

TEST(CaptionsTest, AnUntreatableLevelGetsGenericWording) {
    for (const std::string level : {"", "T2", "C5", "nonsense"}) {
        const ProcedureOptions o = options(Procedure::Kyphoplasty, level, Access::Bilateral);
        for (PhaseId phase : phasesOf(o.procedure)) {
            const PhaseCaption c = phaseCaption(o, phase);
            EXPECT_FALSE(c.clinician.empty() || c.patient.empty()) << level << " " << phaseName(phase);
            if (!level.empty()) {
                EXPECT_EQ(c.clinician.find(level), std::string::npos) << c.clinician;
            }
            EXPECT_TRUE(patientVoiceProblems(c.patient).empty()) << c.patient;
        }
    }
}

TEST(CaptionsTest, AccessTailorsToOneOrBothSides) {
    forEachCaption([](const ProcedureOptions& o, PhaseId phase, const PhaseCaption& c) {
        if (phase != PhaseId::Preparation && phase != PhaseId::Access && phase != PhaseId::Removal) return;
        for (const std::string* text : {&c.clinician, &c.patient}) {
            if (o.access == Access::Bilateral) {
                EXPECT_TRUE(containsIgnoreCase(*text, "both")) << describe(o, phase) << "\n" << *text;
            } else {
                EXPECT_FALSE(containsIgnoreCase(*text, "both")) << describe(o, phase) << "\n" << *text;
                if (phase != PhaseId::Removal) {
                    EXPECT_TRUE(containsIgnoreCase(*text, "one ")) << describe(o, phase) << "\n" << *text;
                }
            }
        }
    });
    // The kyphoplasty steps in between count balloons to match.
    const auto two = phaseCaption(options(Procedure::Kyphoplasty, "L1", Access::Bilateral), PhaseId::BalloonInsertion);
    const auto one = phaseCaption(options(Procedure::Kyphoplasty, "L1", Access::Unilateral), PhaseId::BalloonInsertion);
    EXPECT_TRUE(containsIgnoreCase(two.patient, "two")) << two.patient;
    EXPECT_TRUE(containsIgnoreCase(one.clinician, "single")) << one.clinician;
    EXPECT_NE(two.title, one.title);
}

TEST(CaptionsTest, AccessTailorsToTheRegion) {
    for (Procedure procedure : {Procedure::Kyphoplasty, Procedure::Vertebroplasty})
        for (const std::string& level : treatableLevels()) {
            const auto c = phaseCaption(options(procedure, level, Access::Bilateral), PhaseId::Access);
            if (isThoracic(level)) {
                EXPECT_TRUE(containsIgnoreCase(c.clinician, "extrapedicular")) << level << ": " << c.clinician;
                EXPECT_TRUE(containsIgnoreCase(c.clinician, "narrow")) << level << ": " << c.clinician;
                EXPECT_TRUE(containsIgnoreCase(c.patient, "narrow")) << level << ": " << c.patient;
                EXPECT_TRUE(containsIgnoreCase(c.clinician, "spinal cord")) << level << ": " << c.clinician;
            } else {
                EXPECT_TRUE(containsIgnoreCase(c.clinician, "transpedicular")) << level << ": " << c.clinician;
                EXPECT_FALSE(containsIgnoreCase(c.clinician, "extrapedicular")) << level << ": " << c.clinician;
                // Medial aim about level number x 5 deg (Dickman 1992).
                const std::string angle = std::to_string(5 * (level[1] - '0')) + "° at " + level;
                EXPECT_NE(c.clinician.find(angle), std::string::npos) << level << ": " << c.clinician;
            }
        }
    auto access = [](const std::string& level) {
        return phaseCaption(options(Procedure::Kyphoplasty, level, Access::Bilateral), PhaseId::Access).clinician;
    };
    EXPECT_TRUE(containsIgnoreCase(access("T6"), "mid-thoracic"));
    EXPECT_FALSE(containsIgnoreCase(access("T10"), "mid-thoracic"));
    EXPECT_TRUE(containsIgnoreCase(access("L1"), "conus medullaris"));
    EXPECT_TRUE(containsIgnoreCase(access("L4"), "cauda equina"));
}

TEST(CaptionsTest, FractureTailorsToGradeAndMorphology) {
    const char* ranges[] = {"20–25%", "25–40%", "more than 40%"}; // Genant (qims.amegroups.com)
    std::set<std::string> patientTexts;
    for (Morphology morphology : {Morphology::Wedge, Morphology::Biconcave, Morphology::Crush})
        for (int grade = 1; grade <= 3; ++grade) {
            ProcedureOptions o = options(Procedure::Kyphoplasty, "T12", Access::Bilateral);
            o.morphology = morphology;
            o.grade = grade;
            const PhaseCaption c = phaseCaption(o, PhaseId::Fracture);
            EXPECT_NE(c.clinician.find("Genant grade " + std::to_string(grade)), std::string::npos) << c.clinician;
            EXPECT_NE(c.clinician.find(ranges[grade - 1]), std::string::npos) << c.clinician;
            EXPECT_TRUE(containsIgnoreCase(c.clinician, morphologyName(morphology))) << c.clinician;
            patientTexts.insert(c.patient);
            const bool severe = grade == 3 || morphology == Morphology::Crush;
            EXPECT_EQ(containsIgnoreCase(c.clinician, "retropulsion"), severe) << c.clinician;
            // The inflation caption follows the shape too.
            const PhaseCaption inflation = phaseCaption(o, PhaseId::Inflation);
            if (morphology == Morphology::Wedge) {
                EXPECT_TRUE(containsIgnoreCase(inflation.clinician, "wedge angle"));
            }
            if (morphology == Morphology::Biconcave) {
                EXPECT_TRUE(containsIgnoreCase(inflation.clinician, "middle height"));
            }
        }
    EXPECT_EQ(patientTexts.size(), 9u); // every grade and shape reads differently to a patient
}

TEST(CaptionsTest, TheSeedDoesNotChangeTheText) {
    ProcedureOptions a = options(Procedure::Kyphoplasty, "L1", Access::Bilateral), b = a;
    b.seed = 12345;
    for (PhaseId phase : phasesOf(a.procedure)) {
        EXPECT_EQ(phaseCaption(a, phase).clinician, phaseCaption(b, phase).clinician);
        EXPECT_EQ(phaseCaption(a, phase).patient, phaseCaption(b, phase).patient);
    }
}

// Prints every caption of a few option sets for review: run with --gtest_also_run_disabled_tests.
TEST(CaptionsTest, DISABLED_PrintForReview) {
    for (const ProcedureOptions& o : {options(Procedure::Kyphoplasty, "L1", Access::Bilateral),
                                      options(Procedure::Vertebroplasty, "T8", Access::Unilateral)}) {
        std::cout << "\n==== " << procedureTitle(o.procedure) << " " << o.level << " " << accessName(o.access) << "\n";
        for (PhaseId phase : phasesOf(o.procedure)) {
            const PhaseCaption c = phaseCaption(o, phase);
            std::cout << "\n## " << c.title << "\n[clinician] " << c.clinician << "\n[patient] " << c.patient << "\n";
        }
    }
}

} // namespace
} // namespace spineviz
