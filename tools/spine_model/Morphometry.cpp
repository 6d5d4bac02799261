#include "Morphometry.h"

#include <stdexcept>

namespace spine_model {
namespace {

constexpr Value S(float v) { return {v, Origin::Sourced}; }
constexpr Value D(float v) { return {v, Origin::Derived}; }
constexpr Value E(float v) { return {v, Origin::Estimated}; }

// ------------------------------------------------------------------------------------------------
// THE PARAMETER TABLE. S = sourced, D = derived from sources, E = estimate (no source: GAP).
// Column notes (full references in docs/anatomy.md and shared/reference/anatomy.md):
//  Ha, Hp  T1-T11: Hp = Kaur 2016 CT "body height" (assumed posterior: its T12 28.9 matches Busscher's
//          T12 Hp 28.5); Ha = Hp - (D-4)*tan(w) with an estimated kyphotic body wedge w of
//          1,2,2.5,3,3.5,4,4,3.5,3,2,1.5 deg (T1..T11; apex at T6-T7).  T12-L5: Busscher 2010 VBHa/VBHp.
//  EPW     T1-T10: Kaur 2016 body width x 0.855 (D: the mean Panjabi/Kaur ratio at T11-T12, since Kaur's
//          widths run ~15% above Panjabi's endplate widths). T11-L5: Panjabi 1991/92 EPWu.
//  EPD     T1-T12: GAP, estimated (thoracic bodies deepen from ~17 to ~31 mm). L1-L5: D, LMG regression
//          EPDu = 1.2326 hL + 2.838 with hL from a 175 cm stature (Tibbetts fractions).
//  PDW     T1-T12: Kaur 2016. L1-L5: Panjabi 1992 (mean of left and right).
//  PDH     T1-T12: Kaur 2016. L1-L5: D, LMG regression 0.5528 hL + 2.0493 (same hL).
//  medial  T1: Demiroz (33). T4, T12: Chughtai (23.39, 3.99); T2-T3, T5-T11: linear interpolation (D).
//          L1-L5: Dickman 1992 rule of thumb, level x 5 deg (clinical.md "Access").
//  sagit.  T2: Cureus 19.22 (the maximum). Others E: falling from T2 to ~0 at L5 (Lien 2007 says so in
//          words only).
//  canal   width: T4/T5 Kaur 21.12, T11-L5 Panjabi SCW; others E. depth: T2 21.2 and T7 17.03 Chughtai
//          (T3-T6 interpolated), T11-L5 Panjabi SCD; others E.
//  spin.a  Kaur: T1 30.11, T6 57.89, T12 16.21; T2-T5, T7-T11 linear interpolation (D). Lumbar E.
//  spin.L  GAP: all estimated.
//  TP      T1 23.54, T7 31.21, T12 12.11 Kaur (length; its start is not stated: laid off from the pedicle's
//          medial wall, see VertebraGeometry.cpp); others interpolated (D). L1-L5: LMG tip-to-tip width
//          (74.21, 88.84, 96.89, 96.79, 97.45; hard-coded in LMG without a source).
//  cort.   GAP: cortical shell of the body, estimated 0.7 mm (within the 0.5-1 mm range of the brief).
// ------------------------------------------------------------------------------------------------
const std::array<LevelMorphometry, kLevelCount> kLevels = {{
    //       Ha        Hp        EPW       EPD       PDW        PDH        medial     sagit.     canalW     canalD     spin.a     spin.L    TP         cort.
    {"T1",  E(18.7),  S(18.9),  D(28.3),  E(17.0),  S(9.3),    S(9.0),    S(33.0),   E(17.0),   E(22.0),   E(20.5),   S(30.11),  E(38.0),  S(23.54),  E(0.7)},
    {"T2",  E(18.5),  S(19.0),  D(27.4),  E(19.0),  S(7.5),    S(10.3),   D(29.8),   S(19.22),  E(21.6),   S(21.2),   D(35.7),   E(40.0),  D(24.8),   E(0.7)},
    {"T3",  E(19.5),  S(20.2),  D(28.0),  E(21.0),  S(6.0),    S(10.4),   D(26.6),   E(18.0),   E(21.3),   D(20.37),  D(41.2),   E(40.0),  D(26.1),   E(0.7)},
    {"T4",  E(20.0),  S(21.0),  D(29.2),  E(23.0),  S(4.5),    S(10.3),   S(23.39),  E(17.0),   S(21.12),  D(19.53),  D(46.8),   E(40.0),  D(27.4),   E(0.7)},
    {"T5",  E(21.45), S(22.7),  D(30.9),  E(24.5),  S(5.0),    S(10.6),   D(20.97),  E(16.0),   S(21.12),  D(18.70),  D(52.3),   E(40.0),  D(28.7),   E(0.7)},
    {"T6",  E(21.36), S(22.9),  D(32.1),  E(26.0),  S(5.5),    S(10.2),   D(18.54),  E(15.0),   E(20.8),   D(17.86),  S(57.89),  E(40.0),  D(29.9),   E(0.7)},
    {"T7",  E(22.6),  S(24.2),  D(32.6),  E(27.0),  S(6.0),    S(10.4),   D(16.12),  E(14.0),   E(20.5),   S(17.03),  D(50.9),   E(40.0),  S(31.21),  E(0.7)},
    {"T8",  E(23.3),  S(24.8),  D(32.7),  E(28.0),  S(6.3),    S(10.9),   D(13.69),  E(13.0),   E(20.1),   E(16.8),   D(44.0),   E(38.0),  D(27.4),   E(0.7)},
    {"T9",  E(24.5),  S(25.8),  D(33.9),  E(29.0),  S(6.3),    S(12.0),   D(11.27),  E(12.0),   E(19.8),   E(16.5),   D(37.1),   E(36.0),  D(23.6),   E(0.7)},
    {"T10", E(26.8),  S(27.7),  D(36.9),  E(30.0),  S(6.5),    S(13.7),   D(8.84),   E(10.0),   E(19.6),   E(16.2),   D(30.1),   E(33.0),  D(19.8),   E(0.7)},
    {"T11", E(27.4),  S(28.1),  S(35.2),  E(30.5),  S(7.8),    S(15.0),   D(6.42),   E(8.0),    S(19.4),   S(16.0),   D(23.2),   E(30.0),  D(15.9),   E(0.7)},
    {"T12", S(25.6),  S(28.5),  S(39.2),  E(31.0),  S(8.3),    S(15.0),   S(3.99),   E(6.0),    S(22.2),   S(18.1),   S(16.21),  E(28.0),  S(12.11),  E(0.7)},
    {"L1",  S(25.5),  S(28.5),  S(41.2),  D(32.41), S(8.60),   D(15.31),  S(5.0),    E(4.0),    S(23.7),   S(19.0),   E(10.0),   E(28.0),  S(74.21),  E(0.7)},
    {"L2",  S(27.3),  S(29.8),  S(42.6),  D(32.67), S(8.25),   D(15.43),  S(10.0),   E(3.0),    S(23.8),   S(18.2),   E(8.0),    E(30.0),  S(88.84),  E(0.7)},
    {"L3",  S(28.7),  S(29.8),  S(44.1),  D(32.99), S(10.15),  D(15.57),  S(15.0),   E(2.0),    S(24.3),   S(17.5),   E(5.0),    E(30.0),  S(96.89),  E(0.7)},
    {"L4",  S(27.8),  S(28.0),  S(46.6),  D(32.83), S(14.05),  D(15.50),  S(20.0),   E(1.0),    S(25.4),   S(18.6),   E(5.0),    E(27.0),  S(96.79),  E(0.7)},
    {"L5",  S(29.5),  S(24.9),  S(47.3),  D(33.26), S(18.60),  D(15.69),  S(25.0),   E(0.0),    S(27.1),   S(19.7),   E(10.0),   E(22.0),  S(97.45),  E(0.7)},
}};

// Discs. Height: T1-T2..T11-T12 E, spread linearly over the 4.5-7.2 mm thoracic range (Kunkel 2011, via
// a secondary note); T12-L1..L4-L5 Busscher 2010 central height; L5-S1 Twomey 1985 (male, 10.6), because
// Busscher's 8.8 leaves too thin a posterior height at this wedge. Wedge: GAP, estimated so that
// T1-T12 kyphosis ~40 deg, T11-L1 ~0 and L1-S1 lordosis ~56 deg (AO Surgery Reference / Spine Secrets
// ranges), lordosis concentrated at L4-S1 as the AO reference describes; split 15/20 between L4-L5 and
// L5-S1 so that L4's and L5's spinous processes stay apart.
const std::array<DiscMorphometry, kLevelCount> kDiscs = {{
    {"T1", "T2", E(4.5), E(-0.7)},   {"T2", "T3", E(4.77), E(-0.7)},  {"T3", "T4", E(5.04), E(-0.7)},
    {"T4", "T5", E(5.31), E(-0.7)},  {"T5", "T6", E(5.58), E(-0.7)},  {"T6", "T7", E(5.85), E(-0.7)},
    {"T7", "T8", E(6.12), E(-0.7)},  {"T8", "T9", E(6.39), E(-0.7)},  {"T9", "T10", E(6.66), E(-0.7)},
    {"T10", "T11", E(6.93), E(-0.7)}, {"T11", "T12", E(7.2), E(3.0)}, {"T12", "L1", S(9.3), E(5.0)},
    {"L1", "L2", S(10.3), E(6.0)},   {"L2", "L3", S(11.5), E(8.0)},   {"L3", "L4", S(11.8), E(12.0)},
    {"L4", "L5", S(12.7), E(15.0)},  {"L5", "S1", S(10.6), E(20.0)},
}};

// Sacrum: GAP for all but the L5-S1 interface; estimates from general anatomy (S1 endplate a little
// wider than L5's, alae ~105 mm across, curved length ~105 mm). The canal continues L5's.
const SacrumMorphometry kSacrum = {E(49.0), E(34.0), E(27.0), E(24.0), E(104.0), E(105.0), E(28.0), E(16.0)};

// Facet joint angles (GAP, estimates): thoracic joints lie ~20 deg off the coronal plane; lumbar ones
// turn from near-sagittal (L1-L2, ~25 deg from sagittal) towards ~50 deg at L5-S1.
const std::array<Value, kLevelCount> kFacetAngles = {{E(20), E(20), E(20), E(20), E(20), E(20), E(20), E(20), E(20), E(20),
                                                      E(20), E(25), E(25), E(30), E(38), E(45), E(50)}};

} // namespace

const std::array<LevelMorphometry, kLevelCount>& levelTable() { return kLevels; }
const std::array<DiscMorphometry, kLevelCount>& discTable() { return kDiscs; }
const SacrumMorphometry& sacrumTable() { return kSacrum; }
Value facetAngleBelow(int levelIndex) { return kFacetAngles.at(static_cast<std::size_t>(levelIndex)); }

const LevelMorphometry& levelByName(const std::string& level) {
    for (const LevelMorphometry& m : kLevels)
        if (level == m.level) return m;
    throw std::invalid_argument("unknown level " + level);
}

} // namespace spine_model
