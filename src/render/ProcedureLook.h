#pragma once
// How the app wants the procedure shown: the user's view choices, resolved for the current phase.

#include "core/procedure/InsideView.h"
#include "core/procedure/PhaseView.h"

namespace spineviz {

// How see-through the treated vertebra is when the view is left to choose (InsideView::Auto).
inline constexpr float kAutoGhostStrength = 0.6f;

struct ProcedureLook {
    bool ghost = false;        // the treated vertebra see-through
    float ghostStrength = 1.0f; // 1: a glass-like shell; less: bone that still reads as bone, the inside showing through
    bool cutaway = false;      // the treated body opened along a section plane, cut faces painted
    SectionMode section = SectionMode::Sagittal;
    bool instruments = true;
    bool trunk = false;        // the patient's trunk, see-through, around the spine
};

// Auto shows the inside (as a ghost) in the phases where the action is inside the body.
inline ProcedureLook resolveLook(InsideView choice, const PhaseView& view) {
    ProcedureLook look;
    look.section = view.section;
    look.ghost = choice == InsideView::Ghost || (choice == InsideView::Auto && view.inside);
    // Left to choose, the steps inside the body keep the bone's look and let the instruments show
    // through; asked for, the see-through view is the full glass shell, in every step.
    look.ghostStrength = choice == InsideView::Ghost ? 1.0f : kAutoGhostStrength;
    look.cutaway = choice == InsideView::Cutaway;
    look.trunk = view.trunk && !look.cutaway; // a cut-away is for looking inside the bone, not at the skin
    return look;
}

} // namespace spineviz
