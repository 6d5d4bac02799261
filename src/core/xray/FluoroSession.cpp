#include "core/xray/FluoroSession.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace spineviz::xray {
namespace {

bool sameMatrix(const glm::mat4& a, const glm::mat4& b) { return std::memcmp(&a, &b, sizeof a) == 0; }

} // namespace

std::string formatFluoroTime(double seconds) {
    const long total = static_cast<long>(std::floor(std::max(seconds, 0.0)));
    char text[32];
    if (total >= 3600) std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, (total / 60) % 60, total % 60);
    else std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    return text;
}

std::optional<FluoroChoice> parseFluoroChoice(const std::string& text) {
    if (text == "off") return FluoroChoice::Off;
    if (text == "ap") return FluoroChoice::Ap;
    if (text == "lateral") return FluoroChoice::Lateral;
    if (text == "both") return FluoroChoice::Both;
    if (text == "owl-left") return FluoroChoice::OwlsEyeLeft;
    if (text == "owl-right") return FluoroChoice::OwlsEyeRight;
    return std::nullopt;
}

const char* fluoroChoiceNames() { return "ap|lateral|both|off|owl-left|owl-right"; }

FluoroSession::FluoroSession() {
    views_[0].preset = CArmPreset::TrueAp;
    views_[1].preset = CArmPreset::TrueLateral;
    for (FluoroViewState& v : views_) aim(v);
}

void FluoroSession::choose(FluoroChoice choice) {
    open_ = choice != FluoroChoice::Off;
    views_[0].shown = choice != FluoroChoice::Lateral;
    views_[1].shown = choice == FluoroChoice::Lateral || choice == FluoroChoice::Both;
    if (choice == FluoroChoice::OwlsEyeLeft) setPreset(0, CArmPreset::OwlsEyeLeft);
    if (choice == FluoroChoice::OwlsEyeRight) setPreset(0, CArmPreset::OwlsEyeRight);
}

void FluoroSession::aim(FluoroViewState& v) const {
    if (v.preset != CArmPreset::Custom) v.pose = presetPose(v.preset, anatomy_, fallbackCentre_);
}

void FluoroSession::setAnatomy(const XrayAnatomy& anatomy, const glm::vec3& fallbackCentre) {
    const bool changed = anatomy.valid != anatomy_.valid || !sameMatrix(anatomy.anatomicalToWorld, anatomy_.anatomicalToWorld) ||
                         std::memcmp(anatomy.pedicleAxis, anatomy_.pedicleAxis, sizeof anatomy.pedicleAxis) != 0 ||
                         fallbackCentre != fallbackCentre_;
    if (!changed) return;
    anatomy_ = anatomy;
    fallbackCentre_ = fallbackCentre;
    for (FluoroViewState& v : views_) {
        if (v.preset == CArmPreset::Custom) {
            // Keep the angles, follow the vertebra.
            v.pose.isocentre = presetPose(CArmPreset::TrueAp, anatomy_, fallbackCentre_).isocentre;
        }
        aim(v);
    }
}

void FluoroSession::setPreset(int i, CArmPreset preset) {
    FluoroViewState& v = views_[static_cast<std::size_t>(i)];
    v.preset = preset;
    aim(v);
}

void FluoroSession::setAngles(int i, float orbital, float angular) {
    FluoroViewState& v = views_[static_cast<std::size_t>(i)];
    v.preset = CArmPreset::Custom;
    v.pose.orbital = orbital;
    v.pose.angular = angular;
}

bool FluoroSession::anyLive() const {
    for (const FluoroViewState& v : views_)
        if (v.shown && v.live) return true;
    return false;
}

void FluoroSession::setAllLive(bool live) {
    for (FluoroViewState& v : views_) v.live = live;
}

void FluoroSession::takeShot(int i) {
    FluoroViewState& v = views_[static_cast<std::size_t>(i)];
    if (!open_ || !v.shown) return;
    v.shotPending = true;
    ++exposure_.shots;
}

void FluoroSession::takeShotAll() {
    for (int i = 0; i < kFluoroViews; ++i) takeShot(i);
}

void FluoroSession::advance(double seconds) {
    if (!open_ || seconds <= 0.0) return;
    for (const FluoroViewState& v : views_)
        if (v.shown && v.live) exposure_.fluoroSeconds += seconds;
}

bool FluoroSession::needsImage(int i) const {
    const FluoroViewState& v = view(i);
    return open_ && v.shown && (v.live || v.shotPending);
}

void FluoroSession::imageAcquired(int i) {
    FluoroViewState& v = views_[static_cast<std::size_t>(i)];
    v.shotPending = false;
    v.hasImage = true;
    ++v.imagesTaken;
}

} // namespace spineviz::xray
