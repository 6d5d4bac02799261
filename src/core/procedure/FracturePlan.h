#pragma once
// How this patient's vertebral body collapses and how much height each step gives back. Drawn
// once from the options (grade, shape, age, seed) within the ranges the literature gives; the
// balloon's share is set once the inflation is planned (ProcedurePlan: it depends on the volume the
// balloons reached, and so on the bone and the access).

#include "core/anatomy/VertebraLandmarks.h"
#include "core/procedure/ProcedureOptions.h"

namespace spineviz {

struct WallHeights { // metres
    float anterior = 0.0f, middle = 0.0f, posterior = 0.0f;
};

WallHeights mix(const WallHeights& a, const WallHeights& b, float t);

struct FracturePlan {
    WallHeights rest;        // the healthy body, as modelled
    WallHeights fractured;   // at the end of the fracture phase, standing
    float heightLoss = 0.0f; // fraction of the worst wall's height lost (Genant)
    float reducible = 0.0f;  // fraction of the lost height that can come back at best (mobility, shape, grade)
    float posturalRecovery = 0.0f; // fraction of lost height regained lying prone (the fracture is mobile)
    float treatedRecovery = 0.0f;  // fraction regained in all when treatment ends (kyphoplasty: mostly the balloon)
    float deflationLoss = 0.0f;    // fraction of the balloon's gain lost when it is deflated
    float depth = 0.0f;            // endplate depth, for the wedge angle
    float endplateAreaMm2 = 0.0f;  // elliptic endplate

    // Vertebroplasty's treatedRecovery is set here; kyphoplasty's by applyBalloonReduction.
    static FracturePlan make(const ProcedureOptions& options, const BodyDimensions& dimensions);

    // Volume the collapse took from the body (mL): endplate area times the mean wall height lost.
    float lostVolumeMl() const;
    // The balloons took back `reduction` (0..1) of the height still reducible after positioning.
    void applyBalloonReduction(float reduction);

    // Heights after regaining `recovered` (0..1) of the lost height.
    WallHeights recoveredBy(float recovered) const;
};

// Genant grade (0..3) for a fractional height loss (qims.amegroups.com/article/view/24006/22821).
int genantGrade(float heightLoss);
// Fractional loss of the worst wall relative to the healthy body.
float heightLossOf(const WallHeights& current, const WallHeights& rest);
// Wedge (kyphotic) angle of a body with these wall heights, degrees; positive when the front is shorter.
float wedgeAngleDegrees(const WallHeights& heights, float depth);

} // namespace spineviz
