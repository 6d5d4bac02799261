#pragma once
// The instruments' sizes, in millimetres, each with its source; "estimate" marks a value chosen to
// look and fit like the real device where no published figure was found (handles, lengths). The
// procedure code may read these (e.g. to place the working cannula's tip or to size a cavity).
//
// Sources:
//  [gauge]   Needle gauge comparison chart (nominal regular-wall OD/ID; derived from the Stubs /
//            Birmingham wire gauge), en.wikipedia.org/wiki/Needle_gauge_comparison_chart.
//  [ajnr]    Vertebroplasty trocar 11-13 gauge (AJNR 2004, PMC7976525); 15 gauge in upper thoracic
//            pedicles (openradiology.org) - both via shared/reference/clinical.md.
//  [ifu]     KYPHON Xpander / Express Inflatable Bone Tamp IFU M708348B151E and Xpander II IFU
//            M708348B164: sizes 10/3, 15/3, 20/3 (and 10/2, 15/2) = nominal length mm / max volume
//            mL; radiopaque markers at the distal and proximal end of the deflated balloon; dual-lumen
//            shaft (outer lumen inflates, central lumen holds a removable stiffening stylet); a
//            Y-adapter with a straight stylet port (capped stylet) and a side inflation port; an exit
//            marker printed on the shaft; a colour band by size.
//  [k140937] FDA 510(k) K140937: a 2 mL kyphoplasty balloon with a profile <= 3.48 mm.
//  [k223709] FDA 510(k) K223709: constrained burst pressure >= 400 psi.
//  [synflate] DePuy Synthes SYNFLATE vertebral balloon technique guide: 10 G access, balloons
//            10/15/20 mm with a pre-inflation profile of 3.2 mm, two radiopaque markers, diamond or
//            bevel trocar tips, an inflation syringe with a manometer reading psi.
//  [bfd]     Neurosurgery 2003;53(2):380 (PMID 12925255): the KyphX bone filler device is a tube
//            loaded with cement and emptied by pushing an inner stylet; each holds a small volume.

