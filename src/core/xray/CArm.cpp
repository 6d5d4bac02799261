#include "core/xray/CArm.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace spineviz::xray {

glm::vec3 beamDirection(float orbital, float angular) {
    // R_x(angular) * R_y(orbital) * (0, 0, -1): the angular rotation carries the C (and the axis
    // of its orbital rotation) with it.
    return {-std::sin(orbital), std::cos(orbital) * std::sin(angular), -std::cos(orbital) * std::cos(angular)};
}

void anglesFor(const glm::vec3& beam, float& orbital, float& angular) {
    const glm::vec3 b = glm::normalize(beam);
    orbital = std::asin(std::clamp(-b.x, -1.0f, 1.0f));
    // At a pure lateral the angular rotation only rolls the image: keep it level.
    angular = std::cos(orbital) > 1e-4f ? std::atan2(b.y, -b.z) : 0.0f;
}

CArmView viewOf(const CArmPose& pose, const CArmGeometry& geometry) {
    CArmView v;
    v.beam = beamDirection(pose.orbital, pose.angular);
    v.up = glm::vec3(0.0f, std::cos(pose.angular), std::sin(pose.angular));
    v.right = glm::normalize(glm::cross(v.beam, v.up));
    v.sourceToDetector = geometry.sourceToDetector;
    v.sourceToIsocentre = geometry.sourceToIsocentre;
    v.fieldRadius = 0.5f * geometry.detectorDiameter;
    v.source = pose.isocentre - v.beam * geometry.sourceToIsocentre;
    v.detectorCentre = v.source + v.beam * geometry.sourceToDetector;
    v.view = glm::lookAt(v.source, v.source + v.beam, v.up);
    const float half = CArmView::kNear * v.fieldRadius / v.sourceToDetector;
    v.projection = glm::frustum(-half, half, -half, half, CArmView::kNear, CArmView::kFar);
    return v;
}

std::optional<glm::vec2> CArmView::project(const glm::vec3& world) const {
    const glm::vec3 d = world - source;
    const float along = glm::dot(d, beam);
    if (along <= 1e-6f) return std::nullopt;
    const glm::vec3 onDetector = d * (sourceToDetector / along);
    return glm::vec2(glm::dot(onDetector, right), glm::dot(onDetector, up));
}

glm::vec3 CArmView::rayTo(const glm::vec2& image) const {
    const glm::vec3 point = detectorCentre + right * (image.x * fieldRadius) + up * (image.y * fieldRadius);
    return glm::normalize(point - source);
}

glm::mat4 CArmView::armFrame(const glm::vec3& isocentre) const {
    return glm::mat4(glm::vec4(right, 0.0f), glm::vec4(up, 0.0f), glm::vec4(-beam, 0.0f), glm::vec4(isocentre, 1.0f));
}

XrayAnatomy xrayAnatomyFrom(const glm::mat4& anatomicalToWorld, const VertebraLandmarks& landmarks) {
    XrayAnatomy a;
    a.valid = true;
    a.anatomicalToWorld = anatomicalToWorld;
    const glm::mat4 toAnatomical = landmarks.localToAnatomical();
    for (int side = 0; side < 2; ++side) {
        a.pedicleEntry[side] = glm::vec3(toAnatomical * glm::vec4(landmarks.pedicles[side].entry, 1.0f));
        a.pedicleAxis[side] = glm::normalize(glm::vec3(toAnatomical * glm::vec4(landmarks.pedicles[side].axis, 0.0f)));
    }
    return a;
}

const char* carmPresetName(CArmPreset preset) {
    switch (preset) {
    case CArmPreset::TrueAp: return "True AP";
    case CArmPreset::TrueLateral: return "True lateral";
    case CArmPreset::OwlsEyeLeft: return "Owl's eye, left pedicle";
    case CArmPreset::OwlsEyeRight: return "Owl's eye, right pedicle";
    case CArmPreset::Custom: return "Custom";
    }
    return "?";
}

const char* carmPresetKey(CArmPreset preset) {
    switch (preset) {
    case CArmPreset::TrueAp: return "ap";
    case CArmPreset::TrueLateral: return "lateral";
    case CArmPreset::OwlsEyeLeft: return "owl-left";
    case CArmPreset::OwlsEyeRight: return "owl-right";
    case CArmPreset::Custom: return "custom";
    }
    return "?";
}

std::optional<CArmPreset> parseCArmPreset(const char* key) {
    for (CArmPreset p : {CArmPreset::TrueAp, CArmPreset::TrueLateral, CArmPreset::OwlsEyeLeft, CArmPreset::OwlsEyeRight, CArmPreset::Custom})
        if (std::strcmp(key, carmPresetKey(p)) == 0) return p;
    return std::nullopt;
}

CArmPose presetPose(CArmPreset preset, const XrayAnatomy& anatomy, const glm::vec3& fallbackCentre) {
    CArmPose pose;
    if (!anatomy.valid) {
        pose.isocentre = fallbackCentre;
        pose.orbital = preset == CArmPreset::TrueLateral ? 1.5707963f : 0.0f;
        return pose;
    }
    const glm::mat4& toWorld = anatomy.anatomicalToWorld;
    const auto worldDir = [&](const glm::vec3& d) { return glm::normalize(glm::vec3(toWorld * glm::vec4(d, 0.0f))); };
    const auto worldPoint = [&](const glm::vec3& p) { return glm::vec3(toWorld * glm::vec4(p, 1.0f)); };
    glm::vec3 beam(0.0f, 0.0f, -1.0f);
    pose.isocentre = worldPoint(glm::vec3(0.0f));
    switch (preset) {
    case CArmPreset::TrueAp:
    case CArmPreset::Custom: beam = worldDir({0.0f, 0.0f, -1.0f}); break;   // anterior -> posterior
    case CArmPreset::TrueLateral: beam = worldDir({-1.0f, 0.0f, 0.0f}); break; // the left side -> the right
    case CArmPreset::OwlsEyeLeft:
    case CArmPreset::OwlsEyeRight: {
        const int side = preset == CArmPreset::OwlsEyeLeft ? 0 : 1;
        const glm::vec3 entry = anatomy.pedicleEntry[side], axis = glm::normalize(anatomy.pedicleAxis[side]);
        // The point of the pedicle's axis line nearest the body centre: the central ray runs down
        // the axis, and the body stays near the middle of the image.
        pose.isocentre = worldPoint(entry + axis * glm::dot(-entry, axis));
        beam = -worldDir(axis);
        break;
    }
    }
    anglesFor(beam, pose.orbital, pose.angular);
    return pose;
}

namespace {

char letterFor(const glm::vec3& d) {
    const glm::vec3 a = glm::abs(d);
    if (a.x >= a.y && a.x >= a.z) return d.x > 0.0f ? 'L' : 'R';
    if (a.y >= a.z) return d.y > 0.0f ? 'H' : 'F';
    return d.z > 0.0f ? 'A' : 'P';
}

} // namespace

ImageOrientation orientationOf(const CArmView& view) {
    ImageOrientation o;
    o.right = letterFor(view.right);
    o.left = letterFor(-view.right);
    o.top = letterFor(view.up);
    o.bottom = letterFor(-view.up);
    return o;
}

} // namespace spineviz::xray
