// Straight instruments: trocar, vertebroplasty needle, working cannula, drill, bone filler.
// Millimetres, tip at the origin, shaft along -Z (see Instrument.h).

#include "core/instruments/Builders.h"
#include "core/instruments/InstrumentDimensions.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace spineviz::instruments {
namespace dims = instrument_dims;

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kDeg = kPi / 180.0f;

// Piecewise-linear lookup in a table of (z, value) sorted by decreasing z (tip first).
float lookup(const std::vector<std::pair<float, float>>& table, float z) {
    if (z >= table.front().first) return table.front().second;
    for (std::size_t i = 1; i < table.size(); ++i)
        if (z >= table[i].first) {
            const float t = (z - table[i - 1].first) / (table[i].first - table[i - 1].first);
            return table[i - 1].second + t * (table[i].second - table[i - 1].second);
        }
    return table.back().second;
}

// A straight hollow tube with an optional chamfer on the outer edge of its front (tip) end.
MeshData cannulaTube(float innerR, float outerR, float zFront, float zBack, float chamfer, int segments) {
    Profile profile;
    if (chamfer > 0.0f) {
        profile = {{innerR, zFront, true},
                   {outerR - chamfer, zFront, true},
                   {outerR, zFront - 1.6f * chamfer, true},
                   {outerR, zBack, true},
                   {innerR, zBack, true}};
    } else {
        profile = {{innerR, zFront, true}, {outerR, zFront, true}, {outerR, zBack, true}, {innerR, zBack, true}};
    }
    return lathe(profile, segments, true);
}

// Thin dark rings just proud of a shaft: depth marks, printed bands.
MeshData bandRing(float shaftR, float zCentre, float width, int segments) {
    return tube(shaftR, shaftR + 0.04f, zCentre + 0.5f * width, zCentre - 0.5f * width, segments);
}

struct THandleMm {
    MeshData mesh;
    float backZ = 0.0f;
};

// The Jamshidi-type T-handle: a hollow hub around the cannula (bore = cannula OD) with a tapered
// nose starting at zNose, and two oval wings along +-X. Sizes: InstrumentDimensions.h (estimates).
THandleMm tHandle(float shaftR, float zNose) {
    const float hubR = 0.5f * dims::kHandleHubDiameterMm;
    const float noseLen = dims::kHandleNoseLengthMm;
    const float hubLen = dims::kHandleHubLengthMm;
    const float zHubFront = zNose - noseLen, zBack = zHubFront - hubLen;
    const float r0 = shaftR + 0.9f;
    Profile hub;
    hub.push_back({shaftR, zNose, true});
    hub.push_back({r0, zNose, true});
    for (int k = 1; k <= 6; ++k) { // concave flare from the shaft to the hub
        const float t = static_cast<float>(k) / 6.0f;
        hub.push_back({r0 + (hubR - 1.0f - r0) * t * t, zNose - noseLen * t});
    }
    hub.push_back({hubR, zHubFront - 1.5f});
    hub.push_back({hubR, zBack + 1.5f});
    hub.push_back({hubR - 0.45f, zBack + 0.45f});
    hub.push_back({hubR - 1.5f, zBack, true});
    hub.push_back({shaftR, zBack, true});
    THandleMm handle;
    handle.mesh = lathe(hub, 48, true);
    handle.backZ = zBack;

    // Wing: an ergonomic grip turned about its own axis, then laid along +X and flattened in Y.
    const float span = 0.5f * dims::kTHandleSpanMm, gripR = 0.5f * dims::kTHandleGripDiameterMm;
    Profile wing = {{6.6f, 4.0f, true}, {6.8f, 9.0f}, {7.3f, 15.0f}, {7.9f, 21.0f}, {8.35f, 25.5f}};
    const float bulb = span - 7.0f;
    for (int k = 0; k <= 8; ++k) {
        const float t = 0.5f * kPi * static_cast<float>(k) / 8.0f;
        wing.push_back({gripR * std::cos(t), bulb + 7.0f * std::sin(t)});
    }
    wing.back().r = 0.0f;
    const MeshData wingLocal = lathe(wing, 40);
    const float zMid = 0.5f * (zHubFront + zBack);
    const glm::mat4 place = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.0f, zMid)) *
                            glm::scale(glm::mat4(1.0f), glm::vec3(1.0f, 0.72f, 1.0f)) *
                            glm::rotate(glm::mat4(1.0f), 0.5f * kPi, glm::vec3(0.0f, 1.0f, 0.0f));
    appendMesh(handle.mesh, moved(wingLocal, place));
    appendMesh(handle.mesh, moved(wingLocal, glm::rotate(glm::mat4(1.0f), kPi, glm::vec3(0.0f, 0.0f, 1.0f)) * place));
    return handle;
}

} // namespace

