// The pieces around the flow model: cement rheology, bone parameters, the field's look-ups and
// its parts (retained cement and each leak) as surfaces.

#include "CementSetups.h"
#include "core/mesh/MeshTopology.h"
#include "core/sim/BoneField.h"
#include "core/sim/CementFlowModel.h"
#include "core/sim/CementParts.h"
#include "core/sim/CementRheology.h"

#include <gtest/gtest.h>

#include <cmath>

namespace spineviz {
namespace {

TEST(CementRheologyTest, FitsGoThroughTheirSourcedPoints) {
    const CementRheology high = CementRheology::of(CementKind::HighViscosity);
    EXPECT_NEAR(high.viscosityAt(3.25f), 500.0f, 1.0f);   // US7968616: ~500 Pa.s after 3 min 15 s
    EXPECT_NEAR(high.setMinutes(), 13.0f, 0.01f);         // sets ~13 min
    EXPECT_NEAR(high.viscosityAt(13.0f), 75e3f, 100.0f);  // Nicholas 2007 plateau
    const CementRheology low = CementRheology::of(CementKind::LowViscosity);
    EXPECT_NEAR(low.pasteMinutes(), 5.1f, 0.01f);         // liquid 5.1 min (PMID 23072273)
    EXPECT_NEAR(low.settingMinutes(), 8.5f, 0.05f);       // handling ends 8.5 min
    EXPECT_NEAR(low.setMinutes(), 11.0f, 0.01f);          // hardens ~11 min (Hindawi 2011/571728)
    EXPECT_EQ(low.phaseAt(4.0f), CementPhase::Liquid);
    EXPECT_EQ(low.phaseAt(6.0f), CementPhase::Paste);
    EXPECT_EQ(low.phaseAt(9.5f), CementPhase::Setting);
    EXPECT_EQ(low.phaseAt(12.0f), CementPhase::Set);
    for (float t = 0.0f; t < 14.0f; t += 0.25f) {
        EXPECT_LE(high.viscosityAt(t), high.viscosityAt(t + 0.25f));
        EXPECT_LE(low.viscosityAt(t), low.viscosityAt(t + 0.25f));
        EXPECT_NEAR(high.minutesAtViscosity(high.viscosityAt(t)), std::max(t, 0.0f), t < 13.0f ? 1e-3f : 20.0f);
    }
    // At the same moment the high-viscosity cement is the thicker one.
    EXPECT_GT(high.viscosityAt(4.0f), 2.0f * low.viscosityAt(4.0f));
}

TEST(BoneFieldTest, OsteoporoticBoneAndItsShell) {
    const BoneParameters p = boneParameters(BoneQuality::Osteoporotic);
    EXPECT_FLOAT_EQ(p.permeability, 4.45e-8f); // Baroud 2004, superior-inferior
    EXPECT_NEAR(p.transverseRatio, 3.44f / 4.45f, 0.01f);
    EXPECT_LT(boneParameters(BoneQuality::Normal).permeability, boneParameters(BoneQuality::Osteopenic).permeability);
    EXPECT_GT(boneParameters(BoneQuality::Normal).entryPressurePa, p.entryPressurePa);

    const CementSetup setup = test::cementSetup(Procedure::Vertebroplasty, 4, 3, Morphology::Crush);
    const BoneField bone(setup);
    const VoxelGrid& g = bone.grid();
    // At least 64^3 cells over the body's box; cells of at most 0.5 mm; a margin for leaks.
    const BodyFrame& b = setup.body;
    const double bodyCells = double(b.width) * (b.superiorY - b.inferiorY) * (b.anteriorZ - b.posteriorZ) / std::pow(double(g.cell), 3.0);
    EXPECT_GE(bodyCells, 64.0 * 64.0 * 64.0);
    EXPECT_LE(g.cell, 0.0005f + 1e-7f);
    EXPECT_LT(g.origin.x, -0.5f * b.width - 0.007f);
    EXPECT_GE(bone.shellThickness(), 1.5f * g.cell);
    // The centre is bone, the walls cortex, beyond them soft tissue; the cortex lets nothing through.
    EXPECT_TRUE(isBulk(bone.materialAt({0.0f, 0.0f, 0.5f * (b.anteriorZ + b.posteriorZ)})));
    const VoxelMaterial wall = bone.materialAt({0.0f, 0.0f, b.anteriorZ - 0.3f * bone.shellThickness()});
    EXPECT_TRUE(wall == VoxelMaterial::Cortex || wall == VoxelMaterial::Opening) << voxelMaterialName(wall);
    EXPECT_FALSE(isBulk(bone.materialAt({0.0f, 0.0f, b.anteriorZ + 0.006f})));
    for (std::size_t i = 0; i < g.count(); i += 97) {
        if (bone.material(i) != VoxelMaterial::Cortex) continue;
        EXPECT_EQ(bone.conductivity(i), 0.0f);
    }
    // Heterogeneous bone, seeded.
    float lo = 1.0f, hi = 0.0f;
    for (std::size_t i = 0; i < g.count(); i += 131)
        if (bone.material(i) == VoxelMaterial::Bone) {
            lo = std::min(lo, bone.permeability(i));
            hi = std::max(hi, bone.permeability(i));
        }
    EXPECT_LT(lo, 0.8f * p.permeability);
    EXPECT_GT(hi, 1.25f * p.permeability);
    // Every body has its basivertebral foramen, in the middle of the posterior wall.
    ASSERT_FALSE(bone.exits().empty());
    EXPECT_EQ(bone.exits().front().kind, ExitKind::BasivertebralForamen);
    EXPECT_FLOAT_EQ(bone.exits().front().position.z, b.posteriorZ);
}

TEST(BoneFieldTest, FracturesOpenTheBodyMoreWithGrade) {
    // Over many patients, severe fractures have more breaks than mild ones, and biconcave and crush
    // shapes break the endplates more often than wedges.
    const CementSetup base = test::cementSetup(Procedure::Vertebroplasty);
    const auto count = [&](Morphology m, int grade, ExitKind kind) {
        int n = 0;
        for (std::uint32_t seed = 1; seed <= 300; ++seed) {
            CementSetup s = base;
            s.morphology = m;
            s.grade = grade;
            s.seed = seed;
            for (const CementExit& e : drawBoneDamage(s).exits) n += e.kind == kind ? 1 : 0;
        }
        return n;
    };
    EXPECT_GT(count(Morphology::Wedge, 3, ExitKind::WallBreak), count(Morphology::Wedge, 1, ExitKind::WallBreak));
    EXPECT_GT(count(Morphology::Biconcave, 2, ExitKind::EndplateBreak), count(Morphology::Wedge, 2, ExitKind::EndplateBreak));
    EXPECT_GT(count(Morphology::Crush, 3, ExitKind::EndplateBreak), count(Morphology::Crush, 1, ExitKind::EndplateBreak));
}

TEST(CementFieldTest, LooksUpVolumesPerPart) {
    CementField f;
    f.grid = VoxelGrid::covering(glm::vec3(0.0f), glm::vec3(0.004f), 0.001f); // 4^3 cells of 1 uL
    f.fillTime.assign(f.grid.count(), kNeverFilled);
    f.voxelMl.assign(f.grid.count(), 0.0005f);
    f.part.assign(f.grid.count(), 0);
    f.fillTime[f.grid.index(0, 0, 0)] = 1.0f;
    f.fillTime[f.grid.index(1, 0, 0)] = 2.0f;
    f.fillTime[f.grid.index(3, 3, 3)] = 3.0f;
    f.part[f.grid.index(3, 3, 3)] = 1;
    CementLeak leak;
    leak.exitPosition = {1.0f, 1.0f, 1.0f};
    f.leaks.push_back(leak);
    f.injectionSeconds = 3.0f;
    f.finish();
    EXPECT_FLOAT_EQ(f.volumeAt(0.5f), 0.0f);
    EXPECT_FLOAT_EQ(f.volumeAt(2.0f), 0.001f);
    EXPECT_FLOAT_EQ(f.retainedVolumeAt(3.0f), 0.001f);
    EXPECT_FLOAT_EQ(f.leakedVolumeAt(3.0f), 0.0005f);
    EXPECT_FLOAT_EQ(f.leakVolumeAt(0, 2.9f), 0.0f);
    EXPECT_EQ(f.leakCentroidAt(0, 2.9f), leak.exitPosition); // before it starts: where it will leave
    EXPECT_EQ(f.leakCentroidAt(0, 3.0f), f.grid.centre(3, 3, 3));
    EXPECT_FLOAT_EQ(f.injectedVolumeAt(3.0f), f.volumeAt(3.0f)); // no flow rate: what is in place
}

TEST(CementPartsTest, RetainedCementAndEachLeakHaveTheirOwnSurface) {
    // A leaking vertebroplasty (crush fracture, runny cement).
    CementOptions options;
    options.cement = CementKind::LowViscosity;
    options.injectionStartMinutes = 3.0f;
    CementField field;
    for (std::uint32_t seed = 1; seed <= 20 && field.leaks.empty(); ++seed)
        field = CementFlowModel().fill(test::cementSetup(Procedure::Vertebroplasty, seed, 3, Morphology::Crush, options));
    ASSERT_FALSE(field.leaks.empty());
    const float end = field.injectionSeconds;
    const CementField retained = cementPart(field, 0);
    EXPECT_NEAR(retained.volumeAt(end), field.retainedVolumeAt(end), 1e-5f);
    float sum = retained.volumeAt(end);
    for (std::size_t i = 0; i < field.leaks.size(); ++i) {
        const CementField part = cementPart(field, int(i) + 1);
        EXPECT_NEAR(part.volumeAt(end), field.leakVolumeAt(int(i), end), 1e-5f);
        sum += part.volumeAt(end);
        const MeshData mesh = leakSurface(field, int(i), end);
        EXPECT_FALSE(mesh.empty());
        EXPECT_TRUE(analyzeTopology(mesh).closedManifold());
        EXPECT_TRUE(leakSurface(field, int(i), field.leaks[i].startSeconds - 0.01f).empty());
    }
    EXPECT_NEAR(sum, field.volumeAt(end), 1e-4f);
    const MeshData body = retainedCementSurface(field, end);
    EXPECT_TRUE(analyzeTopology(body).closedManifold());
    EXPECT_TRUE(leakSurface(field, 99, end).empty());
}

} // namespace
} // namespace spineviz
