#include "TextChecks.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace spineviz::text_checks {

std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        current += text[i];
        const char c = text[i];
        const bool end = i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]));
        if ((c == '.' || c == '!' || c == '?') && end) {
            const auto first = current.find_first_not_of(' ');
            if (first != std::string::npos) out.push_back(current.substr(first));
            current.clear();
        }
    }
    const auto first = current.find_first_not_of(" \t\n");
    if (first != std::string::npos) out.push_back(current.substr(first)); // no final stop: still a sentence
    return out;
}

int wordCount(const std::string& sentence) {
    int count = 0;
    bool inWord = false, hasAlnum = false;
    for (std::size_t i = 0; i <= sentence.size(); ++i) {
        const bool space = i == sentence.size() || std::isspace(static_cast<unsigned char>(sentence[i]));
        if (!space) {
            inWord = true;
            if (std::isalnum(static_cast<unsigned char>(sentence[i]))) hasAlnum = true;
        } else if (inWord) {
            if (hasAlnum) ++count;
            inWord = hasAlnum = false;
        }
    }
    return count;
}

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool hasWholeWord(const std::string& text, const std::string& word) { // case-sensitive
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool before = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
        const std::size_t after = at + word.size();
        const bool behind = after >= text.size() || !std::isalnum(static_cast<unsigned char>(text[after]));
        if (before && behind) return true;
    }
    return false;
}

// Case-sensitive abbreviations a patient would not know.
const std::vector<std::string> kPatientAbbreviations = {"PMMA", "AP", "mL", "psi", "CT", "MRI", "DXA", "VCF"};

std::vector<std::regex> compile(const std::vector<std::string>& patterns) {
    std::vector<std::regex> out;
    for (const std::string& p : patterns) out.emplace_back(p, std::regex::icase);
    return out;
}

const std::vector<std::string> kAlarm = {
    R"(\bparaly)", R"(\bdeath\b)", R"(\bdie[sd]?\b)", R"(\bfatal)", R"(\bdanger)", R"(\bagon)", R"(\bexcruciat)",
    R"(\bterribl)", R"(\bhorribl)", R"(\bcatastroph)", R"(\bdisaster)", R"(\bcrush)", R"(\bcollaps)",
    R"(\bemergenc)", R"(\bserious)", R"(\bsevere)", R"(\bcancer)", R"(\bshatter)", R"(\bsmash)"};
const std::vector<std::string> kPromise = {
    R"(\bguarantee)", R"(\bdefinitely\b)", R"(\bcertainly\b)", R"(\bpain[- ]free\b)", R"(\bwill fix)",
    R"(\bpermanent)", R"(\bforever\b)", R"(\bcompletely\b)", R"(100 ?%)", R"(\bcure)", R"(\bno pain\b)",
    R"(\bwill feel better\b)", R"(\bwill be fine\b)", R"(\bperfect)", R"(\bsafe\b)", R"(\bpainless\b)",
    R"(\balways\b)", R"(\bnever\b)"};
} // namespace

bool containsIgnoreCase(const std::string& text, const std::string& needle) {
    return lower(text).find(lower(needle)) != std::string::npos;
}

const std::vector<std::string>& patientForbidden() {
    static const std::vector<std::string> words = {
        "transpedicular", "extrapedicular", "interdigitat", "kyphotic",   "kyphosis",  "genant",
        "percutaneous",   "radiopaque",     "trabecula",    "cancellous", "cortical",  "cortex",
        "anterior",       "posterior",      "lateral",      "morpholog",  "contraindicat", "embol",
        "retropuls",      "periosteum",     "polymeris",    "exotherm",   "stylet",    "augmentation",
        "prone",          "incision",       "manometer",    "endplate",   "biconcave", "gauge"};
    return words;
}

const std::vector<std::string>& patientExplainOnUse() {
    static const std::vector<std::string> words = {"vertebra", "pedicle",  "fluoroscop",   "cannula",
                                                   "trocar",   "tamp",     "sedation",     "contrast",
                                                   "c-arm",    "osteoporosis", "compression fracture",
                                                   "anaesthe"};
    return words;
}

bool sentenceExplains(const std::string& sentence) {
    static const std::vector<std::string> markers = {" called ", "known as", "which is", "which means",
                                                     " means ", "a kind of", "(", "doctors call"};
    return std::any_of(markers.begin(), markers.end(),
                       [&](const std::string& m) { return containsIgnoreCase(sentence, m); });
}

