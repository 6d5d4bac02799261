#include "core/content/Captions.h"
#include "core/content/Learn.h"

#include "core/anatomy/ModelFormat.h"
#include "core/anatomy/SpineLevels.h"

#include "TextChecks.h"

#include <gtest/gtest.h>

#include <iostream>
#include <set>

namespace spineviz {
namespace {

using namespace text_checks;

bool glossaryHasTerm(const std::string& name) {
    for (const GlossaryEntry& entry : glossary())
        if (containsIgnoreCase(entry.term, name)) return true;
    return false;
}

const LearnTopic* topicContaining(const std::string& word) {
    for (const LearnTopic& topic : learnTopics())
        if (containsIgnoreCase(topic.title, word)) return &topic;
    return nullptr;
}

std::string joined(const LearnTopic& topic) {
    std::string all;
    for (const std::string& p : topic.paragraphs) all += p + " ";
    return all;
}

// Every distinct string the content module can show, each with a label for failure messages.
std::vector<std::pair<std::string, std::string>> allText() {
    std::vector<std::pair<std::string, std::string>> all;
    for (Procedure procedure : {Procedure::Kyphoplasty, Procedure::Vertebroplasty})
        for (std::string_view level : kVertebraLevels) {
            if (!isTreatableLevel(std::string(level))) continue;
            for (Morphology morphology : {Morphology::Wedge, Morphology::Biconcave, Morphology::Crush})
                for (int grade = 1; grade <= 3; ++grade)
                    for (Access access : {Access::Bilateral, Access::Unilateral}) {
                        ProcedureOptions o;
                        o.procedure = procedure;
                        o.level = std::string(level);
                        o.morphology = morphology;
                        o.grade = grade;
                        o.access = access;
                        for (PhaseId phase : phasesOf(procedure)) {
                            const PhaseCaption c = phaseCaption(o, phase);
                            const std::string label = std::string(procedureName(procedure)) + " " + o.level + " " +
                                                      phaseName(phase);
                            all.emplace_back(label + " title", c.title);
                            all.emplace_back(label + " clinician", c.clinician);
                            all.emplace_back(label + " patient", c.patient);
                        }
                    }
        }
    for (const GlossaryEntry& e : glossary()) {
        all.emplace_back("glossary " + e.term, e.term);
        all.emplace_back("glossary " + e.term + " plain", e.plain);
        all.emplace_back("glossary " + e.term + " detail", e.detail);
    }
    for (const LearnTopic& t : learnTopics()) {
        all.emplace_back("topic title", t.title);
        for (const std::string& p : t.paragraphs) all.emplace_back("topic " + t.title, p);
    }
    for (const ComparisonRow& r : procedureComparison())
        for (const std::string* s : {&r.aspect, &r.kyphoplasty, &r.vertebroplasty, &r.source})
            all.emplace_back("comparison " + r.aspect, *s);
    std::set<std::string> seen;
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& entry : all)
        if (seen.insert(entry.second).second) out.push_back(std::move(entry));
    return out;
}

TEST(LearnTest, GlossaryCoversEveryKindOfPartInTheModel) {
    namespace mf = model_format;
    for (const char* kind : {mf::kKindVertebra, mf::kKindSacrum, mf::kKindTrabecular, mf::kKindDisc, mf::kKindNucleus,
                             mf::kKindDuralSac, mf::kKindCaudaEquina, mf::kKindNerveRoot, mf::kKindRib}) {
        const GlossaryEntry* entry = glossaryEntryForModelKind(kind);
        ASSERT_NE(entry, nullptr) << kind;
        EXPECT_EQ(entry->group, GlossaryGroup::Anatomy) << kind;
    }
    EXPECT_EQ(glossaryEntryForModelKind("no_such_kind"), nullptr);
    // The disc's outer surface is the annulus; the materials name cortical bone.
    EXPECT_TRUE(glossaryHasTerm("annulus fibrosus"));
    EXPECT_TRUE(glossaryHasTerm("cortical"));
}

TEST(LearnTest, GlossaryCoversTheAnatomyAndTheProcedureTerms) {
    for (const char* name :
         {"vertebral body", "endplate", "cortical shell", "trabecular", "cancellous", "pedicle", "lamina",
          "spinous process", "transverse process", "superior articular process", "inferior articular process",
          "facet joint", "intervertebral disc", "annulus fibrosus", "nucleus pulposus", "vertebral foramen",
          "spinal canal", "spinal cord", "conus medullaris", "cauda equina", "nerve root", "rib", "costal facet",
          "sacrum", "dural sac", "posterior vertebral wall", "trocar", "cannula", "balloon tamp", "marker bands",
          "PMMA", "fluoroscopy", "C-arm", "kyphosis", "Genant grade", "osteoporosis", "compression fracture",
          "cement leakage", "cement embolism", "transpedicular", "extrapedicular", "interdigitation"})
        EXPECT_TRUE(glossaryHasTerm(name)) << name;
}

TEST(LearnTest, GlossaryEntriesAreCompleteUniqueAndPlain) {
    std::set<std::string> terms;
    for (const GlossaryEntry& e : glossary()) {
        EXPECT_TRUE(terms.insert(e.term).second) << "duplicate " << e.term;
        EXPECT_FALSE(e.plain.empty()) << e.term;
        EXPECT_FALSE(e.detail.empty()) << e.term;
        EXPECT_EQ(findGlossaryEntry(e.term), &e);
        for (const std::string& s : sentences(e.plain)) EXPECT_LE(wordCount(s), 24) << e.term << ": " << s;
        for (const std::string& word : forbiddenJargonIn(e.plain, e.term))
            ADD_FAILURE() << e.term << " plain line uses '" << word << "': " << e.plain;
    }
    EXPECT_NE(findGlossaryEntry("PEDICLE"), nullptr);
    EXPECT_EQ(findGlossaryEntry("no such term"), nullptr);
}

TEST(LearnTest, TopicsCoverCausesCandidatesRisksRecoveryAndTheComparison) {
    for (const LearnTopic& t : learnTopics()) {
        EXPECT_FALSE(t.title.empty());
        EXPECT_FALSE(t.paragraphs.empty()) << t.title;
        for (const std::string& p : t.paragraphs) EXPECT_FALSE(p.empty()) << t.title;
    }
    const LearnTopic* causes = topicContaining("cause");
    ASSERT_NE(causes, nullptr);
    for (const char* word : {"osteoporosis", "tumour", "myeloma", "fall"})
        EXPECT_TRUE(containsIgnoreCase(joined(*causes), word)) << word;

    const LearnTopic* candidates = topicContaining("candidate");
    ASSERT_NE(candidates, nullptr);
    for (const char* word : {"painless", "spinal canal", "infection", "bleeding disorder", "MRI"})
        EXPECT_TRUE(containsIgnoreCase(joined(*candidates), word)) << word;

    const LearnTopic* risks = topicContaining("risk");
    ASSERT_NE(risks, nullptr);
    for (const char* word : {"leak", "type B", "type S", "embolism", "nerve", "spinal cord", "infection",
                             "bleeding", "adjacent", "reaction"})
        EXPECT_TRUE(containsIgnoreCase(joined(*risks), word)) << word;

    const LearnTopic* recovery = topicContaining("recovery");
    ASSERT_NE(recovery, nullptr);
    for (const char* word : {"same day", "6 weeks", "bone density", "walking"})
        EXPECT_TRUE(containsIgnoreCase(joined(*recovery), word)) << word;

    const LearnTopic* compared = topicContaining("compared");
    ASSERT_NE(compared, nullptr);
    for (const char* word : {"18.4%", "54.7%", "97%", "30%", "4.8°", "1.7°"})
        EXPECT_TRUE(containsIgnoreCase(joined(*compared), word)) << word;
}

TEST(LearnTest, EveryComparisonRowCarriesASource) {
    const auto& rows = procedureComparison();
    ASSERT_GE(rows.size(), 5u);
    for (const ComparisonRow& r : rows) {
        EXPECT_FALSE(r.aspect.empty());
        EXPECT_FALSE(r.kyphoplasty.empty()) << r.aspect;
        EXPECT_FALSE(r.vertebroplasty.empty()) << r.aspect;
        EXPECT_FALSE(r.source.empty()) << r.aspect;
    }
    auto row = [&](const std::string& aspect) -> const ComparisonRow* {
        for (const ComparisonRow& r : rows)
            if (containsIgnoreCase(r.aspect, aspect)) return &r;
        return nullptr;
    };
    const ComparisonRow* leak = row("leak");
    ASSERT_NE(leak, nullptr);
    EXPECT_EQ(leak->kyphoplasty, "18.4%");
    EXPECT_EQ(leak->vertebroplasty, "54.7%");
    EXPECT_NE(leak->source.find("PMID 28192270"), std::string::npos);
    const ComparisonRow* height = row("height");
    ASSERT_NE(height, nullptr);
    EXPECT_NE(height->kyphoplasty.find("97%"), std::string::npos);
    EXPECT_NE(height->vertebroplasty.find("30%"), std::string::npos);
    EXPECT_NE(height->source.find("PMID 11154534"), std::string::npos);
    const ComparisonRow* kyphosis = row("kyphosis");
    ASSERT_NE(kyphosis, nullptr);
    EXPECT_NE(kyphosis->kyphoplasty.find("4.8"), std::string::npos);
    EXPECT_NE(kyphosis->vertebroplasty.find("1.7"), std::string::npos);
    EXPECT_NE(kyphosis->source.find("PMC3459114"), std::string::npos);
}

TEST(LearnTest, AllTextUsesBritishSpelling) {
    for (const auto& [label, text] : allText())
        for (const std::string& word : americanSpellings(text))
            ADD_FAILURE() << label << ": '" << word << "' in " << text;
}

TEST(LearnTest, AllTextAvoidsDottedAbbreviations) { // so that sentence counts are exact
    for (const auto& [label, text] : allText())
        for (const char* abbreviation : {"e.g.", "i.e.", "vs.", "approx.", "etc.", "Dr.", "cf.", "et al."})
            EXPECT_FALSE(containsIgnoreCase(text, abbreviation)) << label << ": " << text;
}

// Every number the app shows must come from shared/reference (clinical.md, anatomy.md) or be an
// anatomical count. The sources are cited next to each use in src/core/content and listed in
// docs/clinical-content.md; this list keeps an unsourced number from slipping in.
TEST(LearnTest, EveryNumberShownIsASourcedOne) {
    static const std::set<std::string> sourced = {
        "0", "1", "2", "3", // Genant grades 0-3; 2-3 mL balloons (Kyphon IFU); < 1% deep infection (seed 003)
        "4",                // superficial infection 2-4% (seed 003)
        "5", "10", "15", "20", "25", // lumbar medial aim ~5 deg per level, L1 5 ... L5 25 (Dickman 1992); 5 lumbar
                                     // vertebrae; 10/15/20 mm balloons (Kyphon IFU); Genant 20/25%; 15 gauge
                                     // (openradiology.org); 25% paraspinal leaks (JOSR 2019); 15 min (seed 002)
        "30",               // 20-30 deg extrapedicular (openradiology.org); 30% ex vivo (PMID 11154534); ~30% BaSO4
        "40",               // Genant grade 2/3 boundary
        "6",                // weeks: avoid strenuous activity, follow-up (seeds 000-004)
        "7", "3.5", "0.11", "0.9", // embolism by cement volume (JOSR 10.1186/s13018-019-1459-4)
        "11", "13",         // 11-13 gauge (PMC7976525); sets ~13 min (US7968616); ~11 min at 37 C (Hindawi 2011)
        "12",               // 12 thoracic vertebrae (anatomy)
        "37",               // deg C (Hindawi 2011)
        "39", "57",         // canal temperature (Belkoff & Molloy 2003)
        "97", "18.4", "54.7", "4.8", "1.7", // PMID 11154534; PMID 28192270; PMC3459114
        "1.5", "2.1",       // height gains in a CT series (PMC6147886)
        "5.56", "4,187",    // cortical disruption odds ratio; vertebrae in the meta-analysis (PMID 28192270)
        "3,175", "26", "0.7", // leak distribution in vertebroplasty (JOSR 2019)
        "1.9",              // pulmonary cement embolism on CT (JOSR 2021)
        "93", "86",         // leaks missed on radiographs (Yeom 2003, PMID 12585583)
        "19.8", "30.1", "16.8", // grade 2 T12 shape (JOSR 10.1186/s13018-023-03758-w)
        "4.1", "4.9",       // cement volume in myeloma kyphoplasty (PMC4068843)
    };
    for (const auto& [label, text] : allText())
        for (const std::string& number : numbersIn(text))
            EXPECT_TRUE(sourced.count(number)) << label << ": unsourced number " << number << " in " << text;
}

TEST(LearnTest, TheNumberCheckIgnoresCitationsAndLevels) {
    EXPECT_EQ(numbersIn("At L1 and T12 (PMID 28192270; PMC3459114; doi 10.1186/x; Yeom 2003) 18.4%"),
              std::vector<std::string>{"18.4"});
    EXPECT_EQ(numbersIn("4,187 vertebrae, 11–13 gauge, +1.5 mm"),
              (std::vector<std::string>{"4,187", "11", "13", "1.5"}));
}

// Prints the glossary, the topics and the table for review: run with --gtest_also_run_disabled_tests.
TEST(LearnTest, DISABLED_PrintForReview) {
    for (const GlossaryEntry& e : glossary())
        std::cout << "\n* " << e.term << "\n  plain: " << e.plain << "\n  detail: " << e.detail << "\n";
    for (const LearnTopic& t : learnTopics()) {
        std::cout << "\n## " << t.title << "\n";
        for (const std::string& p : t.paragraphs) std::cout << "\n" << p << "\n";
    }
    std::cout << "\n| aspect | kyphoplasty | vertebroplasty | source |\n";
    for (const ComparisonRow& r : procedureComparison())
        std::cout << "| " << r.aspect << " | " << r.kyphoplasty << " | " << r.vertebroplasty << " | " << r.source
                  << " |\n";
}

} // namespace
} // namespace spineviz
