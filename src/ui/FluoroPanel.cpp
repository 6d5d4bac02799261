#include "ui/FluoroPanel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace spineviz {
namespace {

using xray::CArmPreset;
using xray::FluoroSession;

constexpr float kDegrees = 57.2957795f;
constexpr ImGuiWindowFlags kDocked = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing;
const ImU32 kBeamAmber = IM_COL32(255, 185, 40, 255);
constexpr float kSmallestMonitorEms = 8.0f; // still shows the pedicles and the needle

float em(float n) { return ImGui::GetFontSize() * n; }

ImTextureID textureId(unsigned int texture) { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)); }

const char* viewTitle(const xray::FluoroViewState& v) {
    switch (v.preset) {
    case CArmPreset::TrueAp: return "AP";
    case CArmPreset::TrueLateral: return "Lateral";
    case CArmPreset::OwlsEyeLeft: return "Owl's eye L";
    case CArmPreset::OwlsEyeRight: return "Owl's eye R";
    case CArmPreset::Custom: break;
    }
    return "Custom";
}

// The monitor: the image, its orientation letters, the beam light, and a hint while it is blank.
void monitor(const FluoroSession& session, int i, unsigned int texture, float side) {
    const xray::FluoroViewState& v = session.view(i);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // GL textures run bottom to top.
    ImGui::Image(textureId(texture), ImVec2(side, side), ImVec2(0, 1), ImVec2(1, 0));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // The view's name in the dark corner, as monitors print it.
    draw->AddText(ImVec2(origin.x + em(0.3f), origin.y + em(0.2f)), IM_COL32(215, 215, 215, 255), viewTitle(v));
    const xray::ImageOrientation o = xray::orientationOf(session.carmView(i));
    const ImU32 letter = IM_COL32(235, 235, 235, 220);
    const float pad = em(0.35f);
    const char left[2] = {o.left, 0}, right[2] = {o.right, 0};
    draw->AddText(ImVec2(origin.x + pad, origin.y + 0.5f * side - em(0.5f)), letter, left);
    draw->AddText(ImVec2(origin.x + side - pad - ImGui::CalcTextSize(right).x, origin.y + 0.5f * side - em(0.5f)), letter, right);
    if (v.live) {
        const ImVec2 dot(origin.x + side - em(0.6f), origin.y + em(0.7f));
        draw->AddCircleFilled(dot, em(0.3f), kBeamAmber);
    }
    if (!v.hasImage) {
        const char* hint = "No image yet:\nShot (S) or Live (L)";
        const ImVec2 size = ImGui::CalcTextSize(hint);
        draw->AddText(ImVec2(origin.x + 0.5f * (side - size.x), origin.y + 0.5f * (side - size.y)), IM_COL32(200, 200, 200, 255), hint);
    }
}

// One view: the monitor, then its buttons.
void viewBlock(const FluoroPanelView& view, FluoroPanelLayout& layout, int i, float side, FluoroRequests& out) {
    const FluoroSession& s = *view.session;
    const xray::FluoroViewState& v = s.view(i);
    ImGui::PushID(i);
    monitor(s, i, view.textures[static_cast<std::size_t>(i)], side);
    if (v.live) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.62f, 0.42f, 0.08f, 1.0f));
    if (ImGui::SmallButton("Live")) out.live = std::make_pair(i, !v.live);
    if (v.live) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Live fluoroscopy: the pedal held down (beam time counts)");
    ImGui::SameLine();
    if (ImGui::SmallButton("Shot")) out.shot = i;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("One image (counts one shot)");
    ImGui::SameLine();
    if (ImGui::SmallButton(layout.enlarged == i ? "Small" : "Big")) layout.enlarged = layout.enlarged == i ? -1 : i;
    ImGui::SameLine();
    if (ImGui::SmallButton("Full")) layout.fullscreen = i;
    ImGui::PopID();
}

