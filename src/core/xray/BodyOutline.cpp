#include "core/xray/BodyOutline.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz::xray {
namespace {

// All dimensions are estimates for a slight elderly adult (docs/fluoroscopy.md); the trunk's are
// in the header.
//
// Lungs 12 cm wide, 17 cm deep and 30 cm tall, their centres 9 cm to either side of the midline
// and 2 cm in front of the body's centre. The left dome reaches down to the level of T12's body
// (the posterior costophrenic recesses); the right hemidiaphragm sits about 2 cm higher, over the
// liver.
constexpr float kLungSemiLateral = 0.06f, kLungSemiDepth = 0.085f, kLungSemiHeight = 0.15f;
constexpr float kLungOffsetLateral = 0.09f, kLungOffsetAnterior = 0.02f, kRightDomeHigher = 0.02f;
// Inflated lung: about 0.26 g/cm3 (estimate) at soft tissue's mass attenuation, 0.201 / 1.05 cm2/g
// at 70 keV (biomech.md section 6): 0.050 /cm.
constexpr float kLungMuPerM = 0.26f * (0.201f / 1.05f) * 100.0f;
// Fat: about -100 HU (its usual CT number, estimate), so by HU = 1000 (mu - mu_w) / mu_w with
// water's 0.193 /cm at 70 keV (biomech.md section 6), 0.174 /cm. 1.5 cm under the skin (estimate).
constexpr float kWaterMuPerCm = 0.193f;
constexpr float kFatMuPerM = kWaterMuPerCm * (1.0f - 100.0f / 1000.0f) * 100.0f;
constexpr float kFatThickness = 0.015f;
// The heart: 12 cm wide, 10 cm deep, 12 cm tall (estimates), centred at T7's height 2 cm to the
// patient's left and 8 cm in front of the vertebral bodies' centres, resting on the diaphragm.
constexpr float kHeartSemiLateral = 0.06f, kHeartSemiDepth = 0.05f, kHeartSemiHeight = 0.06f;
constexpr float kHeartLeft = 0.02f, kHeartAnterior = 0.08f;
// The abdomen's contents in front of the lumbar spine, by volume (estimates): 50 % viscera at
// soft tissue's 0.201 /cm, 45 % fat (retroperitoneal, mesenteric, omental) at 0.174 and 5 % bowel
// gas at about 0: 0.179 /cm. An ellipsoid 24 cm wide, 13 cm deep and 36 cm tall, centred at L3's
// height 7 cm in front of L2's body: from under the domes (the stomach and the colon's flexures)
// into the pelvis, below the field of an L5 view.
constexpr float kAbdomenMuPerM = (0.50f * 0.201f + 0.45f * kWaterMuPerCm * 0.9f) * 100.0f;
constexpr float kAbdomenSemiLateral = 0.12f, kAbdomenSemiDepth = 0.065f, kAbdomenSemiHeight = 0.18f;
constexpr float kAbdomenAnterior = 0.07f;
// The psoas muscles, either side of the lumbar bodies from T12 to L5: 5 cm wide and deep at their
// widest (L3-L4), centred 4.5 cm from the midline (estimates). They hug the bodies' sides through
// the lordosis, which one upright ellipsoid cannot: it is set level (front to back) with the
// treated vertebra's body, where the image is centred.
constexpr float kPsoasSemiLateral = 0.025f, kPsoasSemiDepth = 0.025f, kPsoasSemiHeight = 0.11f, kPsoasOffset = 0.045f;
// The shoulders beside the upper chest (arms forward beside the head in the prone position, so
// only the shoulder girdle's muscle and scapula): 12 cm wide and deep, 16 cm tall, centred at T1's
// height 17 cm to either side, reaching down to about T4 (estimates).
constexpr float kShoulderSemiLateral = 0.06f, kShoulderSemiDepth = 0.06f, kShoulderSemiHeight = 0.08f, kShoulderOffset = 0.17f;

glm::vec3 worldPoint(const Scene& scene, const VertebraNode& v, const glm::vec3& local) {
    const glm::mat4 world = scene.worldTransforms()[static_cast<std::size_t>(v.node)];
    return glm::vec3(world * glm::vec4(local, 1.0f));
}

glm::vec3 bodyCentreWorld(const Scene& scene, const VertebraNode& v) { return worldPoint(scene, v, v.landmarks.origin); }

} // namespace

