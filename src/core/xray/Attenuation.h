#pragma once
// What X-rays see: the linear attenuation coefficient of every material class in the scene at the
// beam's effective energy, and the Beer–Lambert law that turns path lengths into transmission.
// Every coefficient and where it comes from is listed in Attenuation.cpp and docs/fluoroscopy.md.
//
// Image formation (docs/fluoroscopy.md): for each detector pixel, the length L_c of the ray from the
// point source through each material class c is measured; the transmitted fraction is
//     I / I0 = exp(-sum_c mu_c L_c).
// Everything inside the patient displaces the soft tissue of the body around it, so the body is
// an analytic elliptic cylinder of soft tissue (BodyOutline) and the classes inside it count with
// their excess over that tissue, mu_c - mu_tissue (see displacesBody()).

#include <glm/vec3.hpp>

#include <array>
#include <string_view>

namespace spineviz::xray {

// The classes the path-length pass keeps apart: one float channel each (two RGBA targets).
enum class XrayClass {
    SoftTissue = 0, // soft tissue, dura, nerve (and the analytic body around the spine)
    Cortical,       // cortical bone: the outer bone surface less what its trabecular core takes
    Trabecular,     // trabecular (cancellous) bone with its marrow
    Disc,           // intervertebral disc
    Steel,          // stainless-steel instruments (plastic parts count here at their equivalent length)
    Contrast,       // the balloon's fill: diluted iodinated contrast medium
    Marker,         // the balloon's marker bands, platinum-iridium
    Cement,         // PMMA bone cement with 30 wt % barium sulfate
    Count
};
inline constexpr int kXrayClassCount = static_cast<int>(XrayClass::Count);
std::string_view xrayClassName(XrayClass c);

// The cortex of a bone the model gives no trabecular core (the ribs), metres: an elderly adult's
// rib cortex is about 0.5-1.5 mm thick (estimate; docs/fluoroscopy.md). The rest of its volume is
// marrow, counted as trabecular bone.
inline constexpr float kCorelessCortex = 0.0007f;

// Bone quality of the trabecular interior (its CT number: docs/fluoroscopy.md).
enum class BoneQuality { Osteoporotic, Young };

// Linear attenuation coefficients in 1/m, for the GPU (metres are the scene's unit).
struct AttenuationTable {
    std::array<float, kXrayClassCount> mu{}; // per class, 1/m
    float plastic = 0.0f;                    // instrument handles, 1/m
    float energyKeV = 70.0f;

    float of(XrayClass c) const { return mu[static_cast<std::size_t>(c)]; }
};

// The table at the beam's effective energy (70 keV: the one energy at which the reference gives
// every class; see Attenuation.cpp), in 1/m.
AttenuationTable standardAttenuation(BoneQuality bone = BoneQuality::Osteoporotic);

// The coefficients in 1/cm, as tabulated, with their sources (for docs and tests).
struct CoefficientSource {
    const char* material;
    float muPerCm;
    const char* source;
};
const std::array<CoefficientSource, 11>& coefficientSources();

// True where a class sits inside the body and displaces its soft tissue: it then attenuates with
// its excess over soft tissue. Metal (steel, markers) is left at its full value: the tissue it
// displaces is under 3 % of its attenuation, and instruments run partly outside the skin.
bool displacesBody(XrayClass c);

// Beer–Lambert. lineIntegral = sum mu L (dimensionless).
float transmitted(float lineIntegral);
// sum_c mu_c L_c for path lengths per class (metres), with bodyLength metres of the analytic body
// (0 without one): the same sum the GPU computes.
float lineIntegral(const std::array<float, kXrayClassCount>& lengths, float bodyLength, const AttenuationTable& table,
                   bool insideBody);

// Chord lengths for the analytic checks (tests) and the body outline. Rays are origin + t * dir,
// dir unit; the result is the length inside the solid (0 when the ray misses).
float chordThroughSphere(const glm::vec3& origin, const glm::vec3& dir, const glm::vec3& centre, float radius);
// An axis-aligned box.
float chordThroughBox(const glm::vec3& origin, const glm::vec3& dir, const glm::vec3& boxMin, const glm::vec3& boxMax);

} // namespace spineviz::xray
