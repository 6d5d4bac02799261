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

TEST(BalloonTest, FoldedAtItsNominalLengthItGrowsMostlyInGirth) {
    for (float length : dims::kBalloonNominalLengthsMm) {
        float previousRadius = 0.0f, previousLength = 0.0f;
        for (float ml : {0.0f, 0.5f, 1.0f, 2.0f, 3.0f}) {
            InstrumentParams params;
            params.balloonNominalLengthMm = length;
            params.balloonVolumeMl = ml;
            const InstrumentModel tamp = buildInstrument(InstrumentKind::BalloonTamp, params);
            const MeshData& balloon = part(tamp, "balloon").mesh;
            const ZRange z = zRange(balloon);
            const float spanMm = (z.hi - z.lo) * 1000.0f;
            if (ml == 0.0f) {
                EXPECT_NEAR(spanMm, length, 0.02f * length); // folded: the nominal size
            }
            // Length-limited: it lengthens by at most about a third at its rated volume...
            EXPECT_GE(spanMm, previousLength);
            EXPECT_LT(spanMm, std::max(1.4f * length, 19.0f)); // a short one, filled to its rating, lengthens to stay longer than wide
            // ...and stays behind the catheter's tip.
            EXPECT_LT(z.hi * 1000.0f, -0.5f);
            const float radius = maxRadius(balloon);
            EXPECT_GE(radius, previousRadius);
            previousRadius = radius;
            previousLength = spanMm;
        }
    }
    // Over-asking is clamped to the rated volume.
    InstrumentParams over;
    over.balloonVolumeMl = 5.0f;
    EXPECT_NEAR(balloonShape(over).envelopeVolumeMl, 3.0f, 1e-3f);
}

TEST(BalloonTest, AnInflatedBalloonIsLongerAlongTheCannulaThanAcross) {
    // A Kyphon-type tamp is an elongated balloon with rounded ends: a 15 mm tamp at 2 mL is about
    // 1.2-1.5 times longer than wide; every size is longer than wide at the volumes the procedure uses.
    const auto aspect = [](float length, float ml) {
        InstrumentParams params;
        params.balloonNominalLengthMm = length;
        params.balloonVolumeMl = ml;
        const BalloonShape shape = balloonShape(params);
        return (shape.distalZ - shape.proximalZ) / (2.0f * shape.maxRadius);
    };
    EXPECT_GT(aspect(15.0f, 2.0f), 1.2f);
    EXPECT_LT(aspect(15.0f, 2.0f), 1.5f);
    EXPECT_GT(aspect(20.0f, 2.0f), aspect(15.0f, 2.0f));
    for (float length : dims::kBalloonNominalLengthsMm) EXPECT_GT(aspect(length, 1.0f), 1.0f) << length;
    // Its outline is rounded at the ends, fuller than an ellipse but not a flat-ended pillow.
    InstrumentParams two;
    two.balloonVolumeMl = 2.0f;
    EXPECT_GT(balloonShape(two).exponent, 2.0f);
    EXPECT_LT(balloonShape(two).exponent, 4.0f);
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
            // At the folded balloon's ends [ifu], the nominal length apart, inside the balloon's span.
            EXPECT_LE(d.hi, balloon.hi);
            EXPECT_GE(p.lo, balloon.lo);
            EXPECT_NEAR((d.hi - p.lo) * 1000.0f, length - 2.0f * dims::kMarkerInsetMm, 0.05f);
            EXPECT_NEAR(d.hi * 1000.0f, -dims::kBalloonDistalTipMm - dims::kMarkerInsetMm, 0.05f);
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
