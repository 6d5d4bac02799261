#pragma once
// The caption panel's text: for each phase of the procedure, a short title and two voices.
//
// - clinician: precise terms for surgeons in training (transpedicular, posterior third, Genant grade,
//   PMMA, AP / lateral fluoroscopy...), safety points, and numbers only where a source backs them
//   (the source is cited next to the number in Captions.cpp and listed in docs/clinical-content.md).
// - patient: calm, plain and warm, in the second person, for a consultation on a big screen: short
//   sentences, no jargon unless it is explained in the same sentence, no promises of outcome.
//
// Both voices are tailored to the options: the procedure (vertebroplasty never mentions a balloon or
// a cavity), the access (one or both pedicles), the level (named; thoracic levels note the narrow
// pedicles and the extrapedicular route, lumbar levels the transpedicular angle), and the fracture's
// Genant grade and morphology. British spelling throughout.

#include "core/procedure/Phase.h"
#include "core/procedure/ProcedureOptions.h"
#include "core/procedure/ProcedureState.h"

#include <string>

namespace spineviz {

struct PhaseCaption {
    std::string title;     // short and plain, shared by both voices ("Reaching the bone")
    std::string clinician; // 2-4 sentences
    std::string patient;   // 2-4 short sentences
};

// The caption of `phase` for these options. All three strings are empty when `phase` is not a step
// of options.procedure (e.g. Inflation in a vertebroplasty). A level that is not treatable (or not a
// level at all) gives generic wording ("the treated vertebra") instead of a name.
PhaseCaption phaseCaption(const ProcedureOptions& options, PhaseId phase);

// The caption of the state's phase for this case, built from what happened: the access instrument
// against the pedicle (a finer needle or the extrapedicular route when it is too tight), the cement
// so far (volume, each needle, pressure, leaks) and, at the outcome, the height restored and every
// visible leak. Falls back to the options' wording where the state adds nothing.
PhaseCaption phaseCaption(const ProcedurePlan& plan, const ProcedureState& state);

} // namespace spineviz