BodyOutline bodyOutlineFor(const Scene& scene, const SpineAnatomy& anatomy, const std::string& level) {
    BodyOutline out;
    const VertebraNode* treated = anatomy.vertebra(level);
    if (!treated) return out;
    const glm::vec3 centre = bodyCentreWorld(scene, *treated);
    // The patient's left along world X (+1 or -1), from the treated vertebra's pedicles.
    const float leftX = worldPoint(scene, *treated, treated->landmarks.pedicles[0].entry).x >=
                                worldPoint(scene, *treated, treated->landmarks.pedicles[1].entry).x
                            ? 1.0f
                            : -1.0f;
    out.present = true;
    out.trunk.centre = centre + glm::vec3(0.0f, 0.0f, kTrunkSemiDepth - kBackSkinToBody);
    out.trunk.semiLateral = kTrunkSemiLateral;
    out.trunk.semiDepth = kTrunkSemiDepth;
    out.fatThickness = kFatThickness;
    out.fatMuPerM = kFatMuPerM;
    out.lungMuPerM = kLungMuPerM;
    out.abdomenMuPerM = kAbdomenMuPerM;
    if (const VertebraNode* t12 = anatomy.vertebra("T12")) {
        const float domeY = bodyCentreWorld(scene, *t12).y;
        out.lungCount = 2;
        for (int i = 0; i < 2; ++i) { // [0] on the patient's left, [1] on the right
            const float side = i == 0 ? leftX : -leftX;
            AxisEllipsoid& lung = out.lungs[i];
            lung.centre = glm::vec3(centre.x + side * kLungOffsetLateral, domeY + kLungSemiHeight + (i == 1 ? kRightDomeHigher : 0.0f),
                                    centre.z + kLungOffsetAnterior);
            lung.semiAxes = glm::vec3(kLungSemiLateral, kLungSemiHeight, kLungSemiDepth);
        }
    }
    if (const VertebraNode* t7 = anatomy.vertebra("T7")) {
        const glm::vec3 c = bodyCentreWorld(scene, *t7);
        out.heart = true;
        out.heartShape.centre = glm::vec3(centre.x + leftX * kHeartLeft, c.y, c.z + kHeartAnterior);
        out.heartShape.semiAxes = glm::vec3(kHeartSemiLateral, kHeartSemiHeight, kHeartSemiDepth);
    }
    const VertebraNode* l2 = anatomy.vertebra("L2");
    const VertebraNode* l3 = anatomy.vertebra("L3");
    if (l2 && l3) {
        const glm::vec3 c = bodyCentreWorld(scene, *l3);
        out.abdomen = true;
        const glm::vec3 front = bodyCentreWorld(scene, *l2); // the lordosis: L2 stands furthest forward
        out.abdomenShape.centre = glm::vec3(centre.x, c.y, front.z + kAbdomenAnterior);
        out.abdomenShape.semiAxes = glm::vec3(kAbdomenSemiLateral, kAbdomenSemiHeight, kAbdomenSemiDepth);
        out.psoasCount = 2;
        for (int i = 0; i < 2; ++i) {
            out.psoas[i].centre = glm::vec3(centre.x + (i == 0 ? kPsoasOffset : -kPsoasOffset), c.y, centre.z);
            out.psoas[i].semiAxes = glm::vec3(kPsoasSemiLateral, kPsoasSemiHeight, kPsoasSemiDepth);
        }
    }
    if (const VertebraNode* t1 = anatomy.vertebra("T1")) {
        const glm::vec3 c = bodyCentreWorld(scene, *t1);
        out.shoulderCount = 2;
        for (int i = 0; i < 2; ++i) {
            out.shoulders[i].centre = glm::vec3(centre.x + (i == 0 ? kShoulderOffset : -kShoulderOffset), c.y, out.trunk.centre.z);
            out.shoulders[i].semiAxes = glm::vec3(kShoulderSemiLateral, kShoulderSemiHeight, kShoulderSemiDepth);
        }
    }
    return out;
}

