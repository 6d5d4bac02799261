// The patient's guide: the whole story is there, in plain calm words a patient reads easily, and
// every figure it quotes names its source.
#include "core/content/PatientGuide.h"

#include "TextChecks.h"

#include <gtest/gtest.h>

#include <iostream>

namespace spineviz {
namespace {

using namespace text_checks;

// The readability bound. Flesch reading ease 60 is "plain English" (most 13-15 year olds read it
// easily); UK patient leaflets are advised to aim for it or higher, and for sentences of about 15-20
// words. A patient reads this from across a room while listening, so each page must reach 60 and no
// sentence may run past 22 words.
constexpr double kMinReadingEase = 60.0;
constexpr int kMaxSentenceWords = 22;

std::string joined(const PatientPage& page) {
    std::string all;
    for (const std::string& p : page.paragraphs) all += p + " ";
    return all;
}

const PatientPage* pageTitled(const std::string& word) {
    for (const PatientPage& page : patientGuide())
        if (containsIgnoreCase(page.title, word)) return &page;
    return nullptr;
}

void expectPageSays(const std::string& titleWord, std::initializer_list<const char*> words) {
    const PatientPage* page = pageTitled(titleWord);
    ASSERT_NE(page, nullptr) << "no page titled with '" << titleWord << "'";
    for (const char* word : words) EXPECT_TRUE(containsIgnoreCase(joined(*page), word)) << page->title << ": " << word;
}

TEST(PatientGuideTest, TellsTheWholeStory) {
    expectPageSays("why the bone broke", {"osteoporosis", "fall", "squashed", "height"});
    expectPageSays("two treatments", {"kyphoplasty", "vertebroplasty", "balloon", "cement", "height"});
    expectPageSays("who it suits", {"not healed", "not done", "infection", "clot", "nerves"});
    expectPageSays("before the day", {"blood tests", "thin the blood", "warfarin", "eat or drink", "drive"});
    expectPageSays("on the day", {"sedation", "general anaesthetic", "face down", "minutes", "small cut",
                                  "each side", "plaster"});
    expectPageSays("risks", {"cement", "infection", "bleeding", "nerve", "next to the treated", "reacts",
                             "fewer than 1 in 100"});
    expectPageSays("afterwards", {"1 to 2 hours", "same day", "drive you home", "ice", "6 weeks", "call the hospital"});
    expectPageSays("pain", {"eases", "painkillers", "does not ease", "bone density"});
}

TEST(PatientGuideTest, EndsWithQuestionsToAskYourDoctor) {
    const auto& pages = patientGuide();
    ASSERT_FALSE(pages.empty());
    const PatientPage& last = pages.back();
    EXPECT_EQ(last.title, "Questions to ask your doctor");
    EXPECT_TRUE(last.questions);
    EXPECT_GE(last.paragraphs.size(), 8u);
    for (const std::string& q : last.paragraphs) {
        ASSERT_FALSE(q.empty());
        EXPECT_EQ(q.back(), '?') << q;
        EXPECT_EQ(sentences(q).size(), 1u) << q;
    }
    for (std::size_t i = 0; i + 1 < pages.size(); ++i) EXPECT_FALSE(pages[i].questions) << pages[i].title;
}

TEST(PatientGuideTest, EveryPageReadsEasily) {
    for (const PatientPage& page : patientGuide()) {
        const double ease = fleschReadingEase(joined(page));
        EXPECT_GE(ease, kMinReadingEase) << page.title;
        for (const std::string& p : page.paragraphs)
            for (const std::string& s : sentences(p)) EXPECT_LE(wordCount(s), kMaxSentenceWords) << page.title << ": " << s;
    }
}

TEST(PatientGuideTest, TheReadabilityCheckTellsPlainFromDense) {
    EXPECT_EQ(syllables("cement"), 2);
    EXPECT_EQ(syllables("bone"), 1);
    EXPECT_EQ(syllables("table"), 2);
    EXPECT_EQ(syllables("hospital"), 3);
    EXPECT_EQ(syllables("45"), 2);
    EXPECT_GT(fleschReadingEase("The cat sat on the mat. It was a warm day."), 90.0);
    // A clinician's sentence fails the bound.
    EXPECT_LT(fleschReadingEase("Percutaneous transpedicular augmentation with polymethylmethacrylate under biplanar "
                                "fluoroscopic guidance stabilises osteoporotic vertebral compression fractures."),
              kMinReadingEase);
}

TEST(PatientGuideTest, SpeaksPlainlyAndCalmly) {
    for (const PatientPage& page : patientGuide()) {
        for (const std::string& problem : patientVoiceProblems(page.title, false)) ADD_FAILURE() << problem;
        for (const std::string& p : page.paragraphs) {
            for (const std::string& problem : patientVoiceProblems(p, false)) ADD_FAILURE() << page.title << ": " << problem;
            for (const std::string& word : americanSpellings(p)) ADD_FAILURE() << page.title << ": '" << word << "' in " << p;
            for (const char* abbreviation : {"e.g.", "i.e.", "vs.", "etc.", "Dr."})
                EXPECT_FALSE(containsIgnoreCase(p, abbreviation)) << page.title << ": " << p;
        }
    }
}

// A word a patient may not know is explained in the sentence where the guide first uses it.
TEST(PatientGuideTest, ExplainsEachHardWordWhereItFirstAppears) {
    for (const std::string& word : patientExplainOnUse()) {
        bool seen = false;
        for (const PatientPage& page : patientGuide()) {
            for (const std::string& p : page.paragraphs)
                for (const std::string& s : sentences(p)) {
                    if (seen || !containsIgnoreCase(s, word)) continue;
                    seen = true;
                    EXPECT_TRUE(sentenceExplains(s)) << "'" << word << "' first appears unexplained: " << s;
                }
        }
    }
}

TEST(PatientGuideTest, EveryFigureHasASource) {
    for (const PatientPage& page : patientGuide()) {
        const std::string text = joined(page);
        for (const PatientFigure& figure : page.figures) {
            EXPECT_TRUE(containsIgnoreCase(text, figure.text)) << page.title << ": figure not on the page: " << figure.text;
            EXPECT_TRUE(containsIgnoreCase(figure.source, "seed")) << page.title << ": " << figure.text << " has no source";
        }
        // Every number on the page belongs to a listed figure.
        for (const std::string& p : page.paragraphs)
            for (const std::string& s : sentences(p))
                for (const std::string& number : numbersIn(s)) {
                    bool listed = false;
                    for (const PatientFigure& figure : page.figures)
                        listed = listed || (containsIgnoreCase(s, figure.text) && !numbersIn(figure.text).empty() &&
                                            containsIgnoreCase(figure.text, number));
                    EXPECT_TRUE(listed) << page.title << ": unsourced number " << number << " in: " << s;
                }
    }
}

// Prints the guide for review: run with --gtest_also_run_disabled_tests.
TEST(PatientGuideTest, DISABLED_PrintForReview) {
    for (const PatientPage& page : patientGuide()) {
        std::cout << "\n## " << page.title << "  (reading ease " << fleschReadingEase(joined(page)) << ")\n";
        for (const std::string& p : page.paragraphs) std::cout << "\n" << (page.questions ? "- " : "") << p << "\n";
        for (const PatientFigure& f : page.figures) std::cout << "  [" << f.text << ": " << f.source << "]\n";
    }
}

} // namespace
} // namespace spineviz
