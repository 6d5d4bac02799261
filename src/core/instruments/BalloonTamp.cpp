// The inflatable bone tamp: a dual-lumen catheter with a balloon near its tip, radiopaque marker
// bands at both balloon ends, an exit marker, a size band and a Y-adapter (straight stylet port with
// a cap, side inflation port) [ifu in InstrumentDimensions.h]. Millimetres, tip at the origin.

#include "core/instruments/Builders.h"
#include "core/instruments/InstrumentDimensions.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz::instruments {
namespace dims = instrument_dims;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kBalloonSegments = 40;
constexpr int kBalloonRows = 48;
constexpr float kGap = 0.02f; // clearance between touching parts, so no faces coincide

struct TampRadii {
    float innerShaft = 0.5f * dims::kTampInnerShaftDiameterMm;
    float marker = 0.5f * dims::kMarkerBandDiameterMm;
    float catheter = 0.5f * dims::kTampCatheterDiameterMm;
    float catheterBore = 0.5f * dims::kTampCatheterDiameterMm - 0.4f; // estimate: 0.4 mm wall
};

// The balloon stretches in length as it fills, but far less than in girth (a length-limited
// balloon): at its rated volume it is this much longer than its nominal, folded length (model,
// chosen so a 15 mm balloon at 2 mL is ~1.4 times longer than wide, as its size and volume imply).
constexpr double kLengthGrowth = 0.35;
// However full, the balloon stays at least this much longer than wide (model).
constexpr double kMinAspect = 1.1;
// The distal end may reach this close to the catheter's tip (mm); the rest of the growth goes back.
constexpr float kDistalClearance = 0.8f;

// The inner boundary of the balloon (around the inner shaft, stepping out over the marker bands at
// the folded balloon's ends, zMarkA and zMarkB), from the distal end zB back to the proximal end zA.
std::vector<std::pair<float, float>> innerProfile(float zA, float zB, float zMarkA, float zMarkB, const TampRadii& r) {
    const float shaft = r.innerShaft + kGap, overMarker = r.marker + kGap;
    const float inset = dims::kMarkerInsetMm, w = dims::kMarkerBandLengthMm;
    return {{shaft, zB},
            {shaft, zMarkB - inset + kGap},
            {overMarker, zMarkB - inset + kGap},
            {overMarker, zMarkB - inset - w - kGap},
            {shaft, zMarkB - inset - w - kGap},
            {shaft, zMarkA + inset + w + kGap},
            {overMarker, zMarkA + inset + w + kGap},
            {overMarker, zMarkA + inset - kGap},
            {shaft, zMarkA + inset - kGap},
            {shaft, zA}};
}

} // namespace