std::vector<std::string> patientVoiceProblems(const std::string& text, bool requireExplanations) {
    static const std::vector<std::regex> alarm = compile(kAlarm), promise = compile(kPromise);
    std::vector<std::string> problems;
    for (const std::string& sentence : sentences(text)) {
        for (const std::string& word : patientForbidden())
            if (containsIgnoreCase(sentence, word)) problems.push_back("jargon '" + word + "' in: " + sentence);
        for (const std::string& word : kPatientAbbreviations)
            if (hasWholeWord(sentence, word)) problems.push_back("abbreviation '" + word + "' in: " + sentence);
        for (const std::string& word : patientExplainOnUse())
            if (requireExplanations && containsIgnoreCase(sentence, word) && !sentenceExplains(sentence))
                problems.push_back("unexplained '" + word + "' in: " + sentence);
        for (std::size_t i = 0; i < alarm.size(); ++i)
            if (std::regex_search(sentence, alarm[i]))
                problems.push_back("alarming /" + kAlarm[i] + "/ in: " + sentence);
        for (std::size_t i = 0; i < promise.size(); ++i)
            if (std::regex_search(sentence, promise[i]))
                problems.push_back("promise /" + kPromise[i] + "/ in: " + sentence);
    }
    return problems;
}

std::vector<std::string> forbiddenJargonIn(const std::string& text, const std::string& allowedTerm) {
    std::vector<std::string> found;
    for (const std::string& word : patientForbidden())
        if (containsIgnoreCase(text, word) && !containsIgnoreCase(allowedTerm, word)) found.push_back(word);
    for (const std::string& word : kPatientAbbreviations)
        if (hasWholeWord(text, word) && !hasWholeWord(allowedTerm, word)) found.push_back(word);
    return found;
}

std::vector<std::string> americanSpellings(const std::string& text) {
    static const std::vector<std::string> patterns = {
        R"(anesthe)", R"(\btumor)", R"(\bcolor)", R"(\bcenter)", R"(\bfiber)", R"(\bhem(a|o)t)", R"(\bedema)",
        R"(orthopedic)", R"(\btoward\b)", R"(\bbehavior)", R"(\bfavor)", R"(\bgray\b)", R"(millimeter)",
        R"(centimeter)", R"(\bliter\b)", R"(milliliter)", R"(\bpediatric)", R"(\bprogram\b)", R"(\blabor\b)",
        R"(neighbor\b)", R"(\bmaneuver)", R"(\besophag)", R"(\bleukemia)", R"(\banemi)", R"(\bcaliber)",
        R"((stabil|minim|visual|mobil|organ|recogn|real|polymer|steril|local|optim|neutral|util|character)iz)",
        R"((emphas|categor|immobil|anaesthet|hospital)iz)"};
    static const std::vector<std::regex> compiled = compile(patterns);
    std::vector<std::string> found;
    for (const std::regex& pattern : compiled) {
        std::smatch m;
        if (std::regex_search(text, m, pattern)) found.push_back(m.str());
    }
    return found;
}

int syllables(const std::string& word) {
    std::string letters;
    bool digits = false;
    for (char c : word) {
        if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (std::isdigit(static_cast<unsigned char>(c))) digits = true;
    }
    if (letters.empty()) return digits ? 2 : 0;
    const auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
    int count = 0;
    for (std::size_t i = 0; i < letters.size(); ++i)
        if (vowel(letters[i]) && (i == 0 || !vowel(letters[i - 1]))) ++count;
    const std::size_t n = letters.size();
    if (count > 1 && letters[n - 1] == 'e' && !(n >= 2 && letters[n - 2] == 'l')) --count;
    return std::max(count, 1);
}

double fleschReadingEase(const std::string& text) {
    int sentenceCount = 0, words = 0, syllableCount = 0;
    for (const std::string& sentence : sentences(text)) {
        ++sentenceCount;
        std::string word;
        for (std::size_t i = 0; i <= sentence.size(); ++i) {
            if (i < sentence.size() && !std::isspace(static_cast<unsigned char>(sentence[i])) && sentence[i] != '-') {
                word += sentence[i];
                continue;
            }
            const int s = syllables(word);
            if (s > 0) {
                ++words;
                syllableCount += s;
            }
            word.clear();
        }
    }
    if (sentenceCount == 0 || words == 0) return 0.0;
    return 206.835 - 1.015 * double(words) / double(sentenceCount) - 84.6 * double(syllableCount) / double(words);
}

std::vector<std::string> numbersIn(const std::string& text) {
    static const std::regex citations(
        R"(PMID \d+|PMC\d+|doi \S+|US\d{6,}|\b(19|20)\d\d\b|\b[TLS]\d{1,2}\b|\d{4}/\d+|\b0\d\d\b)");
    const std::string stripped = std::regex_replace(text, citations, " ");
    static const std::regex number(R"((^|[^A-Za-z0-9.,/])(\d{1,3}(,\d{3})+|\d+(\.\d+)?))");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(stripped.begin(), stripped.end(), number); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[2].str());
    return out;
}

} // namespace spineviz::text_checks
