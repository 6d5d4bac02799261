// The cement flow model: what it must get right whatever its calibration (docs/cement.md).

#include "CementSetups.h"
#include "core/sim/BoneField.h"
#include "core/sim/CementFlowModel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace spineviz {
namespace {

using test::boneIndexOf;
using test::cementSetup;

CementField fillOf(const CementSetup& setup) { return CementFlowModel().fill(setup); }

template <class F> void forEachFilled(const CementField& field, F f) {
    const VoxelGrid& g = field.grid;
    for (int z = 0; z < g.nz; ++z)
        for (int y = 0; y < g.ny; ++y)
            for (int x = 0; x < g.nx; ++x) {
                const std::size_t i = g.index(x, y, z);
                if (std::isfinite(field.fillTime[i])) f(i, g.centre(x, y, z));
            }
}

// A vertebroplasty with runny cement and one given exit (and no cleft), to see where a leak goes.
CementSetup withOneExit(const CementExit& exit) {
    CementOptions cement;
    cement.cement = CementKind::LowViscosity;
    cement.injectionStartMinutes = 3.0f;
    CementSetup setup = cementSetup(Procedure::Vertebroplasty, 1, 2, Morphology::Wedge, cement);
    setup.stopAtPosteriorQuarter = false;
    setup.damage = BoneDamage{{exit}, {}};
    return setup;
}

TEST(CementFlowTest, MassIsConserved) {
    // What the syringe pushed equals what is in the body plus what leaked, at every moment (0.1 %).
    bool sawLeak = false;
    for (Procedure procedure : {Procedure::Vertebroplasty, Procedure::Kyphoplasty})
        for (std::uint32_t seed : {1u, 2u, 3u, 4u}) {
            const CementField field = fillOf(cementSetup(procedure, seed, 3, Morphology::Crush));
            ASSERT_GT(field.flowMlPerSecond, 0.0f);
            ASSERT_GT(field.injectionSeconds, 10.0f);
            for (int k = 1; k <= 40; ++k) {
                const float t = 5.0f + (field.injectionSeconds - 5.0f) * float(k) / 40.0f;
                const float injected = field.injectedVolumeAt(t);
                const float retained = field.retainedVolumeAt(t), leaked = field.leakedVolumeAt(t);
                EXPECT_NEAR(retained + leaked, injected, 0.001f * injected) << procedureName(procedure) << " seed " << seed << " t " << t;
                EXPECT_NEAR(field.volumeAt(t), retained + leaked, 1e-4f);
            }
            const float end = field.injectionSeconds;
            float leaks = 0.0f;
            for (std::size_t i = 0; i < field.leaks.size(); ++i) {
                EXPECT_NEAR(field.leakVolumeAt(int(i), end), field.leaks[i].finalVolumeMl, 1e-5f);
                leaks += field.leaks[i].finalVolumeMl;
            }
            EXPECT_NEAR(leaks, field.leakedVolumeAt(end), 1e-4f);
            EXPECT_NEAR(field.injectedVolumeAt(end), field.retainedVolumeAt(end) + field.leakedVolumeAt(end), 1e-4f);
            const CementSample& last = field.history.back();
            EXPECT_NEAR(last.retainedMl + last.leakedMl, last.injectedMl, 0.001f * last.injectedMl);
            sawLeak = sawLeak || field.leakedVolumeAt(end) > 0.0f;
        }
    EXPECT_TRUE(sawLeak) << "no case leaked: the check above did not cover leaks";
}

TEST(CementFlowTest, NoCementCrossesIntactCortex) {
    for (Procedure procedure : {Procedure::Vertebroplasty, Procedure::Kyphoplasty})
        for (std::uint32_t seed : {1u, 2u, 3u}) {
            const CementSetup setup = cementSetup(procedure, seed, 3, Morphology::Crush);
            const BoneField bone(setup); // the model's own view of this body (deterministic)
            const CementField field = fillOf(setup);
            forEachFilled(field, [&](std::size_t i, const glm::vec3& p) {
                const std::size_t b = boneIndexOf(bone.grid(), p);
                const VoxelMaterial m = bone.material(b);
                ASSERT_NE(m, VoxelMaterial::Cortex) << p.x << " " << p.y << " " << p.z;
                ASSERT_NE(m, VoxelMaterial::Outside) << p.x << " " << p.y << " " << p.z;
                const int part = field.partOf(i);
                if (part == 0) {
                    EXPECT_TRUE(isBulk(m)) << voxelMaterialName(m);
                    EXPECT_TRUE(bone.inOuter(p));
                } else {
                    // Out only along the exit the leak is named after.
                    EXPECT_TRUE(isLeakPath(m)) << voxelMaterialName(m);
                    EXPECT_EQ(bone.exitOf(b), field.leaks[std::size_t(part - 1)].exit);
                }
            });
        }
    // With no exits at all, nothing leaves the cortical shell.
    CementSetup closed = cementSetup(Procedure::Vertebroplasty, 2, 3, Morphology::Crush);
    closed.damage = BoneDamage{};
    closed.cement = CementKind::LowViscosity;
    closed.injectionStartMinutes = 2.5f;
    closed.stopAtPosteriorQuarter = false;
    const BoneField bone(closed);
    const CementField field = fillOf(closed);
    EXPECT_TRUE(field.leaks.empty());
    EXPECT_EQ(field.leakedVolumeAt(field.injectionSeconds), 0.0f);
    EXPECT_NEAR(field.finalVolume(), closed.targetVolumeMl, 0.01f);
    forEachFilled(field, [&](std::size_t, const glm::vec3& p) { EXPECT_TRUE(bone.inInterior(p)) << p.x << " " << p.y << " " << p.z; });
}

TEST(CementFlowTest, KyphoplastyFillsTheCavityBeforeInterdigitating) {
    for (std::uint32_t seed : {1u, 2u, 3u}) {
        const CementSetup setup = cementSetup(Procedure::Kyphoplasty, seed);
        ASSERT_EQ(setup.cavities.size(), 2u);
        const BoneField bone(setup);
        const CementField field = fillOf(setup);
        float lastCavity = 0.0f, firstElsewhere = INFINITY;
        int cavityVoxels = 0;
        forEachFilled(field, [&](std::size_t i, const glm::vec3& p) {
            const float t = field.fillTime[i];
            if (bone.material(boneIndexOf(bone.grid(), p)) == VoxelMaterial::Cavity) {
                lastCavity = std::max(lastCavity, t);
                ++cavityVoxels;
            } else {
                firstElsewhere = std::min(firstElsewhere, t);
            }
        });
        EXPECT_GT(cavityVoxels, 1000);
        EXPECT_LT(lastCavity, firstElsewhere) << "seed " << seed;
        EXPECT_LT(lastCavity, field.injectionSeconds); // and then some bone around it
        // The cavity fills at almost no pressure; a vertebroplasty of the same patient pushes much harder.
        const CementField vertebroplasty = fillOf(cementSetup(Procedure::Vertebroplasty, seed));
        float cavityPressure = 0.0f, vertebroplastyPressure = 0.0f;
        for (const CementSample& s : field.history)
            if (s.seconds < 0.9f * lastCavity) cavityPressure = std::max(cavityPressure, s.pressureKPa);
        for (const CementSample& s : vertebroplasty.history)
            if (s.seconds > 5.0f && s.seconds < 0.9f * lastCavity) vertebroplastyPressure = std::max(vertebroplastyPressure, s.pressureKPa);
        EXPECT_LT(cavityPressure, 0.1f) << "seed " << seed;
        EXPECT_GT(vertebroplastyPressure, 10.0f * std::max(cavityPressure, 0.1f)) << "seed " << seed;
    }
}

TEST(CementFlowTest, LaterInjectionLeaksLess) {
    // Same patients, same cement and volume; injected at 3 minutes (runny) or at 8 (a thick paste).
    float early = 0.0f, late = 0.0f;
    int earlyLeaking = 0, lateLeaking = 0;
    for (std::uint32_t seed = 1; seed <= 8; ++seed)
        for (CementKind kind : {CementKind::LowViscosity, CementKind::HighViscosity}) {
            CementOptions options;
            options.cement = kind;
            CementSetup setup = cementSetup(Procedure::Vertebroplasty, seed, 3, seed % 2 ? Morphology::Crush : Morphology::Wedge, options);
            setup.stopAtPosteriorQuarter = false; // the same volume either way
            setup.injectionStartMinutes = 3.0f;
            const CementField runny = fillOf(setup);
            setup.injectionStartMinutes = 8.0f;
            const CementField thick = fillOf(setup);
            ASSERT_GT(thick.viscosityAt(0.0f), 5.0f * runny.viscosityAt(0.0f));
            const float a = runny.leakedVolumeAt(runny.injectionSeconds), b = thick.leakedVolumeAt(thick.injectionSeconds);
            // Per patient a compact late fill can reach a crack that runny early cement passed by, so
            // the comparison is over the patients (the trainee's lesson), not for each one.
            std::printf("seed %u %s: early %.3f late %.3f mL\n", seed, cementKindName(kind), double(a), double(b));
            early += a;
            late += b;
            // Leaks a surgeon would see (kVisibleLeakMl); traces do not count.
            const auto visible = [](const CementField& f) {
                return std::any_of(f.leaks.begin(), f.leaks.end(), [](const CementLeak& l) { return isVisibleLeak(l.finalVolumeMl); }) ? 1 : 0;
            };
            earlyLeaking += visible(runny);
            lateLeaking += visible(thick);
        }
    EXPECT_GT(early, 0.05f);
    EXPECT_LT(late, 0.8f * early);
    EXPECT_LE(lateLeaking, earlyLeaking);
}

TEST(CementFlowTest, SameSeedSameResult) {
    for (Procedure procedure : {Procedure::Vertebroplasty, Procedure::Kyphoplasty}) {
        const CementSetup setup = cementSetup(procedure, 7, 3, Morphology::Crush);
        const CementField a = fillOf(setup), b = fillOf(setup);
        ASSERT_EQ(a.fillTime.size(), b.fillTime.size());
        EXPECT_EQ(a.grid.nx, b.grid.nx);
        EXPECT_EQ(a.grid.origin, b.grid.origin);
        EXPECT_TRUE(std::equal(a.fillTime.begin(), a.fillTime.end(), b.fillTime.begin(),
                               [](float x, float y) { return x == y || (std::isinf(x) && std::isinf(y)); }));
        EXPECT_EQ(a.part, b.part);
        ASSERT_EQ(a.leaks.size(), b.leaks.size());
        for (std::size_t i = 0; i < a.leaks.size(); ++i) {
            EXPECT_EQ(a.leaks[i].type, b.leaks[i].type);
            EXPECT_EQ(a.leaks[i].startSeconds, b.leaks[i].startSeconds);
            EXPECT_EQ(a.leaks[i].finalVolumeMl, b.leaks[i].finalVolumeMl);
        }
        EXPECT_EQ(a.injectionSeconds, b.injectionSeconds);
        // Another seed is another patient.
        const CementField c = fillOf(cementSetup(procedure, 8, 3, Morphology::Crush));
        EXPECT_FALSE(c.fillTime.size() == a.fillTime.size() && std::equal(a.fillTime.begin(), a.fillTime.end(), c.fillTime.begin()));
    }
}

TEST(CementFlowTest, LeakIsClassifiedByTheExitItUsed) {
    const CementSetup base = withOneExit({});
    const BodyFrame& body = base.body;
    const glm::vec3 tip = base.tips.front();
    const float depth = body.anteriorZ - body.posteriorZ;
    std::vector<CementExit> exits;
    {
        CementExit e; // a crack in the superior endplate above the left needle
        e.kind = ExitKind::EndplateBreak;
        e.leakType = LeakType::Intradiscal;
        e.position = {tip.x, body.superiorY, tip.z};
        e.normal = {0.0f, 1.0f, 0.0f};
        e.direction = {0.0f, 0.0f, 1.0f};
        e.radius = 0.006f;
        e.width = 0.001f;
        e.entryPressurePa = 100.0f;
        exits.push_back(e);
    }
    {
        CementExit e; // a crack in the anterior wall
        e.kind = ExitKind::WallBreak;
        e.leakType = LeakType::Paravertebral;
        const float theta = std::atan2(1.0f, 0.9f * tip.x / (0.5f * body.width));
        const float a = 0.5f * body.width, b = 0.5f * depth, cz = 0.5f * (body.anteriorZ + body.posteriorZ);
        e.position = {a * std::cos(theta), tip.y, cz + b * std::sin(theta)};
        e.normal = glm::normalize(glm::vec3(std::cos(theta) / a, 0.0f, std::sin(theta) / b));
        e.radius = 0.006f;
        e.width = 0.001f;
        e.entryPressurePa = 100.0f;
        exits.push_back(e);
    }
    {
        CementExit e; // the basivertebral foramen, its vein reaching forward to a few millimetres behind the needle
        e.kind = ExitKind::BasivertebralForamen;
        e.leakType = LeakType::Basivertebral;
        e.position = {0.0f, tip.y, body.posteriorZ};
        e.normal = {0.0f, 0.0f, -1.0f};
        e.radius = 0.0014f;
        e.vesselRadius = 0.0012f;
        e.innerLength = (tip.z - body.posteriorZ) - 0.007f;
        e.entryPressurePa = 100.0f;
        exits.push_back(e);
    }
    {
        CementExit e; // a segmental foramen on the lateral wall beside the needle
        e.kind = ExitKind::SegmentalForamen;
        e.leakType = LeakType::SegmentalVein;
        const float a = 0.5f * body.width, b = 0.5f * depth, cz = 0.5f * (body.anteriorZ + body.posteriorZ);
        const float theta = std::asin(std::clamp((tip.z - cz) / b, -1.0f, 1.0f));
        e.position = {a * std::cos(theta), tip.y, cz + b * std::sin(theta)};
        e.normal = glm::normalize(glm::vec3(std::cos(theta) / a, 0.0f, std::sin(theta) / b));
        e.radius = 0.001f;
        e.vesselRadius = 0.001f;
        e.innerLength = 0.5f * body.width - tip.x - 0.002f;
        e.entryPressurePa = 100.0f;
        exits.push_back(e);
    }
    for (const CementExit& exit : exits) {
        const CementSetup setup = withOneExit(exit);
        const BoneField bone(setup);
        const CementField field = fillOf(setup);
        ASSERT_EQ(field.leaks.size(), 1u) << leakTypeName(exit.leakType);
        const CementLeak& leak = field.leaks.front();
        EXPECT_EQ(leak.type, exit.leakType);
        EXPECT_EQ(leak.exit, 0);
        EXPECT_EQ(leak.exitPosition, exit.position);
        EXPECT_GT(leak.finalVolumeMl, 0.001f) << leakTypeName(exit.leakType);
        std::printf("%s leak: %.4f mL from %.1f s\n", leakTypeName(leak.type), double(leak.finalVolumeMl), double(leak.startSeconds));
        EXPECT_GT(leak.startSeconds, 0.0f);
        EXPECT_LT(leak.startSeconds, field.injectionSeconds);
        EXPECT_EQ(field.leakVolumeAt(0, leak.startSeconds - 0.01f), 0.0f);
        forEachFilled(field, [&](std::size_t i, const glm::vec3& p) {
            if (field.partOf(i) == 0) return;
            const std::size_t b = boneIndexOf(bone.grid(), p);
            EXPECT_TRUE(isLeakPath(bone.material(b)));
            EXPECT_EQ(bone.exitOf(b), 0);
        });
        // Where each kind of leak ends up.
        const glm::vec3 c = field.leakCentroidAt(0, field.injectionSeconds);
        switch (exit.leakType) {
        case LeakType::Intradiscal: EXPECT_GT(c.y, body.superiorY) << "in the disc above"; break;
        case LeakType::Paravertebral: EXPECT_GT(bone.outwardDistance(c), 0.0f) << "outside the body"; break;
        case LeakType::Basivertebral: EXPECT_LT(c.z, tip.z - 0.003f) << "back toward the posterior wall"; break;
        case LeakType::SegmentalVein: EXPECT_GT(c.x, tip.x) << "out to the lateral wall"; break;
        case LeakType::SpinalCanal: break;
        }
    }
}

TEST(CementFlowTest, VolumesOverTimeAreMonotone) {
    for (Procedure procedure : {Procedure::Vertebroplasty, Procedure::Kyphoplasty}) {
        const CementField field = fillOf(cementSetup(procedure, 5, 3, Morphology::Crush));
        float injected = 0.0f, retained = 0.0f, leaked = 0.0f;
        std::vector<float> leaks(field.leaks.size(), 0.0f);
        for (int k = 0; k <= 400; ++k) {
            const float t = field.injectionSeconds * 1.05f * float(k) / 400.0f;
            EXPECT_GE(field.injectedVolumeAt(t), injected);
            EXPECT_GE(field.retainedVolumeAt(t), retained);
            EXPECT_GE(field.leakedVolumeAt(t), leaked);
            injected = field.injectedVolumeAt(t);
            retained = field.retainedVolumeAt(t);
            leaked = field.leakedVolumeAt(t);
            for (std::size_t i = 0; i < leaks.size(); ++i) {
                EXPECT_GE(field.leakVolumeAt(int(i), t), leaks[i]);
                leaks[i] = field.leakVolumeAt(int(i), t);
            }
        }
        for (std::size_t k = 1; k < field.history.size(); ++k) {
            const CementSample &a = field.history[k - 1], &b = field.history[k];
            EXPECT_GE(b.seconds, a.seconds);
            EXPECT_GE(b.injectedMl, a.injectedMl);
            EXPECT_GE(b.retainedMl, a.retainedMl);
            EXPECT_GE(b.leakedMl, a.leakedMl);
            EXPECT_GE(b.viscosityPaS, a.viscosityPaS);
        }
        EXPECT_EQ(field.volumeAt(-1.0f), 0.0f);
        EXPECT_NEAR(field.volumeAt(1e9f), field.finalVolume(), 1e-6f);
    }
}

TEST(CementFlowTest, LiveStepsConserveMassAndStayCheap) {
    // Stepped at 60 fps, as the app could do live: same bookkeeping as at plan time.
    CementFlowSimulation sim(cementSetup(Procedure::Vertebroplasty, 2));
    int steps = 0;
    while (sim.step(1.0f / 60.0f)) ++steps;
    EXPECT_GT(steps, 600);
    const CementField field = sim.field();
    EXPECT_EQ(field.injectionSeconds, sim.time());
    for (float t : {10.0f, 20.0f, 0.9f * field.injectionSeconds})
        EXPECT_NEAR(field.retainedVolumeAt(t) + field.leakedVolumeAt(t), field.injectedVolumeAt(t), 0.001f * field.injectedVolumeAt(t));
    EXPECT_FALSE(sim.stopReason().empty());
}

} // namespace
} // namespace spineviz
