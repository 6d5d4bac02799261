#pragma once
// Checks shared by the content tests: sentence splitting, readability, jargon, spelling, numbers.

#include <string>
#include <vector>

namespace spineviz::text_checks {

// Sentences end at '.', '!' or '?' followed by whitespace or the end. The content avoids dotted
// abbreviations ("e.g.", "vs.") so that this split is exact (a test enforces it).
std::vector<std::string> sentences(const std::string& text);
int wordCount(const std::string& sentence);

bool containsIgnoreCase(const std::string& text, const std::string& needle);

// Words a patient should never meet in the patient voice.
const std::vector<std::string>& patientForbidden();
// Words allowed in the patient voice only when the same sentence explains them ("called", "(", ...).
const std::vector<std::string>& patientExplainOnUse();
bool sentenceExplains(const std::string& sentence);
// Problems with one patient-voice text (jargon, alarm, promises); empty when it is fine. Titles are
// checked without requireExplanations: a heading names a thing that its caption then explains.
std::vector<std::string> patientVoiceProblems(const std::string& text, bool requireExplanations = true);
// Jargon a plain glossary line must not use (unless the term itself is that word).
std::vector<std::string> forbiddenJargonIn(const std::string& text, const std::string& allowedTerm);

// Syllables in one word by the usual vowel-group count (a silent final "e" dropped, at least one);
// a numeral counts as two ("45" is "forty-five").
int syllables(const std::string& word);
// Flesch reading ease of the text: 206.835 - 1.015 (words per sentence) - 84.6 (syllables per
// word). 60-70 is plain English that most 13-15 year olds read easily; higher is easier.
double fleschReadingEase(const std::string& text);

// American spellings found in the text (the content is British).
std::vector<std::string> americanSpellings(const std::string& text);

// The numbers in the text, after removing citation identifiers (PMID, PMC, doi, patent, years, seed
// numbers such as 001) and level names (T12, L1, S1).
std::vector<std::string> numbersIn(const std::string& text);

} // namespace spineviz::text_checks
