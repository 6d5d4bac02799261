// The attenuation table: every class ordered as physics says, the values the reference gives, the
// derived contrast and marker values, Beer-Lambert and the chord helpers.

#include "core/xray/Attenuation.h"
#include "core/xray/BodyOutline.h"

#include <gtest/gtest.h>

#include <cmath>

namespace spineviz::xray {
namespace {

float perCm(const AttenuationTable& t, XrayClass c) { return t.of(c) / 100.0f; }

TEST(AttenuationTest, ReferenceValuesAt70keV) {
    const AttenuationTable t = standardAttenuation();
    EXPECT_FLOAT_EQ(t.energyKeV, 70.0f);
    // ../shared/reference/biomech.md section 6, the 70 keV column.
    EXPECT_NEAR(perCm(t, XrayClass::SoftTissue), 0.201f, 1e-6f);
    EXPECT_NEAR(perCm(t, XrayClass::Cortical), 0.489f, 1e-6f);
    EXPECT_NEAR(perCm(t, XrayClass::Trabecular), 0.210f, 1e-6f); // 89 HU
    EXPECT_NEAR(perCm(standardAttenuation(BoneQuality::Young), XrayClass::Trabecular), 0.236f, 1e-6f); // 226 HU
    EXPECT_NEAR(perCm(t, XrayClass::Disc), 0.201f, 1e-6f);
    EXPECT_NEAR(perCm(t, XrayClass::Steel), 6.85f, 1e-5f);
    EXPECT_NEAR(perCm(t, XrayClass::Cement), 1.76f, 1e-6f);
    EXPECT_NEAR(t.plastic / 100.0f, 0.217f, 1e-6f);
}

TEST(AttenuationTest, DerivedContrastAndMarkerValues) {
    const AttenuationTable t = standardAttenuation();
    // Iodine 5.02 cm2/g at 70 keV (NIST, log-log between 60 and 80 keV) x 0.18 g/mL + the water-like rest.
    const float iodine = std::exp(std::log(7.579f) + std::log(70.0f / 60.0f) / std::log(80.0f / 60.0f) * std::log(3.510f / 7.579f));
    EXPECT_NEAR(iodine, 5.017f, 0.01f);
    EXPECT_NEAR(perCm(t, XrayClass::Contrast), 0.18f * iodine + 1.03f * 0.193f, 1e-4f);
    EXPECT_NEAR(perCm(t, XrayClass::Contrast), 1.10f, 0.01f);
    // Pt-10Ir at 21.56 g/cm3: about 63 /cm.
    EXPECT_NEAR(perCm(t, XrayClass::Marker), 63.0f, 0.5f);
}

TEST(AttenuationTest, ClassesOrderedAsRadiologyExpects) {
    const AttenuationTable t = standardAttenuation();
    EXPECT_LT(perCm(t, XrayClass::SoftTissue), perCm(t, XrayClass::Trabecular));
    EXPECT_LT(perCm(t, XrayClass::Trabecular), perCm(t, XrayClass::Cortical));
    EXPECT_LT(perCm(t, XrayClass::Cortical), perCm(t, XrayClass::Contrast));
    EXPECT_LT(perCm(t, XrayClass::Contrast), perCm(t, XrayClass::Cement)); // cement: far more opaque than bone
    EXPECT_GT(perCm(t, XrayClass::Cement), 3.0f * perCm(t, XrayClass::Cortical));
    EXPECT_LT(perCm(t, XrayClass::Cement), perCm(t, XrayClass::Steel));
    EXPECT_LT(perCm(t, XrayClass::Steel), perCm(t, XrayClass::Marker));
}

TEST(AttenuationTest, EverySourceIsNamed) {
    for (const CoefficientSource& s : coefficientSources()) {
        EXPECT_GT(s.muPerCm, 0.0f) << s.material;
        EXPECT_GT(std::string(s.source).size(), 3u) << s.material;
    }
}

TEST(AttenuationTest, BeerLambertAndDisplacement) {
    const AttenuationTable t = standardAttenuation();
    EXPECT_NEAR(transmitted(0.0f), 1.0f, 1e-7f);
    EXPECT_NEAR(transmitted(std::log(2.0f)), 0.5f, 1e-6f);
    std::array<float, kXrayClassCount> lengths{};
    lengths[static_cast<std::size_t>(XrayClass::Cortical)] = 0.01f;
    lengths[static_cast<std::size_t>(XrayClass::Steel)] = 0.002f;
    // In air: the full coefficients.
    EXPECT_NEAR(lineIntegral(lengths, 0.0f, t, false), t.of(XrayClass::Cortical) * 0.01f + t.of(XrayClass::Steel) * 0.002f, 1e-5f);
    // In the body: 20 cm of it with 1 cm of bone inside = 19 cm tissue + 1 cm bone; steel keeps its full value.
    const float mu = t.of(XrayClass::SoftTissue);
    EXPECT_NEAR(lineIntegral(lengths, 0.20f, t, true), mu * 0.19f + t.of(XrayClass::Cortical) * 0.01f + t.of(XrayClass::Steel) * 0.002f, 1e-4f);
}

TEST(AttenuationTest, Chords) {
    EXPECT_NEAR(chordThroughSphere({0, 0, 1}, {0, 0, -1}, {0, 0, 0}, 0.1f), 0.2f, 1e-6f);
    EXPECT_NEAR(chordThroughSphere({0.06f, 0, 1}, {0, 0, -1}, {0, 0, 0}, 0.1f), 0.16f, 1e-5f);
    EXPECT_EQ(chordThroughSphere({0.2f, 0, 1}, {0, 0, -1}, {0, 0, 0}, 0.1f), 0.0f);
    EXPECT_NEAR(chordThroughSphere({0, 0, 0}, {0, 0, -1}, {0, 0, 0}, 0.1f), 0.1f, 1e-6f); // starts inside
    EXPECT_NEAR(chordThroughBox({0, 0, 1}, {0, 0, -1}, {-1, -1, -0.01f}, {1, 1, 0.01f}), 0.02f, 1e-6f);
    const glm::vec3 oblique = glm::normalize(glm::vec3(0.1f, 0.0f, -1.0f));
    EXPECT_NEAR(chordThroughBox({0, 0, 1}, oblique, {-1, -1, -0.01f}, {1, 1, 0.01f}), 0.02f / -oblique.z, 1e-6f);

    EllipticCylinder trunk;
    trunk.semiLateral = 0.16f;
    trunk.semiDepth = 0.11f;
    EXPECT_NEAR(chordLength(trunk, {0, 0, 1}, {0, 0, -1}), 0.22f, 1e-5f);
    EXPECT_NEAR(chordLength(trunk, {1, 0.3f, 0}, {-1, 0, 0}), 0.32f, 1e-5f);
    AxisEllipsoid lung;
    lung.centre = {0.1f, 0.2f, 0.0f};
    lung.semiAxes = {0.06f, 0.15f, 0.085f};
    EXPECT_NEAR(chordLength(lung, {0.1f, 0.2f, 1}, {0, 0, -1}), 0.17f, 1e-5f);
    EXPECT_NEAR(chordLength(lung, {0.1f, 1.0f, 0}, {0, -1, 0}), 0.30f, 1e-5f);
    EXPECT_EQ(chordLength(lung, {0.1f, 0.0f, 1}, {0, 0, -1}), 0.0f); // below the dome
}

} // namespace
} // namespace spineviz::xray