MeshData moved(MeshData mesh, const glm::mat4& transform) {
    transformMesh(mesh, transform);
    return mesh;
}

PartsMm buildTrocarMm(const InstrumentParams& params) {
    const dims::GaugeSize g = dims::gaugeSize(params.needleGauge);
    const float outerR = 0.5f * g.outerMm, innerR = 0.5f * g.innerMm;
    const float protrusion = dims::kStyletProtrusionMm;
    const float zCannulaTip = -protrusion, zNose = zCannulaTip - dims::kNeedleShaftLengthMm;
    PartsMm out;

    THandleMm handle = tHandle(outerR, zNose);
    const float zBack = handle.backZ;

    // Stylet with a three-facet (diamond) tip: a triangular pyramid whose faces meet the round rod
    // where the cannula begins. One facet faces +Y.
    const float styletR = innerR - 0.01f;
    const float slope = styletR / protrusion;
    auto styletRadius = [&](float theta, float z) {
        if (z <= -protrusion) return styletR;
        float best = 1e9f;
        for (int k = 0; k < 3; ++k) {
            const float centre = (90.0f + 120.0f * static_cast<float>(k)) * kDeg;
            const float c = std::cos(theta - centre);
            if (c > 0.45f) best = std::min(best, slope * -z / c);
        }
        return std::min(styletR, best);
    };
    std::vector<float> rows;
    for (int k = 0; k <= 10; ++k) rows.push_back(-protrusion * static_cast<float>(k) / 10.0f);
    rows.push_back(-protrusion - 0.3f);
    rows.push_back(zBack - 3.0f);
    MeshData stylet = radialSolid(rows, 36, styletRadius); // 36 columns put the pyramid's edges on columns
    flatShade(stylet, [&](const glm::vec3& c) { return c.z > -protrusion; });
    out.add("stylet", std::move(stylet), PartMaterial::Steel);

    out.add("cannula", cannulaTube(innerR, outerR, zCannulaTip, zBack, 0.3f, 32), PartMaterial::Steel);
    out.add("handle", std::move(handle.mesh), PartMaterial::HandlePlastic);

    // The stylet's cap locks onto the back of the handle.
    Profile cap = {{0.0f, zBack + 0.5f}, {7.2f, zBack + 0.5f, true}, {7.2f, zBack - 3.8f}};
    for (int k = 1; k <= 6; ++k) {
        const float t = 0.5f * kPi * static_cast<float>(k) / 6.0f;
        cap.push_back({7.2f * std::cos(t), zBack - 3.8f - 3.4f * std::sin(t)});
    }
    cap.back().r = 0.0f;
    out.add("stylet_cap", lathe(cap, 40), PartMaterial::HandleAccent);
    return out;
}

