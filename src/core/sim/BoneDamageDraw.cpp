// The draw of one patient's exits and clefts from the fracture (drawBoneDamage, BoneField.h).
#include "core/sim/BoneField.h"

#include "core/math/SeededRandom.h"
#include "core/sim/BodySection.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

using namespace bone_detail;

// ---- The draw: which exits and clefts this fracture has -------------------------------------------
//
// Probabilities and sizes are model values tuned so seeded procedures reproduce the clinical leak
// rates (docs/cement.md, tools/cement_calibration); the reasoning behind each is given there. In short:
// every body has a basivertebral foramen and small segmental foramina (normal anatomy); fractures add
// a cleft (more often in severe grades), endplate breaks (mostly biconcave and crush shapes, higher
// grades) and cortical breaks (anterior/anterolateral for wedges, anywhere lateral for crush).

struct GradeTable { float g1, g2, g3; float at(int grade) const { return grade <= 1 ? g1 : grade == 2 ? g2 : g3; } };

GradeTable cleftChance(Morphology m) {
    switch (m) {
    case Morphology::Wedge: return {0.30f, 0.45f, 0.60f};
    case Morphology::Biconcave: return {0.30f, 0.45f, 0.60f};
    case Morphology::Crush: return {0.35f, 0.50f, 0.65f};
    }
    return {0.3f, 0.45f, 0.6f};
}
GradeTable superiorEndplateChance(Morphology m) {
    switch (m) {
    case Morphology::Wedge: return {0.23f, 0.34f, 0.44f};
    case Morphology::Biconcave: return {0.34f, 0.44f, 0.55f};
    case Morphology::Crush: return {0.34f, 0.44f, 0.55f};
    }
    return {0.2f, 0.3f, 0.4f};
}
GradeTable inferiorEndplateChance(Morphology m) {
    switch (m) {
    case Morphology::Wedge: return {0.04f, 0.06f, 0.08f};
    case Morphology::Biconcave: return {0.15f, 0.19f, 0.23f};
    case Morphology::Crush: return {0.15f, 0.19f, 0.23f};
    }
    return {0.04f, 0.06f, 0.08f};
}
GradeTable wallBreakChance(Morphology m) {
    switch (m) {
    case Morphology::Wedge: return {0.27f, 0.42f, 0.57f};
    case Morphology::Biconcave: return {0.12f, 0.18f, 0.27f};
    case Morphology::Crush: return {0.32f, 0.46f, 0.63f};
    }
    return {0.2f, 0.3f, 0.4f};
}
// A posterior-wall breach (retropulsion) is a grade-3 finding and a contraindication when a fragment
// is in the canal (clinical.md); canal leaks are rare (0.7 %, JOSR 2019).
float posteriorBreakChance(Morphology m, int grade) {
    if (grade < 3) return 0.0f;
    return m == Morphology::Crush ? 0.10f : 0.05f;
}

enum : std::uint64_t { kDamageDraw = 110 };

struct Range { float lo, hi; };
// How far the basivertebral veins reach into the body from the posterior wall, as a share of its depth.
constexpr Range kBasivertebralReach{0.15f, 0.40f};
// Entry pressure of an exit (Pa): veins and cracks are open paths, easier to enter than bone's pores.
constexpr Range kExitEntry{50.0f, 300.0f};
// Chance that one side has an anterolateral foramen whose vein takes cement.
constexpr float kSegmentalChance = 0.06f;

} // namespace

const char* exitKindName(ExitKind kind) {
    switch (kind) {
    case ExitKind::BasivertebralForamen: return "basivertebral foramen";
    case ExitKind::SegmentalForamen: return "segmental foramen";
    case ExitKind::EndplateBreak: return "endplate break";
    case ExitKind::WallBreak: return "cortical break";
    }
    return "exit";
}