namespace spineviz::instrument_dims {

// Needle tubing by gauge [gauge]: nominal outer and inner diameter (regular wall).
struct GaugeSize {
    int gauge;
    float outerMm;
    float innerMm;
};
inline constexpr GaugeSize kGaugeTable[] = {
    {8, 4.191f, 3.429f}, {10, 3.404f, 2.692f}, {11, 3.048f, 2.388f}, {12, 2.769f, 2.159f},
    {13, 2.413f, 1.803f}, {14, 2.108f, 1.600f}, {15, 1.829f, 1.372f},
};
// The table row for a gauge; gauges not in the table fall back to 11 G.
inline constexpr GaugeSize gaugeSize(int gauge) {
    for (const GaugeSize& g : kGaugeTable)
        if (g.gauge == gauge) return g;
    return kGaugeTable[2];
}

// --- Trocar (bone access needle, Jamshidi type) and vertebroplasty needle --------------------------
inline constexpr int kTrocarGauge = 11;                // 11-13 G for vertebroplasty [ajnr]; 11 G default
inline constexpr float kNeedleShaftLengthMm = 110.0f;  // handle nose to cannula tip; estimate (10-12 cm)
inline constexpr float kStyletProtrusionMm = 2.5f;     // diamond tip beyond the cannula; estimate
inline constexpr float kBevelAngleDeg = 40.0f;         // vertebroplasty needle bevel face to the axis; estimate
inline constexpr float kTHandleSpanMm = 70.0f;         // T-handle crossbar tip to tip; estimate (6-8 cm)
inline constexpr float kTHandleGripDiameterMm = 17.0f; // crossbar grip thickness at its widest; estimate
inline constexpr float kHandleHubDiameterMm = 16.0f;   // central hub; estimate
inline constexpr float kHandleHubLengthMm = 20.0f;     // estimate
inline constexpr float kHandleNoseLengthMm = 12.0f;    // tapered nose from hub to shaft; estimate
inline constexpr float kLuerOuterDiameterMm = 7.5f;    // female Luer lock hub incl. thread lugs ~ ISO 80369-7; estimate

// --- Working cannula (kyphoplasty access cannula) ------------------------------------------------
inline constexpr int kWorkingCannulaGauge = 8;            // 4.19 mm OD; estimate for Kyphon-class kits (10 G in [synflate])
inline constexpr float kWorkingCannulaLengthMm = 100.0f;  // grip nose to tip; estimate
inline constexpr float kWorkingCannulaGripDiameterMm = 26.0f; // round grip; estimate
inline constexpr float kWorkingCannulaGripLengthMm = 24.0f;   // estimate
inline constexpr float kDepthMarkSpacingMm = 10.0f;       // 1 cm depth marks; estimate

// --- Bone drill -----------------------------------------------------------------------------------
inline constexpr float kDrillDiameterMm = 3.2f;        // passes the 3.43 mm lumen of the 8 G cannula; estimate
inline constexpr float kDrillFluteLengthMm = 15.0f;    // estimate
inline constexpr float kDrillFlutePitchMm = 12.0f;     // helix pitch (about 40 deg helix angle); estimate
inline constexpr float kDrillPointAngleDeg = 90.0f;    // included tip angle; estimate
inline constexpr float kDrillReachMm = 30.0f;          // how far it can pass beyond the cannula tip; estimate
inline constexpr float kDrillHandleDiameterMm = 22.0f; // estimate
inline constexpr float kDrillHandleLengthMm = 45.0f;   // estimate

// --- Inflatable bone tamp (balloon) ---------------------------------------------------------------
inline constexpr float kBalloonNominalLengthsMm[] = {10.0f, 15.0f, 20.0f}; // [ifu]
inline constexpr float kBalloonMaxVolumeMl = 3.0f;         // Xpander sizes x/3 [ifu] (Express: 2 mL)
inline constexpr float kBalloonFoldedProfileMm = 3.2f;     // [synflate]; within <= 3.48 mm [k140937]
inline constexpr float kBalloonBurstPsi = 400.0f;          // constrained burst >= 400 psi [k223709]
inline constexpr float kBalloonDistalTipMm = 2.0f;         // catheter tip beyond the balloon; estimate
inline constexpr float kTampInnerShaftDiameterMm = 1.0f;   // central lumen tube; estimate
inline constexpr float kTampCatheterDiameterMm = 2.6f;     // outer shaft; estimate (must pass the cannula)
inline constexpr float kMarkerBandDiameterMm = 1.3f;       // Pt/Ir band on the inner shaft; estimate
inline constexpr float kMarkerBandLengthMm = 1.0f;         // estimate
inline constexpr float kMarkerInsetMm = 0.3f;              // from each balloon end; "at the ends" [ifu]
inline constexpr float kTampShaftLengthMm = 165.0f;        // balloon to Y-adapter; estimate

// --- Inflation syringe ----------------------------------------------------------------------------
inline constexpr float kSyringeBarrelOuterMm = 25.0f;   // a 20 mL barrel; estimate
inline constexpr float kSyringeBarrelInnerMm = 21.0f;   // estimate
inline constexpr float kSyringeStrokeMm = 57.7f;        // 20 mL through the 21 mm bore
inline constexpr float kGaugeDialDiameterMm = 44.0f;    // estimate
inline constexpr float kGaugeFullScalePsi = 400.0f;     // the balloon's rated burst [k223709]; brief
inline constexpr float kGaugeSweepDeg = 270.0f;         // dial sweep; estimate (usual for Bourdon gauges)
inline constexpr float kTubingOuterMm = 3.2f;           // high-pressure line; estimate
inline constexpr float kTubingLengthMm = 230.0f;        // approximate path length; estimate

// --- Bone filler device -------------------------------------------------------------------------
inline constexpr float kBoneFillerOuterMm = 3.2f;   // passes the working cannula; estimate
inline constexpr float kBoneFillerInnerMm = 2.6f;   // estimate
inline constexpr float kBoneFillerLengthMm = 140.0f; // tip to the back flange; estimate
// Cement it holds: pi/4 * 2.6^2 * ~136 mm ~= 0.72 mL ("a small volume" [bfd]).

} // namespace spineviz::instrument_dims