BalloonMm buildBalloonMm(const InstrumentParams& params, bool withMesh) {
    const TampRadii radii;
    const double length = std::clamp(static_cast<double>(params.balloonNominalLengthMm), 5.0, 40.0);
    const double maxVolume = 1000.0 * std::max(0.5, static_cast<double>(params.balloonMaxVolumeMl));
    const double requested = std::clamp(1000.0 * static_cast<double>(params.balloonVolumeMl), 0.0, maxVolume);
    const double fraction = requested / maxVolume;
    // Shape family: r(u) = a(u) (1 - s(u)) + R s(u), u in [-1, 1] from the proximal to the distal neck,
    // s a superellipse: a sleeve with short tapers when folded, a rounded elongated balloon when full.
    // a(u) runs from the proximal neck (bonded over the catheter) to the distal neck (over the inner
    // shaft). The radius R is solved so the enclosed volume is exact (for this very mesh).
    const double exponent = std::max(2.2, 5.2 - 3.6 * std::sqrt(fraction));
    const double neckP = static_cast<double>(radii.catheter) + 0.06, neckD = static_cast<double>(radii.marker) + 0.15;
    // Folded wings: three lobes pressed inward between them (so the profile stays 2R), fading as
    // the balloon unfolds.
    const double fold = 0.18 * std::pow(1.0 - fraction, 3.0);
    const int n = kBalloonSegments, m = kBalloonRows;
    // Area of the outer cross-section per unit r^2: an n-gon whose vertex radii carry the fold ripple.
    std::vector<double> ripple(static_cast<std::size_t>(n));
    for (int j = 0; j < n; ++j) ripple[static_cast<std::size_t>(j)] = 1.0 - 0.5 * fold * (1.0 - std::cos(3.0 * 2.0 * kPi * j / n));
    double areaFactor = 0.0;
    for (int j = 0; j < n; ++j)
        areaFactor += ripple[static_cast<std::size_t>(j)] * ripple[static_cast<std::size_t>((j + 1) % n)];
    areaFactor *= 0.5 * std::sin(2.0 * kPi / n);
    const double circleFactor = 0.5 * n * std::sin(2.0 * kPi / n);

    // Folded, the balloon spans its nominal length between the marker bands; filling, it grows a
    // little in length (forward up to near the tip, the rest backward) and much more in girth. A
    // short balloon asked for much volume lengthens further rather than turn wider than long.
    const float zMarkB = -dims::kBalloonDistalTipMm, zMarkA = zMarkB - static_cast<float>(length);
    const float base = static_cast<float>(kLengthGrowth * length * fraction);
    float growth = base;
    float zA = zMarkA, zB = zMarkB;
    std::vector<double> z(m + 1), p(m + 1), q(m + 1);
    std::vector<std::pair<float, float>> inner;
    double envelope = 0.0, radius = 0.0, maxR = 0.0;
    for (int pass = 0; pass < 24; ++pass) {
        const float forward = std::min(0.5f * growth, dims::kBalloonDistalTipMm - kDistalClearance);
        zB = zMarkB + forward;
        zA = zMarkA - (growth - forward);
        const double span = static_cast<double>(zB - zA);
        for (int i = 0; i <= m; ++i) {
            const double u = -std::cos(kPi * i / m);
            const double sv = std::pow(std::max(0.0, 1.0 - std::pow(std::abs(u), exponent)), 1.0 / exponent);
            const double av = neckP + (neckD - neckP) * 0.5 * (u + 1.0);
            z[static_cast<std::size_t>(i)] = static_cast<double>(zA) + 0.5 * (u + 1.0) * span;
            p[static_cast<std::size_t>(i)] = av * (1.0 - sv);
            q[static_cast<std::size_t>(i)] = sv;
        }
        z.front() = static_cast<double>(zA);
        z.back() = static_cast<double>(zB);

        // Frustum volumes between similar polygons: V = k h (r0^2 + r0 r1 + r1^2) / 3, quadratic in R.
        double qa = 0.0, qb = 0.0, qc = 0.0;
        for (std::size_t i = 0; i + 1 < z.size(); ++i) {
            const double h = z[i + 1] - z[i];
            const double p0 = p[i], p1 = p[i + 1], q0 = q[i], q1 = q[i + 1];
            qa += h * (q0 * q0 + q0 * q1 + q1 * q1) / 3.0;
            qb += h * (2.0 * p0 * q0 + p0 * q1 + q0 * p1 + 2.0 * p1 * q1) / 3.0;
            qc += h * (p0 * p0 + p0 * p1 + p1 * p1) / 3.0;
        }
        qa *= areaFactor;
        qb *= areaFactor;
        qc *= areaFactor;
        inner = innerProfile(zA, zB, zMarkA, zMarkB, radii);
        double innerVolume = 0.0; // the inner boundary is made of cylinders
        for (std::size_t i = 0; i + 1 < inner.size(); ++i)
            if (inner[i].first == inner[i + 1].first)
                innerVolume += circleFactor * static_cast<double>(inner[i].first * inner[i].first) * static_cast<double>(inner[i].second - inner[i + 1].second);
        auto outerVolume = [&](double r) { return qa * r * r + qb * r + qc; };
        const double folded = outerVolume(0.5 * static_cast<double>(dims::kBalloonFoldedProfileMm)) - innerVolume;
        // The envelope cannot be smaller than the folded balloon: a smooth maximum.
        envelope = std::pow(std::pow(requested, 4.0) + std::pow(folded, 4.0), 0.25);
        const double c = qc - (envelope + innerVolume);
        radius = (-qb + std::sqrt(qb * qb - 4.0 * qa * c)) / (2.0 * qa);
        maxR = 0.0;
        for (std::size_t i = 0; i < z.size(); ++i) maxR = std::max(maxR, p[i] + radius * q[i]);
        // Settle the length where the aspect floor just holds (a fixed point: more length, less girth).
        const float next = std::max(base, static_cast<float>(kMinAspect * 2.0 * maxR - length));
        if (std::abs(next - growth) < 0.01f) break;
        growth = 0.5f * (growth + next);
    }

    BalloonMm balloon;
    balloon.proximalZ = zA;
    balloon.distalZ = zB;
    balloon.markerProximalZ = zMarkA;
    balloon.markerDistalZ = zMarkB;
    balloon.exponent = exponent;
    balloon.envelopeVolume = envelope;
    balloon.requestedVolume = requested;
    balloon.maxRadius = static_cast<float>(maxR);
    if (!withMesh) return balloon;

    Loft loft;
    loft.closed = true;
    const Ring circle = circleRing(1.0f, 0.0f, n);
    for (std::size_t i = 0; i < z.size(); ++i) {
        const float r = static_cast<float>(p[i] + radius * q[i]);
        Ring ring(static_cast<std::size_t>(n));
        for (std::size_t j = 0; j < ring.size(); ++j) {
            const float rj = r * static_cast<float>(ripple[j]);
            ring[j] = glm::vec3(rj * circle[j].x, rj * circle[j].y, static_cast<float>(z[i]));
        }
        loft.add(std::move(ring), i == 0 || i + 1 == z.size());
    }
    for (const auto& [r, zz] : inner) loft.add(circleRing(r, zz, n), true);
    appendLoft(balloon.mesh, loft);
    return balloon;
}

