#include "ui/ViewPanel.h"

#include <imgui.h>

#include <algorithm>

namespace spineviz {

ViewPanelActions drawViewPanel(const ViewPanelInfo& info, UiInsets* insets) {
    ViewPanelActions actions;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = ImGui::GetFontSize() * 0.8f;
    if (info.belowOtherPanels) {
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + viewport->WorkSize.y - margin),
                                ImGuiCond_Always, ImVec2(0.0f, 1.0f));
        ImGui::SetNextWindowCollapsed(true, ImGuiCond_Appearing);
    } else {
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + margin), ImGuiCond_Always);
    }
    // Never taller than the window: a long panel scrolls.
    ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 15.0f, 0.0f),
                                        ImVec2(ImGui::GetFontSize() * 22.0f, viewport->WorkSize.y - 2.0f * margin));
    ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
    if (!info.belowOtherPanels) flags |= ImGuiWindowFlags_NoCollapse;
    const bool expanded = ImGui::Begin(info.belowOtherPanels ? "Display" : "View", nullptr, flags);
    if (insets && info.belowOtherPanels) {
        insets->bottomLeft = std::max(insets->bottomLeft, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - viewport->WorkPos.x);
        insets->bottomLeftHeight = std::max(insets->bottomLeftHeight, viewport->WorkPos.y + viewport->WorkSize.y - ImGui::GetWindowPos().y);
    }
    if (!expanded) {
        ImGui::End();
        return actions;
    }
    ImGui::TextDisabled("%s", info.modelName.c_str());
    ImGui::TextDisabled("%zu triangles", info.triangles);
    ImGui::Separator();

    ImGui::TextUnformatted("Look from");
    const float buttonWidth = ImGui::GetFontSize() * 7.0f;
    int column = 0;
    for (ViewPreset preset : kAllViewPresets) {
        if (column++ % 2 == 1) ImGui::SameLine();
        if (ImGui::Button(viewPresetLabel(preset), ImVec2(buttonWidth, 0.0f))) actions.preset = preset;
    }
    if (ImGui::Button("Frame all  (F)", ImVec2(buttonWidth * 2.0f + ImGui::GetStyle().ItemSpacing.x, 0.0f)))
        actions.frameAll = true;
    ImGui::Separator();

    float scale = info.uiScale;
    ImGui::SetNextItemWidth(buttonWidth * 1.3f);
    if (ImGui::SliderFloat("Text size", &scale, 0.5f, 4.0f, "%.2fx", ImGuiSliderFlags_AlwaysClamp)) actions.uiScale = scale;
    if (ImGui::Button(info.fullscreen ? "Window  (F11)" : "Fullscreen  (F11)")) actions.toggleFullscreen = true;
    ImGui::SameLine();
    if (ImGui::Button("Screenshot  (F12)")) actions.screenshot = true;
    if (ImGui::Button("Hide panels  (H)")) actions.hideUi = true;
    if (info.framesPerSecond > 0.0f)
        ImGui::TextDisabled("%.0f fps, %dx MSAA", static_cast<double>(info.framesPerSecond), info.msaaSamples);
    ImGui::End();
    return actions;
}

void drawToast(const std::string& text, float opacity) {
    if (text.empty() || opacity <= 0.0f) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y - ImGui::GetFontSize() * 2.0f),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.85f * opacity);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, opacity);
    ImGui::Begin("##toast", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::TextUnformatted(text.c_str());
    ImGui::End();
    ImGui::PopStyleVar();
}

} // namespace spineviz