PartsMm buildVertebroplastyNeedleMm(const InstrumentParams& params) {
    const dims::GaugeSize g = dims::gaugeSize(params.needleGauge);
    const float outerR = 0.5f * g.outerMm, innerR = 0.5f * g.innerMm;
    const float zNose = -dims::kNeedleShaftLengthMm;
    PartsMm out;
    THandleMm handle = tHandle(outerR, zNose);
    const float zBack = handle.backZ;

    // Cannula cut by the bevel plane: its point at (0, -outerR, 0), the opening facing +Y.
    const int n = 32;
    const float cotBevel = 1.0f / std::tan(dims::kBevelAngleDeg * kDeg);
    auto bevelZ = [&](float y) { return -(y + outerR) * cotBevel; };
    const float zBevelEnd = bevelZ(outerR) - 0.3f;
    auto ring = [&](float r, bool onBevel, float z) {
        Ring points = circleRing(r, z, n);
        if (onBevel)
            for (glm::vec3& p : points) p.z = bevelZ(p.y);
        return points;
    };
    Loft loft;
    loft.closed = true;
    loft.add(ring(outerR, false, zBack), true);
    loft.add(ring(outerR, false, zBevelEnd));
    loft.add(ring(outerR, true, 0.0f), true);
    loft.add(ring(innerR, true, 0.0f), true);
    loft.add(ring(innerR, false, zBevelEnd));
    loft.add(ring(innerR, false, zBack), true);
    MeshData cannula;
    appendLoft(cannula, loft);
    out.add("cannula", std::move(cannula), PartMaterial::Steel);
    out.add("handle", std::move(handle.mesh), PartMaterial::HandlePlastic);

    // Female Luer lock where the cement delivery attaches (stylet removed): a tapered bore that
    // narrows into the cannula's lumen, with thread lugs at its mouth.
    const float luerR = 0.5f * dims::kLuerOuterDiameterMm;
    const Profile luer = {{innerR, zBack, true},     {3.1f, zBack, true},        {3.1f, zBack - 6.6f, true},
                          {luerR, zBack - 6.6f, true}, {luerR, zBack - 8.0f, true}, {2.15f, zBack - 8.0f, true},
                          {1.95f, zBack - 2.0f, true}, {innerR, zBack - 1.0f, true}};
    out.add("luer_hub", lathe(luer, 40, true), PartMaterial::HandleAccent);
    return out;
}

PartsMm buildWorkingCannulaMm(const InstrumentParams&) {
    const dims::GaugeSize g = dims::gaugeSize(dims::kWorkingCannulaGauge);
    const float outerR = 0.5f * g.outerMm, innerR = 0.5f * g.innerMm;
    const float zGrip = -dims::kWorkingCannulaLengthMm;
    const float gripR = 0.5f * dims::kWorkingCannulaGripDiameterMm, gripLen = dims::kWorkingCannulaGripLengthMm;
    const float zBack = zGrip - gripLen, zTubeEnd = zBack + 4.0f;
    PartsMm out;
    out.add("cannula", cannulaTube(innerR, outerR, 0.0f, zTubeEnd, 0.25f, 40), PartMaterial::Steel);

    // Round grip: a flared nose, two finger grooves, a rounded back and a funnel into the lumen.
    Profile grip = {{outerR, zGrip, true}, {outerR + 1.2f, zGrip, true}};
    for (int k = 1; k <= 6; ++k) {
        const float t = static_cast<float>(k) / 6.0f;
        grip.push_back({outerR + 1.2f + (gripR - 0.6f - outerR - 1.2f) * std::sin(0.5f * kPi * t), zGrip - 9.0f * t});
    }
    const float z0 = zGrip - 9.0f;
    grip.push_back({gripR, z0 - 1.5f});
    for (int groove = 0; groove < 2; ++groove) {
        const float zc = z0 - 4.5f - 4.5f * static_cast<float>(groove);
        grip.push_back({gripR, zc + 1.0f});
        grip.push_back({gripR - 0.5f, zc + 0.4f});
        grip.push_back({gripR - 0.5f, zc - 0.4f});
        grip.push_back({gripR, zc - 1.0f});
    }
    for (int k = 0; k <= 4; ++k) {
        const float t = 0.5f * kPi * static_cast<float>(k) / 4.0f;
        grip.push_back({gripR - 2.0f + 2.0f * std::cos(t), zBack + 2.0f - 2.0f * std::sin(t)});
    }
    grip.back().crease = true;
    grip.push_back({innerR + 1.6f, zBack, true});
    grip.push_back({innerR, zTubeEnd - 0.5f, true});
    grip.push_back({innerR, zTubeEnd, true});
    grip.push_back({outerR, zTubeEnd, true});
    out.add("grip", lathe(grip, 48, true), PartMaterial::HandlePlastic);

    MeshData marks;
    for (float d = dims::kDepthMarkSpacingMm; d < dims::kWorkingCannulaLengthMm - 5.0f; d += dims::kDepthMarkSpacingMm)
        appendMesh(marks, bandRing(outerR, -d, std::fmod(d, 50.0f) == 0.0f ? 1.0f : 0.5f, 40));
    out.add("depth_marks", std::move(marks), PartMaterial::HandleAccent);
    return out;
}

