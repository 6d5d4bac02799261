#pragma once
// Names and keys of the spineviz model format: what the model generator writes and the app reads.
// The prose definition is docs/model-format.md; keep the two in step.
//
// Everything spineviz-specific lives under the node's extras, in one object keyed "spineviz".
// Landmark points and directions are in the node's own (local) space, in metres.

namespace spineviz::model_format {

inline constexpr int kVersion = 1;

inline constexpr const char* kExtrasRoot = "spineviz";
inline constexpr const char* kFormat = "format";   // integer, kVersion
inline constexpr const char* kKind = "kind";       // one of the kinds below
inline constexpr const char* kLevel = "level";     // "T1" ... "L5", "S1" for the sacrum

// Node kinds.
inline constexpr const char* kKindVertebra = "vertebra";
inline constexpr const char* kKindSacrum = "sacrum";
inline constexpr const char* kKindTrabecular = "trabecular";     // inner surface of a bone (child node)
inline constexpr const char* kKindDisc = "disc";                 // annulus fibrosus outer surface
inline constexpr const char* kKindNucleus = "nucleus";           // nucleus pulposus (child of a disc)
inline constexpr const char* kKindDuralSac = "dural_sac";        // cord / thecal sac
inline constexpr const char* kKindCaudaEquina = "cauda_equina";
inline constexpr const char* kKindNerveRoot = "nerve_root";
inline constexpr const char* kKindRib = "rib";

// Disc extras: the levels above and below.
inline constexpr const char* kUpper = "upper";
inline constexpr const char* kLower = "lower";

// Vertebra landmarks (all in node-local space).
inline constexpr const char* kFrame = "frame";                 // {origin, anterior, superior, left}
inline constexpr const char* kOrigin = "origin";               // vertebral body centre
inline constexpr const char* kAnterior = "anterior";           // unit vectors of the anatomical frame
inline constexpr const char* kSuperior = "superior";
inline constexpr const char* kLeft = "left";
inline constexpr const char* kSuperiorEndplate = "superior_endplate"; // {centre, normal}
inline constexpr const char* kInferiorEndplate = "inferior_endplate";
inline constexpr const char* kCentre = "centre";
inline constexpr const char* kNormal = "normal";               // unit, pointing away from the body
inline constexpr const char* kAnteriorWall = "anterior_wall";   // mid-height, mid-sagittal, on the outer cortex
inline constexpr const char* kPosteriorWall = "posterior_wall";
inline constexpr const char* kPedicles = "pedicles";           // {left: {...}, right: {...}}
inline constexpr const char* kPedicleEntry = "entry";          // where the pedicle axis leaves the posterior bone surface
inline constexpr const char* kPedicleAxis = "axis";            // unit, from the entry into the body
inline constexpr const char* kPedicleWidth = "width";          // metres, transverse
inline constexpr const char* kPedicleHeight = "height";        // metres, sagittal

// Measured dimensions of the body as built (metres).
inline constexpr const char* kDimensions = "dimensions";
inline constexpr const char* kAnteriorHeight = "anterior_height";
inline constexpr const char* kMiddleHeight = "middle_height";
inline constexpr const char* kPosteriorHeight = "posterior_height";
inline constexpr const char* kEndplateWidth = "endplate_width";
inline constexpr const char* kEndplateDepth = "endplate_depth";
inline constexpr const char* kCorticalThickness = "cortical_thickness";
inline constexpr const char* kCanalWidth = "canal_width";
inline constexpr const char* kCanalDepth = "canal_depth";

// Material names: the renderer and the X-ray view choose their look and attenuation by these.
inline constexpr const char* kMaterialBone = "bone";                 // outer (cortical) bone surface
inline constexpr const char* kMaterialTrabecular = "bone_trabecular";
inline constexpr const char* kMaterialAnnulus = "disc_annulus";
inline constexpr const char* kMaterialNucleus = "disc_nucleus";
inline constexpr const char* kMaterialDuralSac = "dural_sac";
inline constexpr const char* kMaterialNerve = "nerve";

} // namespace spineviz::model_format
