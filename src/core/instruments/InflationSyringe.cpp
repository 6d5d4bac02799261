// The inflation syringe: a 20 mL clear barrel driven by a threaded plunger with a knob, a pressure
// gauge (0-400 psi dial) on a manifold at its nose, and high-pressure tubing to the balloon tamp's
// inflation port. Millimetres; the origin is the tubing's Luer connector at the tamp's port, the
// tubing leaves along -Z and bends toward +X, where the syringe lies along +X with its gauge facing
// -Z (back along the tubing, toward whoever holds it).

#include "core/instruments/Builders.h"
#include "core/instruments/InstrumentDimensions.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz::instruments {
namespace dims = instrument_dims;

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kDeg = kPi / 180.0f;
constexpr float kBendRadius = 40.0f;  // estimate
constexpr float kNoseX = 180.0f;      // where the tubing reaches the syringe's nose (gives ~230 mm of tubing)
constexpr float kAxisZ = -(10.0f + 30.0f + kBendRadius); // height of the syringe's axis
constexpr float kGaugeAt = 12.0f;     // gauge axis, along the syringe from its nose
constexpr float kGaugeBackZ = kAxisZ - 14.0f;

MeshData tickBox(float length, float width, float height) {
    const float r = 0.5f * std::min(width, height) * 0.8f;
    return roundedBox(glm::vec3(std::max(0.01f, 0.5f * width - r), std::max(0.01f, 0.5f * length - r), std::max(0.01f, 0.5f * height - r)), r,
                      1);
}

} // namespace

