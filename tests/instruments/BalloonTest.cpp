#include "core/instruments/Instrument.h"
#include "core/instruments/InstrumentDimensions.h"
#include "core/mesh/MeshTopology.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace spineviz {
namespace {

namespace dims = instrument_dims;

struct ZRange {
    float lo = 1e9f, hi = -1e9f;
};

ZRange zRange(const MeshData& mesh) {
    ZRange r;
    for (const glm::vec3& p : mesh.positions) {
        r.lo = std::min(r.lo, p.z);
        r.hi = std::max(r.hi, p.z);
    }
    return r;
}

float maxRadius(const MeshData& mesh) {
    float r = 0.0f;
    for (const glm::vec3& p : mesh.positions) r = std::max(r, std::hypot(p.x, p.y));
    return r;
}

const InstrumentPart& part(const InstrumentModel& model, const char* name) {
    const InstrumentPart* found = model.findPart(name);
    if (!found) throw std::runtime_error(std::string("missing part ") + name);
    return *found;
}

TEST(BalloonTest, EnclosedVolumeFollowsTheRequestedVolume) {
    for (float maxVolume : {2.0f, 3.0f}) {
        for (float length : dims::kBalloonNominalLengthsMm) {
            double previous = 0.0;
            for (float ml = 0.25f; ml <= maxVolume + 1e-3f; ml += 0.25f) {
                InstrumentParams params;
                params.balloonVolumeMl = ml;
                params.balloonNominalLengthMm = length;
                params.balloonMaxVolumeMl = maxVolume;
                const InstrumentModel tamp = buildInstrument(InstrumentKind::BalloonTamp, params);
                const TopologyReport report = analyzeTopology(part(tamp, "balloon").mesh);
                ASSERT_TRUE(report.closedManifold());
                const double volumeMl = report.signedVolume * 1e6;
                EXPECT_NEAR(volumeMl, static_cast<double>(ml), 0.05 * static_cast<double>(ml)) << length << " mm balloon at " << ml << " mL";
                EXPECT_GT(volumeMl, previous);
                previous = volumeMl;
                // balloonShape() reports the same envelope without building the mesh.
                const BalloonShape shape = balloonShape(params);
                EXPECT_NEAR(shape.envelopeVolumeMl, volumeMl, 0.002 * volumeMl);
                EXPECT_NEAR(shape.maxRadius, maxRadius(part(tamp, "balloon").mesh), 1e-5f);
            }
        }
    }
}

TEST(BalloonTest, FoldedBalloonHasTheCatalogueProfile) {
    InstrumentParams params; // 0 mL
    const InstrumentModel tamp = buildInstrument(InstrumentKind::BalloonTamp, params);
    const MeshData& balloon = part(tamp, "balloon").mesh;
    const float profileMm = 2000.0f * maxRadius(balloon);
    EXPECT_NEAR(profileMm, dims::kBalloonFoldedProfileMm, 0.05f); // 3.2 mm [synflate]
    EXPECT_LE(profileMm, 3.48f);                                   // <= 3.48 mm [k140937]
    EXPECT_LT(profileMm, dims::gaugeSize(dims::kWorkingCannulaGauge).innerMm); // passes the cannula
    const BalloonShape shape = balloonShape(params);
    EXPECT_GT(shape.envelopeVolumeMl, 0.02f); // the folded envelope is not empty...
    EXPECT_LT(shape.envelopeVolumeMl, 0.2f);
    EXPECT_EQ(shape.contrastFraction, 0.0f); // ...but holds no contrast
    params.balloonVolumeMl = 2.0f;
    EXPECT_NEAR(balloonShape(params).contrastFraction, 1.0f, 1e-3f);
}

TEST(BalloonTest, LengthStaysNominalAndTheBalloonGrowsRadially) {
    for (float length : dims::kBalloonNominalLengthsMm) {
        float previousRadius = 0.0f;
        for (float ml : {0.0f, 0.5f, 1.0f, 2.0f, 3.0f}) {
            InstrumentParams params;
            params.balloonNominalLengthMm = length;
            params.balloonVolumeMl = ml;
            const InstrumentModel tamp = buildInstrument(InstrumentKind::BalloonTamp, params);
            const MeshData& balloon = part(tamp, "balloon").mesh;
            const ZRange z = zRange(balloon);
            EXPECT_NEAR((z.hi - z.lo) * 1000.0f, length, 0.02f * length);
            EXPECT_NEAR(z.hi * 1000.0f, -dims::kBalloonDistalTipMm, 1e-3f); // just behind the tip
            const float radius = maxRadius(balloon);
            EXPECT_GE(radius, previousRadius);
            previousRadius = radius;
        }
    }
    // Over-asking is clamped to the rated volume.
    InstrumentParams over;
    over.balloonVolumeMl = 5.0f;
    EXPECT_NEAR(balloonShape(over).envelopeVolumeMl, 3.0f, 1e-3f);
}

TEST(BalloonTest, MarkerBandsSitAtBothEndsInsideTheBalloon) {
    for (float length : dims::kBalloonNominalLengthsMm) {
        for (float ml : {0.0f, 1.5f, 3.0f}) {
            InstrumentParams params;
            params.balloonNominalLengthMm = length;
            params.balloonVolumeMl = ml;
            const InstrumentModel tamp = buildInstrument(InstrumentKind::BalloonTamp, params);
            const ZRange balloon = zRange(part(tamp, "balloon").mesh);
            const InstrumentPart& distal = part(tamp, "marker_distal");
            const InstrumentPart& proximal = part(tamp, "marker_proximal");
            EXPECT_EQ(distal.material, PartMaterial::RadiopaqueMarker);
            EXPECT_EQ(proximal.material, PartMaterial::RadiopaqueMarker);
            const ZRange d = zRange(distal.mesh), p = zRange(proximal.mesh);
            // Within 1.5 mm of each end, inside the balloon's span.
            EXPECT_LE(d.hi, balloon.hi);
            EXPECT_GT(d.lo, balloon.hi - 0.0015f);
            EXPECT_GE(p.lo, balloon.lo);
            EXPECT_LT(p.hi, balloon.lo + 0.0015f);
            // Exactly two marker parts carry the radiopaque material.
            int markers = 0;
            for (const InstrumentPart& q : tamp.parts) markers += q.material == PartMaterial::RadiopaqueMarker;
            EXPECT_EQ(markers, 2);
            // The bands hug the inner shaft, well inside the balloon's folded profile.
            EXPECT_LT(maxRadius(distal.mesh), 0.5f * dims::kBalloonFoldedProfileMm * 0.001f);
        }
    }
}

TEST(BalloonTest, BalloonDoesNotOverlapTheShaftOrMarkers) {
    // The X-ray integrates path lengths per part, so the contrast-filled envelope must leave the inner
    // shaft and the markers out: along the axis its inner surface stays outside their radii.
    InstrumentParams params;
    params.balloonVolumeMl = 2.5f;
    const InstrumentModel tamp = buildInstrument(InstrumentKind::BalloonTamp, params);
    const MeshData& balloon = part(tamp, "balloon").mesh;
    float innerMin = 1.0f;
    for (const glm::vec3& p : balloon.positions) innerMin = std::min(innerMin, std::hypot(p.x, p.y));
    EXPECT_GT(innerMin, 0.5f * dims::kTampInnerShaftDiameterMm * 0.001f);
    const double shaft = analyzeTopology(part(tamp, "inner_shaft").mesh).signedVolume;
    EXPECT_GT(shaft, 0.0);
}

} // namespace
} // namespace spineviz
