#include "ui/LearnPanel.h"

#include "core/content/Learn.h"
#include "core/content/PatientGuide.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace spineviz {
namespace {

void glossaryTab(GlossaryGroup group) {
    for (const GlossaryEntry& entry : glossary()) {
        if (entry.group != group) continue;
        if (ImGui::TreeNode(entry.term.c_str())) {
            ImGui::TextWrapped("%s", entry.plain.c_str());
            ImGui::Spacing();
            ImGui::TextWrapped("%s", entry.detail.c_str());
            ImGui::TreePop();
        }
    }
}

void topicsTab() {
    for (const LearnTopic& topic : learnTopics()) {
        if (!ImGui::CollapsingHeader(topic.title.c_str())) continue;
        for (const std::string& paragraph : topic.paragraphs) {
            ImGui::TextWrapped("%s", paragraph.c_str());
            ImGui::Spacing();
        }
    }
}

void comparisonTab() {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("compare", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("Kyphoplasty", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Vertebroplasty", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableHeadersRow();
    for (const ComparisonRow& row : procedureComparison()) {
        ImGui::TableNextRow();
        for (const std::string* cell : {&row.aspect, &row.kyphoplasty, &row.vertebroplasty, &row.source}) {
            ImGui::TableNextColumn();
            if (cell == &row.source) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", cell->c_str());
            if (cell == &row.source) ImGui::PopStyleColor();
        }
    }
    ImGui::EndTable();
}

void patientPageText(const PatientPage& page) {
    for (const std::string& paragraph : page.paragraphs) {
        if (page.questions) {
            ImGui::Bullet();
            ImGui::SameLine();
        }
        ImGui::TextWrapped("%s", paragraph.c_str());
        ImGui::Spacing();
    }
}

// For students: every page of the patient's guide, to see what a patient is told.
void patientGuideTab() {
    for (const PatientPage& page : patientGuide())
        if (ImGui::CollapsingHeader(page.title.c_str())) patientPageText(page);
}

// For a patient: one page at a time, its title and words in large type, big buttons to turn pages.
void patientGuidePages(LearnPanelState& state, const LearnPanelFonts& fonts) {
    const auto& pages = patientGuide();
    const int count = static_cast<int>(pages.size());
    state.patientPage = std::clamp(state.patientPage, 0, count - 1);
    const PatientPage& page = pages[static_cast<std::size_t>(state.patientPage)];
    ImGui::PushFont(fonts.large);
    const float buttons = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y;
    ImGui::TextColored(ImVec4(0.75f, 0.87f, 1.0f, 1.0f), "%s", page.title.c_str());
    ImGui::Separator();
    // The words scroll if the window is short; the buttons stay below them.
    if (ImGui::BeginChild("##page", ImVec2(0.0f, -buttons), false)) patientPageText(page);
    ImGui::EndChild();
    const float width = ImGui::GetFontSize() * 6.0f;
    ImGui::BeginDisabled(state.patientPage == 0);
    if (ImGui::Button("\xE2\x97\x80 Back", ImVec2(width, 0.0f))) --state.patientPage; // U+25C0
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Text("%d / %d", state.patientPage + 1, count);
    ImGui::SameLine();
    ImGui::BeginDisabled(state.patientPage + 1 >= count);
    if (ImGui::Button("Next \xE2\x96\xB6", ImVec2(width, 0.0f))) ++state.patientPage; // U+25B6
    ImGui::EndDisabled();
    ImGui::PopFont();
}

} // namespace

bool drawLearnPanel(bool patient, LearnPanelState& state, const LearnPanelFonts& fonts, float top) {
    bool open = true;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    const float margin = font * 0.8f;
    // Placed and sized every frame, so it stays inside the window however the window changes.
    const float width = std::min(font * (patient ? 60.0f : 44.0f), viewport->WorkSize.x - 2.0f * margin);
    const float room = std::max(viewport->WorkSize.y - top - 2.0f * margin, font * 6.0f);
    const float height = std::min(viewport->WorkSize.y * (patient ? 0.8f : 0.7f), room);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + top + margin + 0.5f * room),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.97f); // reading matter: nothing shows through it
    const char* title = patient ? "About your treatment###learn" : "Learn###learn";
    if (patient) ImGui::PushFont(fonts.heading);
    const bool shown = ImGui::Begin(title, &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                                                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
    if (patient) ImGui::PopFont();
    if (shown) {
        if (patient) {
            patientGuidePages(state, fonts);
        } else if (ImGui::BeginTabBar("learn")) {
            if (ImGui::BeginTabItem("Anatomy")) { glossaryTab(GlossaryGroup::Anatomy); ImGui::EndTabItem(); }
            if (ImGui::BeginTabItem("The condition")) { glossaryTab(GlossaryGroup::Condition); ImGui::EndTabItem(); }
            if (ImGui::BeginTabItem("Procedure words")) { glossaryTab(GlossaryGroup::Procedure); ImGui::EndTabItem(); }
            if (ImGui::BeginTabItem("Topics")) { topicsTab(); ImGui::EndTabItem(); }
            if (ImGui::BeginTabItem("Compare")) { comparisonTab(); ImGui::EndTabItem(); }
            if (ImGui::BeginTabItem("For patients")) { patientGuideTab(); ImGui::EndTabItem(); }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    return open;
}

} // namespace spineviz