PartsMm buildInflationSyringeMm(const InstrumentParams& params) {
    PartsMm out;
    const float travel = std::clamp(params.plungerTravel, 0.0f, 1.0f);

    // --- Tubing and its Luer connector at the origin -------------------------------------------
    const Profile connector = {{0.0f, 0.0f},         {2.0f, 0.0f, true},  {2.0f, -4.0f, true}, {3.6f, -4.0f, true},
                               {3.6f, -11.0f, true}, {1.7f, -14.0f, true}, {0.0f, -14.0f}};
    out.add("connector", lathe(connector, 32), PartMaterial::ClearPlastic);
    std::vector<glm::vec3> path;
    for (float z = -10.0f; z > -40.0f; z -= 5.0f) path.emplace_back(0.0f, 0.0f, z);
    for (int k = 0; k <= 16; ++k) {
        const float phi = 0.5f * kPi * static_cast<float>(k) / 16.0f;
        path.emplace_back(kBendRadius - kBendRadius * std::cos(phi), 0.0f, -40.0f - kBendRadius * std::sin(phi));
    }
    const int straight = 14;
    for (int k = 1; k <= straight; ++k) { // a gentle sag along the straight run
        const float t = static_cast<float>(k) / straight;
        path.emplace_back(kBendRadius + t * (kNoseX - 4.0f - kBendRadius), -6.0f * std::sin(kPi * t), kAxisZ);
    }
    out.add("tubing", sweptTube(path, 0.5f * dims::kTubingOuterMm, 16), PartMaterial::Tubing);

    // Syringe-local frame: lathe axis +Z along the syringe (s, from the nose), local +X toward the
    // gauge (world -Z).
    const glm::mat4 syringe = glm::translate(glm::mat4(1.0f), glm::vec3(kNoseX, 0.0f, kAxisZ)) *
                              glm::rotate(glm::mat4(1.0f), 0.5f * kPi, glm::vec3(0.0f, 1.0f, 0.0f));

    // --- Manifold at the nose, carrying the gauge -----------------------------------------------
    const Profile manifold = {{0.0f, -6.0f}, {2.0f, -6.0f, true}, {2.0f, -1.0f, true}, {6.0f, 0.0f}, {7.5f, 1.5f},
                              {7.5f, 23.0f}, {6.5f, 24.0f, true}, {0.0f, 24.0f}};
    MeshData block = moved(lathe(manifold, 40), syringe);
    appendMesh(block, moved(lathe({{0.0f, 0.0f}, {3.2f, 0.0f, true}, {3.2f, -15.0f, true}, {0.0f, -15.0f}}, 24),
                            glm::translate(glm::mat4(1.0f), glm::vec3(kNoseX + kGaugeAt, 0.0f, kAxisZ))));
    out.add("manifold", std::move(block), PartMaterial::HandlePlastic);

    // --- Gauge: built facing +Z (12 o'clock = +Y, 3 o'clock = +X), then turned to face -Z ----------
    const glm::mat4 gauge = glm::translate(glm::mat4(1.0f), glm::vec3(kNoseX + kGaugeAt, 0.0f, kGaugeBackZ)) *
                            glm::rotate(glm::mat4(1.0f), kPi, glm::vec3(0.0f, 1.0f, 0.0f));
    const float dialR = 0.5f * dims::kGaugeDialDiameterMm;
    const Profile housing = {{0.0f, 0.0f},        {9.0f, 0.0f},         {17.0f, 1.2f},           {21.5f, 3.5f},
                             {dialR + 1.7f, 6.0f}, {dialR + 1.7f, 13.0f}, {dialR + 1.2f, 14.0f, true}, {0.0f, 14.0f}};
    out.add("gauge_housing", moved(lathe(housing, 48), gauge), PartMaterial::HandlePlastic);
    out.add("gauge_face", moved(lathe({{0.0f, 13.9f}, {dialR - 0.5f, 13.9f, true}, {dialR - 0.5f, 14.4f, true}, {0.0f, 14.4f}}, 48), gauge),
            PartMaterial::GaugeFace);
    const Profile bezel = {{dialR - 0.4f, 13.5f, true}, {dialR + 2.2f, 13.5f, true}, {dialR + 2.2f, 15.2f}, {dialR + 1.6f, 16.2f, true},
                           {dialR - 0.4f, 16.2f, true}};
    out.add("gauge_bezel", moved(lathe(bezel, 48, true), gauge), PartMaterial::Steel);

    // Ticks every 20 psi, long ones every 100 psi. A mirrored model is reflected afterwards, so its
    // angles are negated here to keep the dial reading clockwise.
    const float sense = params.mirrored ? -1.0f : 1.0f;
    MeshData ticks;
    for (int psi = 0; psi <= static_cast<int>(dims::kGaugeFullScalePsi); psi += 20) {
        const bool major = psi % 100 == 0;
        const float len = major ? 4.0f : 2.2f;
        const float angle = sense * gaugeNeedleAngleDeg(static_cast<float>(psi)) * kDeg;
        const glm::mat4 place = glm::rotate(glm::mat4(1.0f), -angle, glm::vec3(0.0f, 0.0f, 1.0f)) *
                                glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, dialR - 2.0f - 0.5f * len, 14.5f));
        appendMesh(ticks, moved(tickBox(len, major ? 0.9f : 0.45f, 0.25f), gauge * place));
    }
    out.add("gauge_ticks", std::move(ticks), PartMaterial::HandleAccent);

    const float needleAngle = sense * gaugeNeedleAngleDeg(params.pressurePsi) * kDeg;
    const float needleLen = dialR - 3.0f + 3.5f; // 3.5 mm tail behind the pivot
    MeshData needle = moved(tickBox(needleLen, 0.8f, 0.3f),
                            glm::rotate(glm::mat4(1.0f), -needleAngle, glm::vec3(0.0f, 0.0f, 1.0f)) *
                                glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.5f * needleLen - 3.5f, 14.9f)));
    appendMesh(needle, lathe({{0.0f, 14.35f}, {1.6f, 14.35f, true}, {1.6f, 15.3f}, {1.2f, 15.6f, true}, {0.0f, 15.6f}}, 24));
    out.add("gauge_needle", moved(std::move(needle), gauge), PartMaterial::HandleAccent);

    // --- Barrel ---------------------------------------------------------------------------------
    const float outerR = 0.5f * dims::kSyringeBarrelOuterMm, boreR = 0.5f * dims::kSyringeBarrelInnerMm;
    const float boreFront = 28.5f, barrelBack = 106.0f;
    const Profile barrel = {{1.2f, 22.0f, true},  {3.0f, 22.0f, true},           {outerR, 27.0f, true},
                            {outerR, barrelBack, true}, {boreR, barrelBack, true}, {boreR, boreFront, true},
                            {1.2f, 23.5f, true}};
    out.add("barrel", moved(lathe(barrel, 48, true), syringe), PartMaterial::ClearPlastic);
    MeshData marks; // graduations every 5 mL
    const float mmPerMl = 1000.0f / (kPi * boreR * boreR);
    for (int ml = 5; ml <= 20; ml += 5) {
        const float s = boreFront + mmPerMl * static_cast<float>(ml);
        appendMesh(marks, tube(outerR, outerR + 0.05f, s - 0.25f, s + 0.25f, 48));
    }
    out.add("barrel_marks", moved(std::move(marks), syringe), PartMaterial::HandleAccent);

    // Rear collar with finger flanges, through which the threaded rod runs.
    const Profile collar = {{4.4f, 103.0f, true}, {outerR + 0.8f, 103.0f, true}, {outerR + 0.8f, 112.0f}, {outerR, 114.0f, true},
                            {4.4f, 114.0f, true}};
    MeshData rear = lathe(collar, 48, true);
    const MeshData flange = roundedBox(glm::vec3(1.0f, 7.0f, 0.8f), 1.8f, 3);
    appendMesh(rear, moved(flange, glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, outerR + 6.0f, 108.0f))));
    appendMesh(rear, moved(flange, glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -outerR - 6.0f, 108.0f))));
    out.add("flange", moved(std::move(rear), syringe), PartMaterial::HandlePlastic);

    // --- Plunger: rubber stopper, threaded rod, knob ---------------------------------------------
    const float sf = boreFront + (1.0f - travel) * dims::kSyringeStrokeMm;
    const Profile stopper = {{0.0f, sf},           {boreR - 0.2f, sf, true}, {boreR - 0.05f, sf + 0.8f}, {boreR - 0.05f, sf + 2.0f},
                             {boreR - 0.4f, sf + 2.6f}, {boreR - 0.4f, sf + 5.4f}, {boreR - 0.05f, sf + 6.0f},
                             {boreR - 0.05f, sf + 7.2f}, {boreR - 0.2f, sf + 8.0f, true}, {0.0f, sf + 8.0f}};
    out.add("stopper", moved(lathe(stopper, 48), syringe), PartMaterial::HandleAccent);
    const float rodFront = sf + 7.0f, rodLen = 100.0f, pitch = 4.0f;
    std::vector<float> rodRows;
    for (int k = 0; k <= static_cast<int>(rodLen); ++k) rodRows.push_back(rodFront + static_cast<float>(k));
    auto thread = [&](float theta, float s) { return 3.5f + 0.45f * std::cos(theta - 2.0f * kPi * s / pitch); };
    out.add("plunger_rod", moved(radialSolid(rodRows, 24, thread), syringe), PartMaterial::HandlePlastic);

    const float knobFront = rodFront + rodLen - 2.0f, knobLen = 20.0f;
    auto knobRadius = [&](float theta, float s) {
        const float t = s - knobFront;
        float base = 15.0f;
        if (t < 3.0f) base = 5.0f + 10.0f * std::sin(0.5f * kPi * std::max(0.0f, t) / 3.0f);
        if (t > knobLen - 5.0f) base = 15.0f * std::sqrt(std::max(0.0f, 1.0f - std::pow((t - knobLen + 5.0f) / 5.0f, 2.0f)));
        const float fade = std::clamp(std::min(t - 3.0f, knobLen - 5.0f - t) / 2.0f, 0.0f, 1.0f);
        return base - 1.4f * fade * std::pow(0.5f + 0.5f * std::cos(12.0f * theta), 3.0f);
    };
    std::vector<float> knobRows;
    for (float t = 0.0f; t < knobLen - 5.0f; t += 1.0f) knobRows.push_back(knobFront + t);
    for (int k = 0; k <= 8; ++k)
        knobRows.push_back(knobFront + knobLen - 5.0f + 5.0f * std::sin(0.5f * kPi * static_cast<float>(k) / 8.0f));
    out.add("knob", moved(radialSolid(knobRows, 72, knobRadius), syringe), PartMaterial::HandleAccent);
    return out;
}

} // namespace spineviz::instruments
