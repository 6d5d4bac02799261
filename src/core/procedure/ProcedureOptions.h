#pragma once
// What the user chose: which procedure, on which level, for which fracture. Everything the
// procedure shows is a pure function of these options and the time.

#include <cstdint>
#include <optional>
#include <string>

namespace spineviz {

enum class Procedure { Kyphoplasty, Vertebroplasty };
enum class Morphology { Wedge, Biconcave, Crush }; // Genant: anterior, middle or whole-body height lost
enum class Access { Bilateral, Unilateral };         // through both pedicles or one
enum class Side { Left, Right };
// How old the fracture is: a fresh (acute) fracture is still mobile and can be reduced; a chronic or
// healed one has set in its collapsed shape (clinical.md: a fresh fracture is taller lying down).
enum class FractureAge { Acute, Chronic };

struct ProcedureOptions {
    Procedure procedure = Procedure::Kyphoplasty;
    std::string level = "L1";   // T5 .. L5
    Morphology morphology = Morphology::Wedge;
    int grade = 2;              // Genant grade 1..3
    Access access = Access::Bilateral;
    std::uint32_t seed = 1;     // varies the fracture and fill within their clinical ranges
    FractureAge age = FractureAge::Acute;

    bool operator==(const ProcedureOptions& o) const {
        return procedure == o.procedure && level == o.level && morphology == o.morphology && grade == o.grade &&
               access == o.access && seed == o.seed && age == o.age;
    }
    bool operator!=(const ProcedureOptions& o) const { return !(*this == o); }
};

// Command-line names ("kyphoplasty", "wedge", "bilateral", ...) and their parsers.
const char* procedureName(Procedure p);
const char* morphologyName(Morphology m);
const char* accessName(Access a);
const char* sideName(Side s);
const char* fractureAgeName(FractureAge age); // "acute", "chronic"
std::optional<FractureAge> parseFractureAge(const std::string& name);
std::optional<Procedure> parseProcedure(const std::string& name);
std::optional<Morphology> parseMorphology(const std::string& name);
std::optional<Access> parseAccess(const std::string& name);
// Display names for the UI ("Balloon kyphoplasty", "Wedge", ...).
const char* procedureTitle(Procedure p);
const char* morphologyTitle(Morphology m);

// Levels that may be treated (T5 .. L5), in order.
bool isTreatableLevel(const std::string& level);

} // namespace spineviz
