#pragma once
// Cement leaks: where cement leaves the vertebral body, and what each leak is called.
//
// Types follow Yeom 2003 (PMID 12585583): B basivertebral vein (through the posterior wall, toward
// the canal), S segmental vein (lateral / anterolateral wall), C cortical defect (paravertebral soft
// tissue; a posterior-wall defect puts cement in the canal), plus D intradiscal, often listed on its
// own (PMC8449924). The canal is kept apart from paravertebral C leaks because its consequence differs.

#include <glm/vec3.hpp>

#include <cstdint>

namespace spineviz {

enum class LeakType : std::uint8_t {
    Basivertebral, // B: basivertebral vein -> anterior epidural venous plexus
    SegmentalVein, // S: segmental (lateral) vein
    Paravertebral, // C: cortical defect -> paravertebral soft tissue
    Intradiscal,   // D: endplate break -> disc
    SpinalCanal,   // C: posterior-wall defect -> epidural space of the canal
};
inline constexpr int kLeakTypeCount = 5;

// "basivertebral", "segmental", "paravertebral", "intradiscal", "canal" (JSON, CLI).
const char* leakTypeName(LeakType type);
// Yeom 2003 letter: "B", "S", "C", "D", "C".
const char* leakTypeCode(LeakType type);
// For labels: "Basivertebral vein (type B)", ...
const char* leakTypeTitle(LeakType type);

// Cement outside the body that an image would show as a leak (mL): 0.05 mL is a blob about 4.6 mm
// across. Smaller traces are real but go unreported: on radiographs even most type B and S leaks
// that CT finds are missed (93 % and 86 %, Yeom 2003, PMID 12585583), so a few tenths of a
// millimetre of cement in a vein would not be called a leak (threshold: our reasoning, not a sourced
// figure). Below it, cement outside the body is reported as traces.
inline constexpr float kVisibleLeakMl = 0.05f;
inline bool isVisibleLeak(float volumeMl) { return volumeMl >= kVisibleLeakMl; }

// One leak of one injection: an exit the cement actually went through.
struct CementLeak {
    LeakType type = LeakType::Paravertebral;
    int exit = -1;                 // index into the bone model's exits (BoneField::exits())
    glm::vec3 exitPosition{0.0f};  // where it leaves the body, on the outer cortex (anatomical frame, m)
    glm::vec3 exitNormal{0.0f};    // outward direction there (unit)
    float startSeconds = 0.0f;     // injection seconds when the first cement passed the exit
    float finalVolumeMl = 0.0f;    // when the injection stops
};

} // namespace spineviz
