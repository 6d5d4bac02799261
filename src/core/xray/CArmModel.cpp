#include "core/xray/CArmModel.h"

#include "core/instruments/MeshBuilder.h"

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>
#include <vector>

namespace spineviz::xray {

namespace ib = instruments;

CArmMeshes buildCArmMeshes(const CArmGeometry& g) {
    // Estimates for a generic mobile C-arm, metres.
    constexpr float kTubeHalfWidth = 0.12f, kTubeHalfHeight = 0.10f, kTubeHalfDepth = 0.11f, kRounding = 0.02f;
    constexpr float kCollimatorLength = 0.08f, kCollimatorRadius = 0.07f;
    constexpr float kIntensifierRadius = 0.16f, kIntensifierBackRadius = 0.12f, kIntensifierLength = 0.34f;
    constexpr float kArcRadius = 0.045f; // the C's section
    constexpr int kSegments = 48;

    const float sourceZ = g.sourceToIsocentre;                  // focal spot
    const float detectorZ = g.sourceToIsocentre - g.sourceToDetector; // input field (negative)
    CArmMeshes out;

    // Tube: a rounded housing whose lower face sits just past the focal spot, and the collimator
    // box below it pointing at the patient.
    const float housingCentre = sourceZ + kTubeHalfDepth - kCollimatorLength * 0.25f;
    out.tube = ib::roundedBox(glm::vec3(kTubeHalfWidth, kTubeHalfHeight, kTubeHalfDepth), kRounding, 3);
    ib::transformMesh(out.tube, glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.0f, housingCentre)));
    const float collimatorTop = housingCentre - kTubeHalfDepth - kRounding + 0.005f;
    ib::appendMesh(out.tube, ib::lathe({{0.0f, collimatorTop - kCollimatorLength}, {kCollimatorRadius * 0.8f, collimatorTop - kCollimatorLength, true},
                                        {kCollimatorRadius, collimatorTop, true}, {0.0f, collimatorTop}},
                                       kSegments));

    // Image intensifier: its input face is the detector plane; the tube tapers behind it.
    out.detector = ib::lathe({{0.0f, detectorZ}, {kIntensifierRadius, detectorZ, true}, {kIntensifierRadius, detectorZ - 0.08f},
                              {kIntensifierBackRadius, detectorZ - kIntensifierLength, true}, {0.0f, detectorZ - kIntensifierLength}},
                             kSegments);

    // The C: a half circle in the arm's x-z plane from behind the tube to behind the intensifier,
    // bowing out to the image's left (where the C-arm's stand is).
    const float zTop = housingCentre + kTubeHalfDepth + kRounding + kArcRadius;
    const float zBottom = detectorZ - kIntensifierLength - kArcRadius;
    const float radius = 0.5f * (zTop - zBottom), zMid = 0.5f * (zTop + zBottom);
    std::vector<glm::vec3> path;
    constexpr int kArcSteps = 40;
    for (int i = 0; i <= kArcSteps; ++i) {
        const float a = 3.14159265f * static_cast<float>(i) / kArcSteps;
        path.emplace_back(-radius * std::sin(a), 0.0f, zMid + radius * std::cos(a));
    }
    out.arc = ib::sweptTube(path, kArcRadius, 16);
    // Short struts from the C's ends into the housings.
    ib::appendMesh(out.arc, ib::sweptTube({{0.0f, 0.0f, zTop}, {0.0f, 0.0f, zTop - kArcRadius - 0.02f}}, kArcRadius * 0.8f, 16));
    ib::appendMesh(out.arc, ib::sweptTube({{0.0f, 0.0f, zBottom}, {0.0f, 0.0f, zBottom + kArcRadius + 0.02f}}, kArcRadius * 0.8f, 16));

    // The primary beam, drawn as lines (cheap to draw over a large part of the screen): the
    // central ray and eight rays to the rim of the detector's round field.
    constexpr float kRayRadius = 0.003f;
    constexpr int kRimRays = 8;
    out.centralRay = ib::sweptTube({{0.0f, 0.0f, sourceZ}, {0.0f, 0.0f, detectorZ}}, kRayRadius, 8);
    for (int i = 0; i < kRimRays; ++i) {
        const float a = 6.2831853f * static_cast<float>(i) / kRimRays;
        const glm::vec3 rim(0.5f * g.detectorDiameter * std::cos(a), 0.5f * g.detectorDiameter * std::sin(a), detectorZ);
        ib::appendMesh(out.rimRays, ib::sweptTube({{0.0f, 0.0f, sourceZ}, rim}, kRayRadius * 0.6f, 6));
    }
    return out;
}

} // namespace spineviz::xray
