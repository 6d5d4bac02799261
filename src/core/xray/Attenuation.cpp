#include "core/xray/Attenuation.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace spineviz::xray {
namespace {

// ---------------------------------------------------------------------------------------------
// Coefficients at 70 keV, in 1/cm. "biomech §6" is ../shared/reference/biomech.md section 6
// (NIST XCOM / X-ray mass attenuation tables, Hubbell & Seltzer, and python3-xraylib mixtures).
//
// Why 70 keV: a spine fluoroscopy beam (about 80-100 kVp, filtered, hardened by 20-30 cm of
// body) has an effective energy of roughly 55-70 keV (estimate); 70 keV is the one energy at
// which the reference gives every class, trabecular bone included.
// ---------------------------------------------------------------------------------------------

constexpr float kWater = 0.193f;       // NIST (biomech §6)
constexpr float kSoftTissue = 0.201f;  // skeletal muscle, 1.05 g/cm3: NIST, xraylib (biomech §6)
constexpr float kCortical = 0.489f;    // cortical bone ICRU-44, 1.92 g/cm3: xraylib, ICRP composition (biomech §6)
// Trabecular bone from its CT number at 120 kV, HU = 1000 (mu - mu_water) / mu_water at 70 keV
// (DERIVED in biomech §6): 89 HU, the L1 mean at age 90 and over (Jang 2019, Radiology 291:360;
// below the 135 HU osteoporosis-risk threshold), and 226 HU, the mean before age 30.
constexpr float kTrabecularOsteoporotic = 0.210f;
constexpr float kTrabecularYoung = 0.236f;
constexpr float kDisc = kSoftTissue;   // no sourced value: treated as soft tissue (GAP in biomech §6)
constexpr float kSteel316L = 6.85f;    // 316L nominal composition, 8.0 g/cm3: DERIVED, xraylib (biomech §6)
constexpr float kPmma = 0.217f;        // PMMA, 1.19 g/cm3: NIST (biomech §6); stands in for the handles' plastics
constexpr float kCement = 1.76f;       // PMMA + 30 wt % BaSO4, 1.527 g/cm3 pore-free: DERIVED (biomech §6);
                                       // Kyphon HV-R is "approximately 30% barium sulfate" (its IFU)

// Elemental mass attenuation coefficients (cm2/g) from the NIST tables (Hubbell & Seltzer,
// physics.nist.gov/PhysRefData/XrayMassCoef/ElemTab/z53, z77, z78), read from the transcription in
// github.com/ehsteve/roentgen roentgen/data/elements/z53.csv, z77.csv, z78.csv. 70 keV lies between
// tabulated energies, so it is interpolated log-log (how the NIST tables are meant to be read);
// platinum's and iridium's K edges (78.39, 76.11 keV) are above 70 keV, so their upper points are
// the values just below the edge.
struct NistPoint {
    float keV, massMu;
};
constexpr NistPoint kIodine60{60.0f, 7.579f}, kIodine80{80.0f, 3.510f};
constexpr NistPoint kPlatinum60{60.0f, 4.339f}, kPlatinumBelowK{78.39f, 2.203f};
constexpr NistPoint kIridium60{60.0f, 4.176f}, kIridiumBelowK{76.11f, 2.284f};

float logLog(const NistPoint& a, const NistPoint& b, float keV) {
    const float t = std::log(keV / a.keV) / std::log(b.keV / a.keV);
    return std::exp(std::log(a.massMu) + t * (std::log(b.massMu) - std::log(a.massMu)));
}

// Balloon fill: iodinated contrast diluted with saline. Estimate: 60 % iohexol 300 mgI/mL
// (a common kyphoplasty mix; the IFUs say only "contrast medium"), so 0.18 g iodine per mL; the
// rest of the solution (about 1.03 g/mL: 60 % of iohexol 300's 1.349 g/mL plus 40 % saline, less
// the iodine) is low-Z and attenuates like water.
constexpr float kIodineGramsPerMl = 0.18f;
constexpr float kWaterDensity = 1.0f; // g/mL: water's mu/rho is kWater / kWaterDensity
constexpr float kContrastRestGramsPerMl = 1.03f;
float contrastMu() {
    return kIodineGramsPerMl * logLog(kIodine60, kIodine80, 70.0f) + kContrastRestGramsPerMl * kWater / kWaterDensity;
}

// Marker bands: platinum with 10 % iridium by mass (the usual radiopaque marker alloy; the IFUs
// say only "radiopaque markers", so the alloy is an estimate). Density 21.56 g/cm3 from the
// elements' 21.45 and 22.56 g/cm3 mixed by mass.
constexpr float kPlatinumFraction = 0.9f;
constexpr float kMarkerDensity = 21.56f;
float markerMu() {
    const float massMu = kPlatinumFraction * logLog(kPlatinum60, kPlatinumBelowK, 70.0f) +
                         (1.0f - kPlatinumFraction) * logLog(kIridium60, kIridiumBelowK, 70.0f);
    return kMarkerDensity * massMu;
}

constexpr float kPerCmToPerM = 100.0f;

} // namespace