PartsMm buildDrillMm(const InstrumentParams&) {
    const float r = 0.5f * dims::kDrillDiameterMm;
    const float pointLen = r / std::tan(0.5f * dims::kDrillPointAngleDeg * kDeg);
    const float fluteEnd = -pointLen - dims::kDrillFluteLengthMm;
    const float zHandle = -(dims::kWorkingCannulaLengthMm + dims::kWorkingCannulaGripLengthMm + dims::kDrillReachMm);
    PartsMm out;

    // Two helical flutes on a pointed tip; the flutes run out smoothly into the round shaft.
    auto drillRadius = [&](float theta, float z) {
        const float depth = 0.42f * std::clamp((z - fluteEnd) / 2.5f, 0.0f, 1.0f);
        const float phase = theta - 2.0f * kPi * -z / dims::kDrillFlutePitchMm;
        const float groove = std::max(0.0f, std::cos(2.0f * phase));
        const float cone = std::min(1.0f, -z / pointLen);
        return r * cone * (1.0f - depth * groove * groove);
    };
    std::vector<float> rows;
    for (int k = 0; k <= 8; ++k) rows.push_back(-pointLen * static_cast<float>(k) / 8.0f);
    const int fluteRows = 60;
    for (int k = 1; k <= fluteRows; ++k) rows.push_back(-pointLen + (fluteEnd + pointLen) * static_cast<float>(k) / fluteRows);
    rows.push_back(fluteEnd - 0.5f);
    rows.push_back(zHandle - 20.0f);
    out.add("bit", radialSolid(rows, 48, drillRadius), PartMaterial::Steel);

    // Screwdriver-like handle with six scallops.
    const float handleR = 0.5f * dims::kDrillHandleDiameterMm, handleLen = dims::kDrillHandleLengthMm;
    const std::vector<std::pair<float, float>> radius = {
        {zHandle, 3.0f},
        {zHandle - 2.0f, 4.2f},
        {zHandle - 9.0f, handleR},
        {zHandle - handleLen + 6.0f, handleR},
        {zHandle - handleLen + 2.0f, handleR - 2.0f},
        {zHandle - handleLen + 0.6f, handleR - 5.0f},
        {zHandle - handleLen, 0.0f}};
    auto handleRadius = [&](float theta, float z) {
        const float base = lookup(radius, z);
        const float scallop = std::pow(0.5f + 0.5f * std::cos(6.0f * theta), 2.0f);
        const float fade = std::clamp(std::min(zHandle - 9.0f - z, z - (zHandle - handleLen + 3.0f)) / 3.0f, 0.0f, 1.0f);
        return base - 1.3f * scallop * fade;
    };
    std::vector<float> handleRows = {zHandle, zHandle - 1.0f, zHandle - 2.0f, zHandle - 4.0f, zHandle - 6.0f, zHandle - 7.5f};
    for (float z = zHandle - 9.0f; z > zHandle - handleLen + 2.5f; z -= 2.0f) handleRows.push_back(z);
    handleRows.insert(handleRows.end(), {zHandle - handleLen + 2.0f, zHandle - handleLen + 1.2f, zHandle - handleLen + 0.6f,
                                         zHandle - handleLen + 0.2f, zHandle - handleLen});
    out.add("handle", radialSolid(handleRows, 60, handleRadius), PartMaterial::HandlePlastic);
    return out;
}