float chordLength(const EllipticCylinder& c, const glm::vec3& origin, const glm::vec3& dir) {
    const float ox = (origin.x - c.centre.x) / c.semiLateral, oz = (origin.z - c.centre.z) / c.semiDepth;
    const float dx = dir.x / c.semiLateral, dz = dir.z / c.semiDepth;
    const float a = dx * dx + dz * dz, b = ox * dx + oz * dz, k = ox * ox + oz * oz - 1.0f;
    if (a < 1e-12f) return 0.0f; // along the axis: not a view the C-arm can take
    const float disc = b * b - a * k;
    if (disc <= 0.0f) return 0.0f;
    const float h = std::sqrt(disc);
    const float t0 = std::max((-b - h) / a, 0.0f), t1 = (-b + h) / a;
    return std::max(t1 - t0, 0.0f);
}

glm::vec2 interval(const AxisEllipsoid& e, const glm::vec3& origin, const glm::vec3& dir) {
    // In the frame where the ellipsoid is the unit sphere, t keeps its meaning along the ray.
    const glm::vec3 o = (origin - e.centre) / e.semiAxes, d = dir / e.semiAxes;
    const float a = glm::dot(d, d), b = glm::dot(o, d), k = glm::dot(o, o) - 1.0f;
    const float disc = b * b - a * k;
    if (disc <= 0.0f) return glm::vec2(0.0f);
    const float h = std::sqrt(disc);
    return glm::vec2(std::max((-b - h) / a, 0.0f), (-b + h) / a);
}

float chordLength(const AxisEllipsoid& e, const glm::vec3& origin, const glm::vec3& dir) {
    const glm::vec2 t = interval(e, origin, dir);
    return std::max(t.y - t.x, 0.0f);
}

namespace {
float overlap(const glm::vec2& a, const glm::vec2& b) { return std::max(std::min(a.y, b.y) - std::max(a.x, b.x), 0.0f); }
} // namespace

float bodyLineIntegral(const BodyOutline& body, float tissue, const glm::vec3& o, const glm::vec3& d) {
    if (!body.present) return 0.0f;
    const float outer = chordLength(body.trunk, o, d);
    float p = tissue * outer;
    if (body.fatThickness > 0.0f) {
        EllipticCylinder inner = body.trunk;
        inner.semiLateral -= body.fatThickness;
        inner.semiDepth -= body.fatThickness;
        p += (body.fatMuPerM - tissue) * (outer - chordLength(inner, o, d));
    }
    for (int i = 0; i < body.lungCount; ++i) {
        const glm::vec2 lung = interval(body.lungs[i], o, d);
        p += (body.lungMuPerM - tissue) * std::max(lung.y - lung.x, 0.0f);
        if (body.heart) p += (tissue - body.lungMuPerM) * overlap(interval(body.heartShape, o, d), lung);
    }
    if (body.abdomen) {
        const glm::vec2 abdomen = interval(body.abdomenShape, o, d);
        p += (body.abdomenMuPerM - tissue) * std::max(abdomen.y - abdomen.x, 0.0f);
        for (int i = 0; i < body.psoasCount; ++i) p += (tissue - body.abdomenMuPerM) * overlap(interval(body.psoas[i], o, d), abdomen);
    }
    for (int i = 0; i < body.shoulderCount; ++i) p += tissue * chordLength(body.shoulders[i], o, d);
    return p;
}

} // namespace spineviz::xray
