#include "core/instruments/Instrument.h"
#include "core/instruments/InstrumentDimensions.h"
#include "core/mesh/MeshTopology.h"

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <iostream>
#include <limits>
#include <set>
#include <vector>

namespace spineviz {
namespace {

namespace dims = instrument_dims;
constexpr float kMm = 0.001f;

struct Bounds {
    glm::vec3 lo{std::numeric_limits<float>::max()};
    glm::vec3 hi{-std::numeric_limits<float>::max()};
    void add(const glm::vec3& p) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
};

Bounds boundsOf(const MeshData& mesh) {
    Bounds b;
    for (const glm::vec3& p : mesh.positions) b.add(p);
    return b;
}

Bounds boundsOf(const InstrumentModel& model) {
    Bounds b;
    for (const InstrumentPart& part : model.parts)
        for (const glm::vec3& p : part.mesh.positions) b.add(p);
    return b;
}

// Largest distance from the Z axis among the vertices with z in [zLo, zHi].
float maxRadius(const MeshData& mesh, float zLo, float zHi) {
    float r = 0.0f;
    for (const glm::vec3& p : mesh.positions)
        if (p.z >= zLo && p.z <= zHi) r = std::max(r, std::hypot(p.x, p.y));
    return r;
}

const InstrumentPart& part(const InstrumentModel& model, const char* name) {
    const InstrumentPart* found = model.findPart(name);
    if (!found) throw std::runtime_error(std::string("missing part ") + name);
    return *found;
}

// A spread of states: defaults, the ends of every state range, other gauges, mirrored.
std::vector<InstrumentParams> sampleParams() {
    std::vector<InstrumentParams> all;
    all.emplace_back();
    for (float v : {0.0f, 0.05f, 0.5f, 1.5f, 3.0f}) {
        for (float length : dims::kBalloonNominalLengthsMm) {
            InstrumentParams p;
            p.balloonVolumeMl = v;
            p.balloonNominalLengthMm = length;
            all.push_back(p);
        }
    }
    for (float psi : {0.0f, 150.0f, 400.0f}) {
        InstrumentParams p;
        p.pressurePsi = psi;
        p.plungerTravel = psi / 400.0f;
        all.push_back(p);
    }
    for (float fill : {0.0f, 0.3f, 1.0f}) {
        InstrumentParams p;
        p.cementFill = fill;
        all.push_back(p);
    }
    for (int gauge : {8, 13, 15}) {
        InstrumentParams p;
        p.needleGauge = gauge;
        all.push_back(p);
    }
    InstrumentParams mirrored;
    mirrored.mirrored = true;
    mirrored.balloonVolumeMl = 2.0f;
    mirrored.pressurePsi = 250.0f;
    all.push_back(mirrored);
    return all;
}

TEST(InstrumentTest, EveryPartIsAClosedOutwardManifoldWithNormals) {
    for (InstrumentKind kind : kAllInstrumentKinds) {
        for (const InstrumentParams& params : sampleParams()) {
            const InstrumentModel model = buildInstrument(kind, params);
            ASSERT_FALSE(model.parts.empty()) << instrumentName(kind);
            for (const InstrumentPart& p : model.parts) {
                SCOPED_TRACE(std::string(instrumentName(kind)) + " / " + p.name);
                const TopologyReport report = analyzeTopology(p.mesh);
                EXPECT_TRUE(report.closedManifold()) << "boundary " << report.boundaryEdges << " non-manifold "
                                                     << report.nonManifoldEdges << " misoriented " << report.misorientedEdges
                                                     << " degenerate " << report.degenerateTriangles;
                EXPECT_GT(report.signedVolume, 0.0);
                ASSERT_EQ(p.mesh.normals.size(), p.mesh.positions.size());
                for (const glm::vec3& n : p.mesh.normals) ASSERT_NEAR(glm::length(n), 1.0f, 1e-3f);
                for (const glm::vec3& v : p.mesh.positions) ASSERT_TRUE(std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z));
            }
        }
    }
}

TEST(InstrumentTest, NormalsPointOutward) {
    // On a closed outward mesh, each vertex normal agrees with the faces around it.
    for (InstrumentKind kind : kAllInstrumentKinds) {
        const InstrumentModel model = buildInstrument(kind);
        for (const InstrumentPart& p : model.parts) {
            std::size_t agree = 0, total = 0;
            for (std::size_t t = 0; t + 2 < p.mesh.indices.size(); t += 3) {
                const glm::vec3 a = p.mesh.positions[p.mesh.indices[t]], b = p.mesh.positions[p.mesh.indices[t + 1]],
                                c = p.mesh.positions[p.mesh.indices[t + 2]];
                const glm::vec3 face = glm::cross(b - a, c - a);
                for (int k = 0; k < 3; ++k, ++total)
                    if (glm::dot(face, p.mesh.normals[p.mesh.indices[t + static_cast<std::size_t>(k)]]) > 0.0f) ++agree;
            }
            EXPECT_GT(static_cast<double>(agree), 0.97 * static_cast<double>(total)) << instrumentName(kind) << " / " << p.name;
        }
    }
}

TEST(InstrumentTest, TipAtOriginAndBodyAlongMinusZ) {
    for (InstrumentKind kind : kAllInstrumentKinds) {
        if (!isInsertable(kind)) continue;
        SCOPED_TRACE(instrumentName(kind));
        const InstrumentModel model = buildInstrument(kind);
        const Bounds b = boundsOf(model);
        EXPECT_NEAR(b.hi.z, 0.0f, 1e-6f);
        EXPECT_LT(b.lo.z, -0.1f); // the body reaches back more than 10 cm
        EXPECT_NEAR(model.length, -b.lo.z, 1e-6f);
        // Every vertex within 2 cm of the tip hugs the axis (shaft, not handle, at the front).
        for (const InstrumentPart& p : model.parts)
            EXPECT_LT(maxRadius(p.mesh, -0.02f, 0.001f), 2.2f * kMm) << p.name;
        // The most distal points lie on the shaft (within its radius of the axis).
        for (const InstrumentPart& p : model.parts)
            for (const glm::vec3& v : p.mesh.positions)
                if (v.z > -1e-6f) {
                    EXPECT_LT(std::hypot(v.x, v.y), 2.2f * kMm) << p.name;
                }
    }
}

TEST(InstrumentTest, TrocarIsElevenGaugeWithStyletTipAndTHandle) {
    const InstrumentModel trocar = buildInstrument(InstrumentKind::Trocar);
    const MeshData& cannula = part(trocar, "cannula").mesh;
    EXPECT_NEAR(2.0f * maxRadius(cannula, -1.0f, 1.0f), 3.048f * kMm, 0.02f * 3.048f * kMm); // 11 G within 2 %
    const Bounds c = boundsOf(cannula);
    EXPECT_NEAR(c.hi.z, -dims::kStyletProtrusionMm * kMm, 1e-6f); // stylet protrudes 2.5 mm
    const Bounds stylet = boundsOf(part(trocar, "stylet").mesh);
    EXPECT_NEAR(stylet.hi.z, 0.0f, 1e-7f);
    EXPECT_LT(2.0f * maxRadius(part(trocar, "stylet").mesh, -0.05f, -0.01f), 2.388f * kMm); // inside the lumen
    // Shaft between the handle's nose and the cannula tip: 110 mm.
    const Bounds handle = boundsOf(part(trocar, "handle").mesh);
    EXPECT_NEAR(c.hi.z - handle.hi.z, dims::kNeedleShaftLengthMm * kMm, 0.5f * kMm);
    // T-handle crossbar along X, 6-8 cm span, narrower in Y than in X.
    EXPECT_NEAR(handle.hi.x - handle.lo.x, dims::kTHandleSpanMm * kMm, 1.0f * kMm);
    EXPECT_GE(handle.hi.x - handle.lo.x, 0.06f);
    EXPECT_LE(handle.hi.x - handle.lo.x, 0.08f);
    EXPECT_LT(handle.hi.y - handle.lo.y, 0.5f * (handle.hi.x - handle.lo.x));
    EXPECT_NE(trocar.findPart("stylet_cap"), nullptr);
}

TEST(InstrumentTest, NeedleGaugeFollowsTheParameter) {
    for (int gauge : {11, 13, 15}) {
        InstrumentParams params;
        params.needleGauge = gauge;
        for (InstrumentKind kind : {InstrumentKind::Trocar, InstrumentKind::VertebroplastyNeedle}) {
            const InstrumentModel model = buildInstrument(kind, params);
            const float od = 2.0f * maxRadius(part(model, "cannula").mesh, -1.0f, 1.0f);
            EXPECT_NEAR(od, dims::gaugeSize(gauge).outerMm * kMm, 0.02f * dims::gaugeSize(gauge).outerMm * kMm) << gauge;
        }
    }
    EXPECT_EQ(dims::gaugeSize(99).gauge, 11); // unknown gauges fall back to 11
}

TEST(InstrumentTest, VertebroplastyNeedleHasABevelAndALuerHubButNoStylet) {
    const InstrumentModel needle = buildInstrument(InstrumentKind::VertebroplastyNeedle);
    EXPECT_EQ(needle.findPart("stylet"), nullptr);
    const InstrumentPart& luer = part(needle, "luer_hub");
    EXPECT_EQ(luer.material, PartMaterial::HandleAccent);
    // The Luer is the back end, on the axis.
    const Bounds hub = boundsOf(luer.mesh);
    EXPECT_NEAR(hub.lo.z, -needle.length, 1e-6f);
    EXPECT_NEAR(hub.hi.x + hub.lo.x, 0.0f, 1e-5f);
    // Bevel: the cannula's front end is a slanted cut; its point is at -Y, its heel ~ OD * cot(40 deg) back.
    const MeshData& cannula = part(needle, "cannula").mesh;
    float pointY = 0.0f, heelZ = -1.0f;
    for (const glm::vec3& p : cannula.positions) {
        if (p.z > -1e-7f) pointY = p.y;
        if (p.y > 0.99f * 1.524f * kMm) heelZ = std::max(heelZ, p.z); // the bevel's back edge at +Y
    }
    EXPECT_LT(pointY, -1.4f * kMm);
    const float expectedHeel = -3.048f / std::tan(dims::kBevelAngleDeg * 3.14159265f / 180.0f) * kMm;
    EXPECT_NEAR(heelZ, expectedHeel, 0.3f * kMm);
}

TEST(InstrumentTest, WorkingCannulaHasDepthMarksAndAGrip) {
    const InstrumentModel cannula = buildInstrument(InstrumentKind::WorkingCannula);
    const MeshData& tube = part(cannula, "cannula").mesh;
    EXPECT_NEAR(2.0f * maxRadius(tube, -1.0f, 1.0f), dims::gaugeSize(8).outerMm * kMm, 0.02f * 4.191f * kMm);
    const TopologyReport marks = analyzeTopology(part(cannula, "depth_marks").mesh);
    EXPECT_EQ(marks.components, 9u); // every centimetre from 1 to 9 cm
    const Bounds grip = boundsOf(part(cannula, "grip").mesh);
    EXPECT_NEAR(grip.hi.z, -dims::kWorkingCannulaLengthMm * kMm, 1e-6f);
    EXPECT_NEAR(grip.hi.x - grip.lo.x, dims::kWorkingCannulaGripDiameterMm * kMm, 0.5f * kMm);
    // The lumen is open: the balloon's folded profile and the drill pass (3.43 mm bore).
    EXPECT_GT(dims::gaugeSize(8).innerMm, dims::kBalloonFoldedProfileMm);
    EXPECT_GT(dims::gaugeSize(8).innerMm, dims::kDrillDiameterMm);
    EXPECT_GT(dims::gaugeSize(8).innerMm, dims::kBoneFillerOuterMm);
    EXPECT_GT(dims::gaugeSize(8).innerMm, dims::kTampCatheterDiameterMm);
}

TEST(InstrumentTest, DrillHasFlutesAndPassesTheCannula) {
    const InstrumentModel drill = buildInstrument(InstrumentKind::Drill);
    const MeshData& bit = part(drill, "bit").mesh;
    EXPECT_NEAR(2.0f * maxRadius(bit, -1.0f, -0.005f), dims::kDrillDiameterMm * kMm, 0.02f * dims::kDrillDiameterMm * kMm);
    // Flutes: within the fluted length, some vertices are well inside the outer radius (grooves).
    float minR = 1.0f;
    for (const glm::vec3& p : bit.positions)
        if (p.z < -0.005f && p.z > -0.012f) minR = std::min(minR, std::hypot(p.x, p.y));
    EXPECT_LT(minR, 0.7f * 0.5f * dims::kDrillDiameterMm * kMm);
    // Out of the cannula it reaches kDrillReachMm beyond the cannula tip when its handle is home.
    const Bounds handle = boundsOf(part(drill, "handle").mesh);
    EXPECT_NEAR(-handle.hi.z, (dims::kWorkingCannulaLengthMm + dims::kWorkingCannulaGripLengthMm + dims::kDrillReachMm) * kMm, 1e-5f);
}

TEST(InstrumentTest, BoneFillerShowsItsCementColumnAndPlunger) {
    const float cementR = (0.5f * dims::kBoneFillerInnerMm - 0.01f) * kMm; // a hair inside the bore
    double lastVolume = 1e9;
    for (float fill : {1.0f, 0.6f, 0.2f}) {
        InstrumentParams params;
        params.cementFill = fill;
        const InstrumentModel filler = buildInstrument(InstrumentKind::BoneFiller, params);
        const InstrumentPart& cement = part(filler, "cement");
        EXPECT_EQ(cement.material, PartMaterial::Cement);
        const Bounds column = boundsOf(cement.mesh);
        EXPECT_NEAR(column.hi.z, 0.0f, 1e-7f);
        const double volume = analyzeTopology(cement.mesh).signedVolume;
        EXPECT_NEAR(volume, 3.14159 * static_cast<double>(cementR * cementR * -column.lo.z), 0.02 * volume);
        EXPECT_LT(volume, lastVolume);
        lastVolume = volume;
        // The plunger's tip sits right behind the column.
        const Bounds plunger = boundsOf(part(filler, "plunger").mesh);
        EXPECT_NEAR(plunger.hi.z, column.lo.z, 0.2f * kMm);
    }
    InstrumentParams empty;
    empty.cementFill = 0.0f;
    const InstrumentModel emptied = buildInstrument(InstrumentKind::BoneFiller, empty);
    EXPECT_EQ(emptied.findPart("cement"), nullptr);
    EXPECT_NEAR(boundsOf(part(emptied, "plunger").mesh).hi.z, 0.0f, 0.2f * kMm);
    // Full, it holds a small volume (well under the 4-5 mL a level takes): ~0.7 mL.
    const double full = analyzeTopology(part(buildInstrument(InstrumentKind::BoneFiller), "cement").mesh).signedVolume * 1e6;
    EXPECT_GT(full, 0.5);
    EXPECT_LT(full, 1.5);
}

// Clockwise angle from 12 o'clock of the needle as seen facing the dial (from -Z, +Y up).
float measuredNeedleAngle(const InstrumentModel& syringe) {
    const Bounds face = boundsOf(part(syringe, "gauge_face").mesh);
    const glm::vec3 centre = 0.5f * (face.lo + face.hi);
    glm::vec3 tip = centre;
    float best = 0.0f;
    for (const glm::vec3& p : part(syringe, "gauge_needle").mesh.positions) {
        const float d = std::hypot(p.x - centre.x, p.y - centre.y);
        if (d > best) {
            best = d;
            tip = p;
        }
    }
    const float right = -(tip.x - centre.x), up = tip.y - centre.y; // facing +Z, the viewer's right is -X
    return std::atan2(right, up) * 180.0f / 3.14159265f;
}

TEST(InstrumentTest, SyringeGaugeNeedleFollowsPressure) {
    EXPECT_FLOAT_EQ(gaugeNeedleAngleDeg(0.0f), -135.0f);
    EXPECT_FLOAT_EQ(gaugeNeedleAngleDeg(200.0f), 0.0f);
    EXPECT_FLOAT_EQ(gaugeNeedleAngleDeg(400.0f), 135.0f);
    EXPECT_FLOAT_EQ(gaugeNeedleAngleDeg(900.0f), 135.0f);
    for (bool mirrored : {false, true}) {
        float previous = -1000.0f;
        for (float psi : {0.0f, 50.0f, 120.0f, 200.0f, 310.0f, 400.0f}) {
            InstrumentParams params;
            params.pressurePsi = psi;
            params.mirrored = mirrored;
            const InstrumentModel syringe = buildInstrument(InstrumentKind::InflationSyringe, params);
            const float angle = measuredNeedleAngle(syringe);
            EXPECT_NEAR(angle, gaugeNeedleAngleDeg(psi), 2.0f) << psi << " psi, mirrored " << mirrored;
            EXPECT_GT(angle, previous);
            previous = angle;
        }
    }
}

TEST(InstrumentTest, SyringeLiesOutsideWithTubingFromTheOriginAndAMovingPlunger) {
    InstrumentParams drawn, pushed;
    pushed.plungerTravel = 1.0f;
    const InstrumentModel a = buildInstrument(InstrumentKind::InflationSyringe, drawn);
    const InstrumentModel b = buildInstrument(InstrumentKind::InflationSyringe, pushed);
    // Nothing of the syringe lies ahead of the attachment point (it stays outside the patient).
    EXPECT_LE(boundsOf(a).hi.z, 1e-6f);
    const Bounds tubing = boundsOf(part(a, "tubing").mesh);
    EXPECT_LT(std::abs(tubing.lo.x), 0.002f); // starts at the origin's axis
    const Bounds stopperA = boundsOf(part(a, "stopper").mesh), stopperB = boundsOf(part(b, "stopper").mesh);
    EXPECT_NEAR(stopperA.lo.x - stopperB.lo.x, dims::kSyringeStrokeMm * kMm, 1e-4f);
    // Mirrored, it lies toward -X.
    InstrumentParams mirrored;
    mirrored.mirrored = true;
    EXPECT_LT(boundsOf(buildInstrument(InstrumentKind::InflationSyringe, mirrored)).hi.x, 0.004f); // the connector's radius
    EXPECT_GT(boundsOf(a).lo.x, -0.004f);
}

TEST(InstrumentTest, TampAttachFrameIsTheSidePortMouth) {
    const InstrumentModel tamp = buildInstrument(InstrumentKind::BalloonTamp);
    const glm::mat4& f = tamp.attachFrame;
    const glm::vec3 origin(f[3]);
    const glm::vec3 z(f[2]);
    EXPECT_NEAR(glm::length(z), 1.0f, 1e-5f);
    EXPECT_NEAR(glm::dot(glm::vec3(f[0]), glm::vec3(f[1])), 0.0f, 1e-5f);
    EXPECT_NEAR(glm::dot(glm::cross(glm::vec3(f[0]), glm::vec3(f[1])), z), 1.0f, 1e-5f); // right-handed
    // The port points up (+Y) and back (-Z): +Z of the frame points into it, i.e. down and forward.
    EXPECT_LT(z.y, -0.3f);
    EXPECT_GT(z.z, 0.5f);
    // Its mouth is on the Y-adapter's bounds, behind the catheter.
    const Bounds adapter = boundsOf(part(tamp, "y_adapter").mesh);
    EXPECT_NEAR(origin.y, adapter.hi.y, 3.5f * kMm); // the port's Luer radius, tilted
    EXPECT_GT(origin.z, adapter.lo.z);
    EXPECT_LT(origin.z, adapter.hi.z);
    // The syringe placed with it stays behind the Y-adapter's front, well away from the patient.
    const InstrumentModel syringe = buildInstrument(InstrumentKind::InflationSyringe);
    for (const InstrumentPart& p : syringe.parts)
        for (const glm::vec3& v : p.mesh.positions) {
            const glm::vec3 w(f * glm::vec4(v, 1.0f));
            ASSERT_LT(w.z, adapter.hi.z) << p.name;
        }
    EXPECT_EQ(buildInstrument(InstrumentKind::Trocar).attachFrame, glm::mat4(1.0f));
}

TEST(InstrumentTest, BuildingIsDeterministic) {
    InstrumentParams params;
    params.balloonVolumeMl = 1.7f;
    params.pressurePsi = 180.0f;
    params.cementFill = 0.4f;
    for (InstrumentKind kind : kAllInstrumentKinds) {
        const InstrumentModel a = buildInstrument(kind, params), b = buildInstrument(kind, params);
        ASSERT_EQ(a.parts.size(), b.parts.size());
        for (std::size_t i = 0; i < a.parts.size(); ++i) {
            const MeshData &ma = a.parts[i].mesh, &mb = b.parts[i].mesh;
            EXPECT_EQ(a.parts[i].name, b.parts[i].name);
            ASSERT_EQ(ma.positions.size(), mb.positions.size());
            ASSERT_EQ(ma.indices, mb.indices);
            EXPECT_EQ(0, std::memcmp(ma.positions.data(), mb.positions.data(), ma.positions.size() * sizeof(glm::vec3)));
            EXPECT_EQ(0, std::memcmp(ma.normals.data(), mb.normals.data(), ma.normals.size() * sizeof(glm::vec3)));
        }
    }
}

TEST(InstrumentTest, NamesAndMaterialsAreDistinct) {
    std::set<std::string> names;
    for (InstrumentKind kind : kAllInstrumentKinds) names.insert(instrumentName(kind));
    EXPECT_EQ(names.size(), std::size(kAllInstrumentKinds));
    for (InstrumentKind kind : kAllInstrumentKinds) {
        std::set<std::string> parts;
        for (const InstrumentPart& p : buildInstrument(kind).parts) EXPECT_TRUE(parts.insert(p.name).second) << p.name;
    }
    EXPECT_STREQ(partMaterialName(PartMaterial::RadiopaqueMarker), "radiopaque_marker");
}

TEST(InstrumentTest, TriangleBudgets) {
    // Build times are measured by the benchmarks (benchmarks/InstrumentBenchmark.cpp), not here:
    // a timed test fails on a busy machine without anything being wrong.
    InstrumentParams params;
    params.balloonVolumeMl = 2.0f;
    params.pressurePsi = 200.0f;
    for (InstrumentKind kind : kAllInstrumentKinds) {
        const InstrumentModel model = buildInstrument(kind, params);
        EXPECT_LT(model.triangleCount(), 20000u) << instrumentName(kind);
        for (int i = 0; i < 15; ++i) {
            params.balloonVolumeMl = 0.1f * static_cast<float>(i); // a changing state, as during inflation
            EXPECT_FALSE(buildInstrument(kind, params).parts.empty()) << instrumentName(kind);
        }
    }
}

} // namespace
} // namespace spineviz