BoneDamage drawBoneDamage(const CementSetup& setup) {
    const BodyFrame& body = setup.body;
    const Section s = sectionOf(body);
    const float height = body.superiorY - body.inferiorY;
    const float midY = 0.5f * (body.superiorY + body.inferiorY);
    const int grade = std::clamp(setup.grade, 1, 3);
    const Morphology morph = setup.morphology;
    // One stream per kind of finding, so changing one chance leaves the other draws as they were. The
    // veins are anatomy (the seed's); the fracture's findings also depend on its shape and grade.
    const std::uint64_t fracture = deriveSeed(setup.seed, kDamageDraw + 16u * std::uint64_t(grade) + 64u * std::uint64_t(morph));
    SeededRandom cleftDraw(deriveSeed(fracture, 1)), basiDraw(deriveSeed(setup.seed, kDamageDraw + 2)),
        segmentalDraw(deriveSeed(setup.seed, kDamageDraw + 3)), endplateDraw(deriveSeed(fracture, 4)), wallDraw(deriveSeed(fracture, 5)),
        canalDraw(deriveSeed(fracture, 6));
    BoneDamage d;

    // The fracture cleft: where the body collapsed (anterior for a wedge, central for biconcave,
    // scattered for crush), a flat slab under the superior endplate.
    SeededRandom& r = cleftDraw;
    float cleftY = body.superiorY - r.uniform(0.22f, 0.38f) * height;
    const bool cleft = r.unit() < cleftChance(morph).at(grade);
    if (cleft) {
        const float thick = r.uniform(0.0012f, 0.0022f) * (0.8f + 0.2f * float(grade));
        if (morph == Morphology::Wedge) {
            d.clefts.push_back({{r.uniform(-0.2f, 0.2f) * s.a, cleftY, s.cz + r.uniform(0.35f, 0.55f) * s.b},
                                {r.uniform(0.45f, 0.7f) * s.a, thick, r.uniform(0.35f, 0.5f) * s.b}});
        } else if (morph == Morphology::Biconcave) {
            cleftY = midY + r.uniform(0.05f, 0.2f) * height;
            d.clefts.push_back({{r.uniform(-0.2f, 0.2f) * s.a, cleftY, s.cz + r.uniform(0.0f, 0.15f) * s.b},
                                {r.uniform(0.4f, 0.6f) * s.a, thick, r.uniform(0.3f, 0.42f) * s.b}});
        } else {
            const int n = 2 + int(r.unit() * 2.0);
            for (int i = 0; i < n; ++i)
                d.clefts.push_back({{r.uniform(-0.5f, 0.5f) * s.a, midY + r.uniform(-0.3f, 0.3f) * height, s.cz + r.uniform(-0.3f, 0.5f) * s.b},
                                    {r.uniform(0.2f, 0.3f) * s.a, 0.8f * thick, r.uniform(0.2f, 0.3f) * s.b}});
        }
    }

    // Basivertebral foramen: every body has one, mid posterior wall; its vein reaches into the body.
    {
        SeededRandom& q = basiDraw;
        CementExit e;
        e.kind = ExitKind::BasivertebralForamen;
        e.leakType = LeakType::Basivertebral;
        e.position = {0.0f, midY + q.uniform(-0.1f, 0.1f) * height, body.posteriorZ};
        e.normal = {0.0f, 0.0f, -1.0f};
        e.radius = q.uniform(0.0010f, 0.0016f);
        e.vesselRadius = q.uniform(0.0008f, 0.0014f);
        e.innerLength = q.uniform(kBasivertebralReach.lo, kBasivertebralReach.hi) * (body.anteriorZ - body.posteriorZ);
        e.entryPressurePa = q.uniform(kExitEntry.lo, kExitEntry.hi);
        d.exits.push_back(e);
    }
    // Segmental foramina: an anterolateral vascular foramen whose vein takes cement (most are too
    // small or closed to matter); at most one per side, about mid-height.
    for (int side = 0; side < 2; ++side) {
        SeededRandom& q = segmentalDraw;
        const bool patent = q.unit() < kSegmentalChance;
        const float alpha = q.uniform(15.0f, 65.0f) * kDeg;
        const float y = midY + q.uniform(-0.12f, 0.12f) * height;
        CementExit e;
        e.kind = ExitKind::SegmentalForamen;
        e.leakType = LeakType::SegmentalVein;
        const float theta = side == 0 ? alpha : kPi - alpha;
        e.position = s.point(theta, y);
        e.normal = s.normal(theta);
        e.radius = q.uniform(0.0006f, 0.0010f);
        e.vesselRadius = q.uniform(0.0006f, 0.0011f);
        e.innerLength = q.uniform(0.0015f, 0.004f);
        e.entryPressurePa = q.uniform(kExitEntry.lo, kExitEntry.hi);
        if (patent) d.exits.push_back(e);
    }
    // Endplate fractures into the discs: crack lines across the endplate, in the part that collapsed.
    const auto endplateBreak = [&](bool superior) {
        SeededRandom& q = endplateDraw;
        CementExit e;
        e.kind = ExitKind::EndplateBreak;
        e.leakType = LeakType::Intradiscal;
        float x = 0.0f, z = s.cz;
        if (morph == Morphology::Wedge && superior) {
            x = q.uniform(-0.4f, 0.4f) * s.a;
            z = s.cz + q.uniform(0.1f, 0.6f) * s.b;
        } else if (morph == Morphology::Biconcave) {
            x = q.uniform(-0.35f, 0.35f) * s.a;
            z = s.cz + q.uniform(-0.35f, 0.35f) * s.b;
        } else {
            x = q.uniform(-0.55f, 0.55f) * s.a;
            z = s.cz + q.uniform(-0.45f, 0.55f) * s.b;
        }
        const float angle = q.uniform(0.0f, kPi);
        e.position = {x, superior ? body.superiorY : body.inferiorY, z};
        e.normal = {0.0f, superior ? 1.0f : -1.0f, 0.0f};
        e.direction = {std::cos(angle), 0.0f, std::sin(angle)};
        e.radius = q.uniform(0.004f, 0.012f) * (0.8f + 0.1f * float(grade));
        e.width = q.uniform(0.0006f, 0.0014f);
        e.entryPressurePa = q.uniform(kExitEntry.lo, kExitEntry.hi);
        d.exits.push_back(e);
        // The fracture line under the crack, down into the body: cement that meets it follows it out.
        d.clefts.push_back({e.position, {e.radius, q.uniform(0.003f, 0.007f), q.uniform(0.0006f, 0.001f)}, e.direction});
    };
    {
        const bool sup = endplateDraw.unit() < superiorEndplateChance(morph).at(grade);
        const bool inf = endplateDraw.unit() < inferiorEndplateChance(morph).at(grade);
        if (sup) endplateBreak(true);
        if (inf) endplateBreak(false);
    }
    // Cortical breaks of the wall, at the level of the collapse.
    const auto wallBreak = [&](SeededRandom& q, float theta, float y, LeakType type) {
        CementExit e;
        e.kind = ExitKind::WallBreak;
        e.leakType = type;
        e.position = s.point(theta, y);
        e.normal = s.normal(theta);
        e.radius = q.uniform(0.003f, 0.007f);
        e.width = q.uniform(0.0006f, 0.0012f);
        e.entryPressurePa = q.uniform(kExitEntry.lo, kExitEntry.hi);
        d.exits.push_back(e);
        // The fracture line behind the crack, into the body at its level.
        const glm::vec3 tangent = glm::normalize(glm::vec3(-s.a * std::sin(theta), 0.0f, s.b * std::cos(theta)));
        d.clefts.push_back({e.position, {e.radius, q.uniform(0.0006f, 0.001f), q.uniform(0.003f, 0.007f)}, tangent});
    };
    {
        SeededRandom& q = wallDraw;
        const bool present = q.unit() < wallBreakChance(morph).at(grade);
        float theta = 0.0f;
        if (morph == Morphology::Wedge) theta = 90.0f * kDeg + q.uniform(-35.0f, 35.0f) * kDeg;
        else if (morph == Morphology::Crush) theta = q.uniform(0.0f, 180.0f) * kDeg;
        else theta = (q.unit() < 0.5 ? 0.0f : kPi) + q.uniform(-25.0f, 25.0f) * kDeg;
        const float y = cleftY + q.uniform(-0.001f, 0.001f);
        if (present) wallBreak(q, theta, y, LeakType::Paravertebral);
    }
    {
        SeededRandom& q = canalDraw;
        if (q.unit() < posteriorBreakChance(morph, grade))
            wallBreak(q, -90.0f * kDeg + q.uniform(-20.0f, 20.0f) * kDeg, body.superiorY - q.uniform(0.1f, 0.3f) * height, LeakType::SpinalCanal);
    }
    return d;
}


} // namespace spineviz