PartsMm buildBoneFillerMm(const InstrumentParams& params) {
    const float outerR = 0.5f * dims::kBoneFillerOuterMm, innerR = 0.5f * dims::kBoneFillerInnerMm;
    const float zTubeEnd = -dims::kBoneFillerLengthMm, zCollarBack = zTubeEnd - 3.0f;
    const float capacity = -zCollarBack - 4.0f; // cement column length when full
    const float fill = std::clamp(params.cementFill, 0.0f, 1.0f);
    PartsMm out;
    out.add("tube", cannulaTube(innerR, outerR, 0.0f, zTubeEnd, 0.0f, 32), PartMaterial::ClearPlastic);

    // Hub: a collar around the tube's end with two finger wings.
    const Profile collar = {{outerR, zTubeEnd + 6.0f, true}, {outerR + 0.8f, zTubeEnd + 6.0f, true},
                            {4.5f, zTubeEnd + 3.0f},          {5.0f, zTubeEnd + 2.0f},
                            {5.0f, zTubeEnd - 2.0f},          {4.2f, zCollarBack, true},
                            {innerR, zCollarBack, true},      {innerR, zTubeEnd, true},
                            {outerR, zTubeEnd, true}};
    MeshData hub = lathe(collar, 40, true);
    const MeshData wing = roundedBox(glm::vec3(3.5f, 1.6f, 0.6f), 1.2f, 3);
    appendMesh(hub, moved(wing, glm::translate(glm::mat4(1.0f), glm::vec3(8.0f, 0.0f, zTubeEnd - 0.5f))));
    appendMesh(hub, moved(wing, glm::translate(glm::mat4(1.0f), glm::vec3(-8.0f, 0.0f, zTubeEnd - 0.5f))));
    out.add("hub", std::move(hub), PartMaterial::HandlePlastic);

    const float cementLen = fill * capacity;
    if (cementLen > 0.05f) {
        out.add("cement", lathe({{0.0f, 0.0f}, {innerR - 0.01f, 0.0f, true}, {innerR - 0.01f, -cementLen, true}, {0.0f, -cementLen}}, 32),
                PartMaterial::Cement);
    }
    // Plunger: a stylet pushed down the tube behind the cement, with a thumb cap.
    const float zPlunger = -cementLen - 0.05f, rodLen = capacity + 14.0f, zRodBack = zPlunger - rodLen;
    out.add("plunger",
            lathe({{0.0f, zPlunger}, {innerR - 0.05f, zPlunger, true}, {innerR - 0.05f, zRodBack, true}, {0.0f, zRodBack}}, 24),
            PartMaterial::Steel);
    Profile cap = {{0.0f, zRodBack + 1.0f}, {6.0f, zRodBack + 1.0f, true}, {6.0f, zRodBack - 2.5f}};
    for (int k = 1; k <= 5; ++k) {
        const float t = 0.5f * kPi * static_cast<float>(k) / 5.0f;
        cap.push_back({4.0f + 2.0f * std::cos(t), zRodBack - 2.5f - 1.5f * std::sin(t)});
    }
    cap.back().crease = true;
    cap.push_back({0.0f, zRodBack - 4.0f});
    out.add("plunger_cap", lathe(cap, 40), PartMaterial::HandleAccent);
    return out;
}

} // namespace spineviz::instruments
