#include "ui/CaptionPanel.h"

#include <imgui.h>

#include <algorithm>

namespace spineviz {
namespace {

// Line lengths in the text font's own size: about 60 characters, the comfortable reading measure.
constexpr float kPatientLineEms = 30.0f;
constexpr float kClinicianLineEms = 50.0f;
constexpr float kMostOfTheHeight = 0.45f; // longer text scrolls rather than covering the view

float fontSizeOf(const ImFont* font) { return font->FontSize * ImGui::GetIO().FontGlobalScale; }

} // namespace

void drawCaptionPanel(const PhaseCaption& caption, int step, int steps, Audience audience, ImFont* heading, ImFont* text,
                      UiInsets* insets) {
    const bool patient = audience == Audience::Patient;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = ImGui::GetFontSize() * 0.8f;
    const float left = insets ? std::max(insets->left, insets->bottomLeft) : 0.0f;
    const float right = insets ? insets->right : 0.0f;
    const float room = std::max(viewport->WorkSize.x - left - right - 2.0f * margin, ImGui::GetFontSize() * 10.0f);
    ImFont* body = patient ? text : ImGui::GetFont();
    ImFont* title = patient ? text : heading; // a patient's title as large as the words under it
    // Wide enough for comfortable lines, never wider than reading allows or the window holds.
    const float width = std::min({room, fontSizeOf(body) * (patient ? kPatientLineEms : kClinicianLineEms),
                                  viewport->WorkSize.x - 2.0f * margin});
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + left + margin + 0.5f * room, viewport->WorkPos.y + viewport->WorkSize.y - margin),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, kMostOfTheHeight * viewport->WorkSize.y));
    ImGui::SetNextWindowBgAlpha(0.80f);
    if (ImGui::Begin("##caption", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                               ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                               ImGuiWindowFlags_NoNav)) {
        const float counter = ImGui::CalcTextSize("00 / 00").x;
        ImGui::PushFont(title);
        ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x - counter - ImGui::GetStyle().ItemSpacing.x);
        ImGui::TextColored(ImVec4(0.75f, 0.87f, 1.0f, 1.0f), "%d. %s", step, caption.title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::SameLine(width - ImGui::GetStyle().WindowPadding.x - counter);
        ImGui::TextDisabled("%d / %d", step, steps);
        ImGui::PushFont(body);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(patient ? caption.patient.c_str() : caption.clinician.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        if (insets) insets->coverBottom(viewport->WorkPos.y + viewport->WorkSize.y - ImGui::GetWindowPos().y);
    }
    ImGui::End();
}

} // namespace spineviz
