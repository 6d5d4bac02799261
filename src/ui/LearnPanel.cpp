#include "ui/LearnPanel.h"

#include "core/content/Learn.h"

#include <imgui.h>

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

} // namespace

bool drawLearnPanel() {
    bool open = true;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.45f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(font * 44.0f, viewport->WorkSize.y * 0.7f), ImGuiCond_Appearing);
    if (ImGui::Begin("Learn", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        if (ImGui::BeginTabBar("learn")) {
            if (ImGui::BeginTabItem("Anatomy")) { glossaryTab(GlossaryGroup::Anatomy); ImGui::EndTabItem(); }
            if (ImGui::BeginTabItem("The condition")) { glossaryTab(GlossaryGroup::Condition); ImGui::EndTabItem(); }
            if (ImGui::BeginTabItem("Procedure words")) { glossaryTab(GlossaryGroup::Procedure); ImGui::EndTabItem(); }
            if (ImGui::BeginTabItem("Topics")) { topicsTab(); ImGui::EndTabItem(); }
            if (ImGui::BeginTabItem("Compare")) { comparisonTab(); ImGui::EndTabItem(); }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    return open;
}

} // namespace spineviz
