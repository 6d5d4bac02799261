#include "ui/CaptionPanel.h"

#include <imgui.h>

#include <algorithm>

namespace spineviz {

void drawCaptionPanel(const PhaseCaption& caption, int step, int steps, Audience audience, ImFont* heading, ImFont* text,
                      UiInsets* insets) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = ImGui::GetFontSize() * 0.8f;
    const float left = insets ? std::max(insets->left, insets->bottomLeft) : 0.0f;
    const float right = insets ? insets->right : 0.0f;
    const float room = viewport->WorkSize.x - left - right - 2.0f * margin;
    // Wide enough for comfortable lines, never wider than reading allows.
    const float width = std::min(room, ImGui::GetFontSize() * (audience == Audience::Patient ? 44.0f : 50.0f));
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + left + margin + 0.5f * room, viewport->WorkPos.y + viewport->WorkSize.y - margin),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.80f);
    if (ImGui::Begin("##caption", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                               ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                               ImGuiWindowFlags_NoNav)) {
        ImGui::PushFont(heading);
        ImGui::TextColored(ImVec4(0.75f, 0.87f, 1.0f, 1.0f), "%d. %s", step, caption.title.c_str());
        ImGui::PopFont();
        ImGui::SameLine(width - ImGui::GetStyle().WindowPadding.x - ImGui::CalcTextSize("00 / 00").x);
        ImGui::TextDisabled("%d / %d", step, steps);
        ImGui::PushFont(audience == Audience::Patient ? text : ImGui::GetFont());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(audience == Audience::Patient ? caption.patient.c_str() : caption.clinician.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (insets) insets->coverBottom(viewport->WorkPos.y + viewport->WorkSize.y - ImGui::GetWindowPos().y);
    }
    ImGui::End();
}

} // namespace spineviz