void carmControls(const FluoroSession& s, FluoroPanelLayout& layout, FluoroRequests& out) {
    int shownCount = 0;
    for (int i = 0; i < xray::kFluoroViews; ++i) shownCount += s.view(i).shown ? 1 : 0;
    if (!s.view(layout.controlled).shown)
        for (int i = 0; i < xray::kFluoroViews; ++i)
            if (s.view(i).shown) layout.controlled = i;
    if (shownCount > 1) {
        ImGui::TextUnformatted("C-arm of");
        for (int i = 0; i < xray::kFluoroViews; ++i) {
            ImGui::SameLine();
            ImGui::PushID(i);
            if (ImGui::RadioButton(i == 0 ? "view 1" : "view 2", layout.controlled == i)) layout.controlled = i;
            ImGui::PopID();
        }
    }
    const int c = layout.controlled;
    const xray::FluoroViewState& v = s.view(c);
    const CArmPreset presets[] = {CArmPreset::TrueAp, CArmPreset::TrueLateral, CArmPreset::OwlsEyeLeft, CArmPreset::OwlsEyeRight};
    const char* const labels[] = {"True AP", "True lateral", "Owl's eye L", "Owl's eye R"};
    const float width = 0.5f * (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x);
    for (int p = 0; p < 4; ++p) {
        if (p % 2 == 1) ImGui::SameLine();
        const bool current = v.preset == presets[p];
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.24f, 0.45f, 0.66f, 0.95f));
        if (ImGui::Button(labels[p], ImVec2(width, 0))) out.preset = std::make_pair(c, presets[p]);
        if (current) ImGui::PopStyleColor();
    }
    float orbital = v.pose.orbital * kDegrees, angular = v.pose.angular * kDegrees;
    const float slider = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("Angular").x - ImGui::GetStyle().ItemInnerSpacing.x;
    ImGui::SetNextItemWidth(slider);
    bool moved = ImGui::SliderFloat("Orbital", &orbital, -110.0f, 110.0f, "%.0f\xC2\xB0", ImGuiSliderFlags_AlwaysClamp);
    ImGui::SetNextItemWidth(slider);
    moved |= ImGui::SliderFloat("Angular", &angular, -45.0f, 45.0f, "%.0f\xC2\xB0", ImGuiSliderFlags_AlwaysClamp);
    if (moved) out.angles = FluoroRequests::Angles{c, orbital / kDegrees, angular / kDegrees};
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
        ImGui::SetTooltip("Orbital turns the beam around the body (0\xC2\xB0 AP, 90\xC2\xB0 lateral);\nangular tilts it toward the head (+) or feet (-).");

    ImGui::Separator();
    xray::XrayLook look = s.look;
    bool changed = ImGui::Checkbox("Bone dark", &look.boneDark);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("On: the fluoroscope's look (bone and metal dark).\nOff: the radiograph look (bone white).");
    bool young = look.bone == xray::BoneQuality::Young;
    ImGui::SameLine();
    if (ImGui::Checkbox("Young bone", &young)) {
        look.bone = young ? xray::BoneQuality::Young : xray::BoneQuality::Osteoporotic;
        changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Trabecular bone of a young adult (226 HU) instead of an osteoporotic one (89 HU)");
    changed |= ImGui::Checkbox("Noise", &look.noise);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Edges", &look.edgeEnhance);
    if (changed) out.look = look;
    bool magnified = s.magnified();
    if (ImGui::Checkbox("Mag (15 cm field)", &magnified)) out.magnified = magnified;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The intensifier's magnification mode: a 15 cm instead of a 23 cm input field");
    bool trueSize = s.carmTrueSize;
    if (ImGui::Checkbox("True-size C-arm", &trueSize)) out.trueSizeCArm = trueSize;
    bool shown[xray::kFluoroViews];
    bool shownChanged = false;
    for (int i = 0; i < xray::kFluoroViews; ++i) {
        shown[i] = s.view(i).shown;
        if (i > 0) ImGui::SameLine();
        ImGui::PushID(100 + i);
        shownChanged |= ImGui::Checkbox(i == 0 ? "View 1" : "View 2", &shown[i]);
        ImGui::PopID();
    }
    if (shownChanged) out.shown = std::array<bool, xray::kFluoroViews>{shown[0], shown[1]};
}

void exposureLine(const FluoroSession& s, FluoroRequests& out) {
    const xray::ExposureCounter& e = s.exposure();
    ImGui::Text("Shots %d  Fluoro %s", e.shots, xray::formatFluoroTime(e.fluoroSeconds).c_str());
    if (s.anyLive()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.73f, 0.16f, 1.0f), "X-RAY");
    }
    const bool live = s.anyLive();
    if (ImGui::SmallButton(live ? "Stop live (L)" : "Live (L)")) out.allLive = !live;
    ImGui::SameLine();
    if (ImGui::SmallButton("Shot (S)")) out.shotAll = true;
    ImGui::SameLine();
    if (ImGui::SmallButton("Reset")) out.resetExposure = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start counting shots and fluoroscopy time again");
    if (e.reminderDue()) {
        ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.3f, 1.0f), "%s of fluoroscopy", xray::formatFluoroTime(e.fluoroSeconds).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Noted")) out.acknowledgeReminder = true;
    }
}