PartsMm buildBalloonTampMm(const InstrumentParams& params) {
    const TampRadii radii;
    BalloonMm balloon = buildBalloonMm(params, true);
    const float zA = balloon.proximalZ, zMarkA = balloon.markerProximalZ, zMarkB = balloon.markerDistalZ;
    const float zY = zA - dims::kTampShaftLengthMm; // front of the Y-adapter
    PartsMm out;

    // Inner shaft (central lumen) with a rounded, atraumatic tip at the origin.
    const float rs = radii.innerShaft;
    Profile shaft = {{0.0f, 0.0f}};
    for (int k = 1; k <= 5; ++k) {
        const float t = static_cast<float>(0.5 * kPi * k / 5.0);
        shaft.push_back({rs * std::sin(t), -rs + rs * std::cos(t)});
    }
    shaft.push_back({rs, zY - 20.0f, true});
    shaft.push_back({0.0f, zY - 20.0f});
    out.add("inner_shaft", lathe(shaft, 20), PartMaterial::Tubing);

    out.add("balloon", std::move(balloon.mesh), PartMaterial::Balloon);

    const float inset = dims::kMarkerInsetMm, w = dims::kMarkerBandLengthMm;
    out.add("marker_distal", tube(rs, radii.marker, zMarkB - inset, zMarkB - inset - w, 24), PartMaterial::RadiopaqueMarker);
    out.add("marker_proximal", tube(rs, radii.marker, zMarkA + inset + w, zMarkA + inset, 24), PartMaterial::RadiopaqueMarker);

    // Outer shaft (inflation lumen around the inner shaft), ending just behind the balloon's neck.
    out.add("catheter", tube(radii.catheterBore, radii.catheter, zA - kGap, zY - 4.0f, 28), PartMaterial::Tubing);
    // Exit marker: lines up with the cannula's back end when the balloon has just left its tip.
    const float exitZ = zMarkA - (dims::kWorkingCannulaLengthMm + dims::kWorkingCannulaGripLengthMm);
    MeshData bands = tube(radii.catheter, radii.catheter + 0.04f, exitZ + 0.75f, exitZ - 0.75f, 28);
    out.add("exit_marker", std::move(bands), PartMaterial::HandleAccent);
    // Size band just distal to the Y-adapter (yellow 10, black 15, clear/white 20 [ifu]).
    out.add("size_band", tube(radii.catheter, radii.catheter + 0.25f, zY + 8.0f, zY + 3.0f, 28), PartMaterial::HandleAccent);

    // Y-adapter: body, straight stylet port at the back, side inflation port up and back at 30 deg.
    Profile body = {{0.0f, zY}, {1.9f, zY, true}, {2.6f, zY - 2.0f}, {3.8f, zY - 5.0f}, {4.5f, zY - 7.5f}, {4.5f, zY - 26.5f},
                    {4.2f, zY - 28.0f}, {3.2f, zY - 29.0f, true}, {3.2f, zY - 36.0f, true}, {0.0f, zY - 36.0f}};
    MeshData adapter = lathe(body, 40);
    const Profile arm = {{0.0f, 0.0f}, {2.4f, 0.0f, true}, {2.4f, -19.0f, true}, {3.4f, -19.5f}, {3.4f, -26.0f, true},
                         {2.6f, -27.0f, true}, {0.0f, -27.0f}};
    const glm::mat4 armFrame = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.0f, zY - 12.0f)) *
                               glm::rotate(glm::mat4(1.0f), static_cast<float>(kPi / 6.0), glm::vec3(1.0f, 0.0f, 0.0f));
    appendMesh(adapter, moved(lathe(arm, 32), armFrame));
    out.add("y_adapter", std::move(adapter), PartMaterial::HandlePlastic);
    out.attachFrame = glm::translate(armFrame, glm::vec3(0.0f, 0.0f, -27.0f));

    // The stiffening stylet's cap on the straight port.
    Profile cap = {{0.0f, zY - 35.5f}, {4.0f, zY - 35.5f, true}, {4.0f, zY - 42.5f}, {3.6f, zY - 43.6f}, {2.6f, zY - 44.0f, true},
                   {0.0f, zY - 44.0f}};
    out.add("stylet_cap", lathe(cap, 32), PartMaterial::HandleAccent);
    return out;
}

} // namespace spineviz::instruments