std::string_view xrayClassName(XrayClass c) {
    switch (c) {
    case XrayClass::SoftTissue: return "soft tissue";
    case XrayClass::Cortical: return "cortical bone";
    case XrayClass::Trabecular: return "trabecular bone";
    case XrayClass::Disc: return "disc";
    case XrayClass::Steel: return "stainless steel";
    case XrayClass::Contrast: return "contrast medium";
    case XrayClass::Marker: return "platinum-iridium marker";
    case XrayClass::Cement: return "cement (PMMA + BaSO4)";
    case XrayClass::Count: break;
    }
    return "?";
}

AttenuationTable standardAttenuation(BoneQuality bone) {
    AttenuationTable t;
    const auto set = [&](XrayClass c, float perCm) { t.mu[static_cast<std::size_t>(c)] = perCm * kPerCmToPerM; };
    set(XrayClass::SoftTissue, kSoftTissue);
    set(XrayClass::Cortical, kCortical);
    set(XrayClass::Trabecular, bone == BoneQuality::Osteoporotic ? kTrabecularOsteoporotic : kTrabecularYoung);
    set(XrayClass::Disc, kDisc);
    set(XrayClass::Steel, kSteel316L);
    set(XrayClass::Contrast, contrastMu());
    set(XrayClass::Marker, markerMu());
    set(XrayClass::Cement, kCement);
    t.plastic = kPmma * kPerCmToPerM;
    t.energyKeV = 70.0f;
    return t;
}

const std::array<CoefficientSource, 11>& coefficientSources() {
    static const std::array<CoefficientSource, 11> sources = {{
        {"water", kWater, "NIST (biomech.md section 6)"},
        {"soft tissue (muscle)", kSoftTissue, "NIST, xraylib (biomech.md section 6)"},
        {"cortical bone ICRU-44", kCortical, "xraylib, ICRP composition (biomech.md section 6)"},
        {"trabecular bone, osteoporotic (89 HU)", kTrabecularOsteoporotic, "DERIVED from HU, Jang 2019 (biomech.md section 6)"},
        {"trabecular bone, young (226 HU)", kTrabecularYoung, "DERIVED from HU, Jang 2019 (biomech.md section 6)"},
        {"disc", kDisc, "GAP: soft tissue (biomech.md section 6)"},
        {"316L stainless steel", kSteel316L, "DERIVED, xraylib (biomech.md section 6)"},
        {"PMMA (handles)", kPmma, "NIST (biomech.md section 6)"},
        {"cement PMMA + 30 % BaSO4", kCement, "DERIVED, mass mixture (biomech.md section 6)"},
        {"contrast, 60 % iohexol 300", contrastMu(), "DERIVED: NIST iodine mu/rho, dilution an estimate"},
        {"Pt-10Ir marker", markerMu(), "DERIVED: NIST Pt, Ir mu/rho; alloy an estimate"},
    }};
    return sources;
}

bool displacesBody(XrayClass c) { return c != XrayClass::Steel && c != XrayClass::Marker; }

float transmitted(float lineIntegral) { return std::exp(-lineIntegral); }

float lineIntegral(const std::array<float, kXrayClassCount>& lengths, float bodyLength, const AttenuationTable& table,
                   bool insideBody) {
    const float body = table.of(XrayClass::SoftTissue);
    float sum = insideBody ? body * bodyLength : 0.0f;
    for (int c = 0; c < kXrayClassCount; ++c) {
        const XrayClass k = static_cast<XrayClass>(c);
        const float mu = table.of(k) - (insideBody && displacesBody(k) ? body : 0.0f);
        sum += mu * lengths[static_cast<std::size_t>(c)];
    }
    return sum;
}

float chordThroughSphere(const glm::vec3& origin, const glm::vec3& dir, const glm::vec3& centre, float radius) {
    const glm::vec3 oc = origin - centre;
    const float b = glm::dot(oc, dir);
    const float c = glm::dot(oc, oc) - radius * radius;
    const float disc = b * b - c;
    if (disc <= 0.0f) return 0.0f;
    const float h = std::sqrt(disc);
    const float t0 = std::max(-b - h, 0.0f), t1 = -b + h;
    return std::max(t1 - t0, 0.0f);
}

float chordThroughBox(const glm::vec3& origin, const glm::vec3& dir, const glm::vec3& boxMin, const glm::vec3& boxMax) {
    float t0 = 0.0f, t1 = std::numeric_limits<float>::max();
    for (int a = 0; a < 3; ++a) {
        if (std::abs(dir[a]) < 1e-12f) {
            if (origin[a] < boxMin[a] || origin[a] > boxMax[a]) return 0.0f;
            continue;
        }
        float near = (boxMin[a] - origin[a]) / dir[a], far = (boxMax[a] - origin[a]) / dir[a];
        if (near > far) std::swap(near, far);
        t0 = std::max(t0, near);
        t1 = std::min(t1, far);
    }
    return std::max(t1 - t0, 0.0f);
}

} // namespace spineviz::xray