void fullscreen(const FluoroPanelView& view, FluoroPanelLayout& layout, FluoroRequests& out) {
    const FluoroSession& s = *view.session;
    const int i = layout.fullscreen;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::SetNextWindowFocus(); // above every other panel
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 1));
    if (ImGui::Begin("##fluoro-fullscreen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
        const float bar = em(2.2f);
        const float side = std::max(em(4.0f), std::min(viewport->WorkSize.x, viewport->WorkSize.y - bar) - em(1.0f));
        ImGui::SetCursorPos(ImVec2(0.5f * (viewport->WorkSize.x - side), bar));
        monitor(s, i, view.textures[static_cast<std::size_t>(i)], side);
        ImGui::SetCursorPos(ImVec2(em(0.8f), em(0.5f)));
        if (ImGui::Button("Back (Esc)")) layout.fullscreen = -1;
        ImGui::SameLine();
        ImGui::TextUnformatted(viewTitle(s.view(i)));
        ImGui::SameLine();
        bool live = s.view(i).live;
        if (ImGui::Checkbox("Live (L)", &live)) out.live = std::make_pair(i, live);
        ImGui::SameLine();
        if (ImGui::Button("Shot (S)")) out.shot = i;
        ImGui::SameLine();
        const xray::ExposureCounter& e = s.exposure();
        ImGui::Text("Shots %d   Fluoro %s", e.shots, xray::formatFluoroTime(e.fluoroSeconds).c_str());
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

} // namespace

FluoroRequests drawFluoroPanel(const FluoroPanelView& view, FluoroPanelLayout& layout, UiInsets* insets) {
    FluoroRequests out;
    const FluoroSession& s = *view.session;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = em(0.8f);
    if (!s.open()) {
        // Under the measurements, clear of the caption at the bottom.
        const float below = insets && insets->rightColumnTop > 0.0f ? insets->rightColumnTop + margin : margin;
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - margin, viewport->WorkPos.y + below),
                                ImGuiCond_Always, ImVec2(1.0f, 0.0f));
        layout.minimumHeight = ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().WindowPadding.y;
        if (ImGui::Begin("##fluoro-launcher", nullptr, kDocked | ImGuiWindowFlags_NoTitleBar)) {
            if (ImGui::Button("X-ray views (X)")) out.open = true;
        }
        ImGui::End();
        return out;
    }
    if (layout.fullscreen >= 0 && s.view(layout.fullscreen).shown) {
        fullscreen(view, layout, out);
        return out;
    }
    layout.fullscreen = -1;
    if (layout.enlarged >= 0 && !s.view(layout.enlarged).shown) layout.enlarged = -1;

    // A column at the right edge, under the room the measurements take at the top, and never past
    // the bottom of the window: the monitors shrink to fit, and what still does not fit scrolls.
    const float width = viewport->WorkSize.x, height = viewport->WorkSize.y;
    int shown = 0;
    for (int i = 0; i < xray::kFluoroViews; ++i) shown += s.view(i).shown ? 1 : 0;
    const int stacked = layout.enlarged >= 0 ? 1 : std::max(shown, 1);
    const float chrome = layout.chrome > 0.0f ? layout.chrome : em(6.5f) + float(stacked) * em(3.2f);
    const float top = insets && insets->rightColumnTop > 0.0f ? insets->rightColumnTop + margin : 0.36f * height;
    const float room = std::max(height - top - margin, em(4.0f));
    float side = std::min(0.19f * width, (room - chrome) / float(stacked));
    if (layout.enlarged >= 0) side = std::min(0.42f * width, room - chrome); // as large as the column allows
    side = std::max(side, em(kSmallestMonitorEms));
    // What the measurements above must leave free: the monitors at their smallest and their buttons.
    layout.minimumHeight = chrome + float(stacked) * em(kSmallestMonitorEms);

    // Hung from just under the measurements, so the two never overlap.
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + width - margin, viewport->WorkPos.y + top), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(width - 2.0f * margin, room));
    bool open = true;
    if (ImGui::Begin("Fluoroscopy###fluoro", &open, kDocked)) {
        for (int i = 0; i < xray::kFluoroViews; ++i) {
            if (!s.view(i).shown || (layout.enlarged >= 0 && layout.enlarged != i)) continue;
            viewBlock(view, layout, i, side, out);
        }
        exposureLine(s, out);
        if (ImGui::CollapsingHeader("C-arm and image")) carmControls(s, layout, out);
        if (insets) insets->coverRight(viewport->WorkPos.x + width - ImGui::GetWindowPos().x);
        // This frame's own content (the window's size lags a frame behind it).
        layout.chrome = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y - float(stacked) * side;
    }
    ImGui::End();
    if (!open) out.close = true;
    return out;
}

void applyFluoroRequests(const FluoroRequests& r, FluoroSession& s) {
    if (r.open) s.setOpen(true);
    if (r.close) s.setOpen(false);
    if (r.shown)
        for (int i = 0; i < xray::kFluoroViews; ++i) s.setShown(i, (*r.shown)[static_cast<std::size_t>(i)]);
    if (r.preset) s.setPreset(r.preset->first, r.preset->second);
    if (r.angles) s.setAngles(r.angles->view, r.angles->orbital, r.angles->angular);
    if (r.live) s.setLive(r.live->first, r.live->second);
    if (r.allLive) s.setAllLive(*r.allLive);
    if (r.shot) s.takeShot(*r.shot);
    if (r.shotAll) s.takeShotAll();
    if (r.look) s.look = *r.look;
    if (r.trueSizeCArm) s.carmTrueSize = *r.trueSizeCArm;
    if (r.magnified) s.setMagnified(*r.magnified);
    if (r.resetExposure) s.resetExposure();
    if (r.acknowledgeReminder) s.acknowledgeReminder();
}

} // namespace spineviz
