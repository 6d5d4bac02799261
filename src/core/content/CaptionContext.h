#pragma once
// Shared by the caption files (not a public header): what a caption varies on, worked out once, and
// the small text helpers. Sources of numbers: see Captions.cpp.

#include "core/instruments/PedicleFit.h"
#include "core/procedure/Measurements.h"
#include "core/procedure/ProcedureOptions.h"
#include "core/content/Captions.h"

#include <initializer_list>
#include <string>

namespace spineviz::caption_detail {

enum class Region { Thoracic, Lumbar, Unknown };

// Everything a caption varies on, worked out once.
struct Context {
    bool kyphoplasty = true;
    bool bilateral = true;
    Region region = Region::Unknown;
    bool midThoracic = false; // T5-T8: the narrowest pedicles of the treatable levels
    bool named = false;       // the level is a treatable level, so the text may name it
    std::string level;        // "L1", or "the treated level"
    std::string vertebra;     // "the L1 vertebra", or "the treated vertebra"
    std::string bone;         // patient: "the bone called L1", or "the broken bone"
    int lumbarNumber = 0;     // 1..5 at L1..L5, else 0
    int grade = 2;
    Morphology morphology = Morphology::Wedge;
    // What this case turned out to be (phaseCaption(plan, state)); null / default without one.
    const Measurements* now = nullptr;  // this moment's measurements
    bool pedicleKnown = false;
    PedicleFit pedicle;                 // the access instrument against the pedicle
};

Context contextOf(const ProcedureOptions& options);

// Sentences joined with single spaces; empty ones are skipped.
std::string join(std::initializer_list<std::string> sentences);
inline const char* pick(bool condition, const char* yes, const char* no) { return condition ? yes : no; }
// A number for a caption: `digits` decimals.
std::string fixed(float value, int digits);

PhaseCaption healthy(const Context& c);
PhaseCaption fracture(const Context& c);
PhaseCaption preparation(const Context& c);
PhaseCaption access(const Context& c);
PhaseCaption drilling(const Context& c);
PhaseCaption balloonInsertion(const Context& c);
PhaseCaption inflation(const Context& c);
PhaseCaption deflation(const Context& c);
PhaseCaption cement(const Context& c);
PhaseCaption hardening(const Context& c);
PhaseCaption removal(const Context& c);
PhaseCaption outcome(const Context& c);

} // namespace spineviz::caption_detail
