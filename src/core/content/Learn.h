#pragma once
// Reference text for medical students (and patients who want more): a glossary of the anatomy shown
// in the model and of the procedure's terms, topics (causes, candidates, risks, recovery, imaging, the
// two procedures compared) and a comparison table whose every row names its source.
// British spelling; every number carries its source in Learn.cpp and in docs/clinical-content.md.

#include <string>
#include <string_view>
#include <vector>

namespace spineviz {

enum class GlossaryGroup { Anatomy, Condition, Procedure };

struct GlossaryEntry {
    std::string term;   // "Pedicle"
    std::string plain;  // one plain sentence a patient can follow
    std::string detail; // for students: what it is, where, and why it matters in the procedure
    GlossaryGroup group = GlossaryGroup::Anatomy;
};

// All entries: anatomy first (in the order a tour of the model would meet them), then conditions,
// then procedure terms.
const std::vector<GlossaryEntry>& glossary();

// The entry whose term is `term` (case-insensitive), or nullptr.
const GlossaryEntry* findGlossaryEntry(std::string_view term);

// The entry for a model node kind (model_format::kKindVertebra, kKindDisc, ...), e.g. for a tooltip
// when the user points at a part of the model; nullptr for an unknown kind.
const GlossaryEntry* glossaryEntryForModelKind(std::string_view kind);

struct LearnTopic {
    std::string title;
    std::vector<std::string> paragraphs;
};

// Anatomy, the fracture, causes, candidates and contraindications, the two procedures compared,
// imaging and the safety rule, risks, recovery.
const std::vector<LearnTopic>& learnTopics();

struct ComparisonRow {
    std::string aspect;
    std::string kyphoplasty;
    std::string vertebroplasty;
    std::string source; // never empty
};

// Kyphoplasty against vertebroplasty, one aspect a row, for a table in the Learn panel.
const std::vector<ComparisonRow>& procedureComparison();

} // namespace spineviz
