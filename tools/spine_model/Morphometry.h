#pragma once
// Per-level morphometry of the modelled spine: the one parameter table (Morphometry.cpp), each value
// tagged with where it comes from. docs/anatomy.md explains every column and source.

#include <array>
#include <string>

namespace spine_model {

// Where a number comes from.
enum class Origin {
    Sourced,   // a published value (source named in the table's column notes)
    Derived,   // computed from published values or regressions (formula in the notes)
    Estimated, // no sourced value found (GAP): a reasoned estimate
};

struct Value {
    float v = 0.0f;
    Origin origin = Origin::Estimated;
    operator float() const { return v; }
};

// One vertebra. Lengths in mm, angles in degrees.
struct LevelMorphometry {
    const char* level;
    Value anteriorHeight, posteriorHeight; // body heights at the anterior and posterior rim
    Value endplateWidth, endplateDepth;    // upper endplate, transverse and mid-sagittal
    Value pedicleWidth, pedicleHeight;     // isthmus, transverse and sagittal
    Value pedicleMedialAngle;              // transverse angle of the pedicle axis to the sagittal plane (converging)
    Value pedicleSagittalAngle;            // axis tilt to the superior endplate, anterior end caudal
    Value canalWidth, canalDepth;          // interpedicular width, mid-sagittal depth
    Value spinousAngle;                    // below the transverse plane
    Value spinousLength;                   // from the lamina junction to the tip
    Value transverseProcess;               // thoracic: length from its base; lumbar: tip-to-tip width
    Value corticalThickness;               // outer shell of the body
};

// The disc below a level (the last one is L5-S1).
struct DiscMorphometry {
    const char* upper;
    const char* lower;
    Value centralHeight; // between the endplate centres
    Value wedgeAngle;    // lordotic positive: anterior taller than posterior
};

inline constexpr int kLevelCount = 17;

const std::array<LevelMorphometry, kLevelCount>& levelTable();
const std::array<DiscMorphometry, kLevelCount>& discTable();

// Sacrum (S1) figures used by the sacrum generator.
struct SacrumMorphometry {
    Value endplateWidth, endplateDepth;
    Value anteriorHeight, posteriorHeight; // of the S1 segment
    Value alarWidth;                       // tip to tip
    Value length;                          // S1 endplate to apex, along the curve
    Value canalWidth, canalDepth;
};
const SacrumMorphometry& sacrumTable();

// Facet joint orientation below a level, degrees from the sagittal plane (lumbar) or coronal (thoracic).
Value facetAngleBelow(int levelIndex);

const LevelMorphometry& levelByName(const std::string& level);

} // namespace spine_model
