#include "ui/ProcedurePanel.h"

#include "core/content/Captions.h"
#include "ui/TimelineBar.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace spineviz {
namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;

float em(float n) { return ImGui::GetFontSize() * n; }

constexpr float kPanelEms = 22.0f; // panel width, in font heights

void transport(const ProcedureView& view, ProcedureRequests& out, float buttonWidth) {
    if (ImGui::Button("\xE2\x97\x80 Back", ImVec2(buttonWidth, 0))) out.previous = true; // U+25C0
    ImGui::SameLine();
    if (ImGui::Button(view.playing ? "Pause" : "\xE2\x96\xB6 Play", ImVec2(buttonWidth, 0))) out.togglePlay = true; // U+25B6
    ImGui::SameLine();
    if (ImGui::Button("Next \xE2\x96\xB6", ImVec2(buttonWidth, 0))) out.next = true;
    ImGui::SameLine();
    if (ImGui::Button("\xE2\x86\xBA Restart", ImVec2(buttonWidth, 0))) out.restart = true; // U+21BA
}

void phaseList(const ProcedureView& view, ProcedureRequests& out) {
    const PhaseTime now = view.timeline->at(view.time);
    const auto& phases = view.timeline->phases();
    for (int i = 0; i < static_cast<int>(phases.size()); ++i) {
        const std::string title = phaseCaption(*view.options, phases[i].id).title;
        const std::string label = std::to_string(i + 1) + "   " + title;
        const bool current = i == now.index;
        if (current) ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(0.24f, 0.45f, 0.66f, 0.95f));
        if (ImGui::Selectable(label.c_str(), current)) out.jumpToPhase = i;
        if (current) {
            ImGui::PopStyleColor();
            // A thin progress line under the current step.
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            const float x = min.x + (max.x - min.x) * static_cast<float>(now.progress);
            ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y), ImVec2(x, max.y), IM_COL32(170, 215, 250, 255), 2.0f);
        }
    }
}

template <typename E, std::size_t N>
bool radioRow(const char* label, E& value, const E (&choices)[N], const char* const (&names)[N]) {
    bool changed = false;
    ImGui::TextUnformatted(label);
    for (std::size_t i = 0; i < N; ++i) {
        ImGui::SameLine();
        if (ImGui::RadioButton(names[i], value == choices[i])) {
            value = choices[i];
            changed = true;
        }
    }
    return changed;
}

void caseEditor(const ProcedureView& view, ProcedureRequests& out) {
    ProcedureOptions o = *view.options;
    bool changed = false;
    const Procedure procedures[] = {Procedure::Kyphoplasty, Procedure::Vertebroplasty};
    const char* const procedureNames[] = {"Kyphoplasty", "Vertebroplasty"};
    changed |= radioRow("Procedure", o.procedure, procedures, procedureNames);

    ImGui::SetNextItemWidth(em(6));
    if (ImGui::BeginCombo("Level", o.level.c_str())) {
        for (const std::string& level : view.levels)
            if (ImGui::Selectable(level.c_str(), level == o.level)) {
                o.level = level;
                changed = true;
            }
        ImGui::EndCombo();
    }
    const Morphology shapes[] = {Morphology::Wedge, Morphology::Biconcave, Morphology::Crush};
    const char* const shapeNames[] = {"Wedge", "Biconcave", "Crush"};
    changed |= radioRow("Shape", o.morphology, shapes, shapeNames);
    const int grades[] = {1, 2, 3};
    const char* const gradeNames[] = {"1 mild", "2 moderate", "3 severe"};
    changed |= radioRow("Grade", o.grade, grades, gradeNames);
    const Access accesses[] = {Access::Bilateral, Access::Unilateral};
    const char* const accessNames[] = {"Both sides", "One side"};
    changed |= radioRow("Access", o.access, accesses, accessNames);
    int seed = static_cast<int>(o.seed);
    ImGui::SetNextItemWidth(em(8));
    if (ImGui::InputInt("Case seed", &seed) && seed >= 0) {
        o.seed = static_cast<std::uint32_t>(seed);
        changed = true;
    }
    if (changed) out.options = o;
}

void cementEditor(const ProcedureView& view, ProcedureRequests& out) {
    CementOptions c = *view.cement;
    bool changed = false;
    const CementKind kinds[] = {CementKind::HighViscosity, CementKind::LowViscosity};
    const char* const kindNames[] = {"High viscosity", "Low viscosity"};
    CementKind kind = c.cementFor(view.options->procedure);
    if (radioRow("Cement", kind, kinds, kindNames)) {
        c.cement = kind;
        changed = true;
    }
    // Each change re-plans the injection (a fraction of a second), so sliders apply when released.
    static float draggedStart = -1.0f, draggedFlow = -1.0f;
    float start = draggedStart >= 0.0f ? draggedStart : c.startMinutes();
    ImGui::SetNextItemWidth(em(9));
    if (ImGui::SliderFloat("Start (min after mixing)", &start, 1.0f, 12.0f, "%.1f")) draggedStart = start;
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        c.injectionStartMinutes = start;
        draggedStart = -1.0f;
        changed = true;
    }
    float flow = draggedFlow >= 0.0f ? draggedFlow : c.flowMlPerMinute;
    ImGui::SetNextItemWidth(em(9));
    if (ImGui::SliderFloat("Flow (mL/min)", &flow, 0.5f, 10.0f, "%.1f")) draggedFlow = flow;
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        c.flowMlPerMinute = flow;
        draggedFlow = -1.0f;
        changed = true;
    }
    const BoneQuality bones[] = {BoneQuality::Osteoporotic, BoneQuality::Osteopenic, BoneQuality::Normal};
    const char* const boneNames[] = {"Osteoporotic", "Osteopenic", "Normal"};
    int current = static_cast<int>(c.bone);
    ImGui::SetNextItemWidth(em(9));
    if (ImGui::Combo("Bone", &current, boneNames, 3)) {
        c.bone = bones[current];
        changed = true;
    }
    if (changed) out.cement = c;
}

void viewEditor(const ProcedureView& view, ProcedureRequests& out) {
    const InsideView insides[] = {InsideView::Auto, InsideView::Solid, InsideView::Ghost, InsideView::Cutaway};
    const char* const insideNames[] = {"Auto (see through when it matters)", "Solid", "See-through bone", "Cut open"};
    int current = 0;
    for (int i = 0; i < 4; ++i)
        if (insides[i] == view.inside) current = i;
    ImGui::SetNextItemWidth(em(13));
    if (ImGui::Combo("Inside", &current, insideNames, 4)) out.inside = insides[current];
    if (view.inside == InsideView::Cutaway) {
        SectionMode section = view.section;
        const SectionMode sections[] = {SectionMode::Sagittal, SectionMode::Axial};
        const char* const sectionNames[] = {"Along the needle", "Across the body"};
        if (radioRow("Cut", section, sections, sectionNames)) out.section = section;
    }
    bool follow = view.followCamera;
    if (ImGui::Checkbox("Camera follows each step", &follow)) out.followCamera = follow;
    bool labels = view.labels;
    if (ImGui::Checkbox("Name the parts", &labels)) out.labels = labels;
}

} // namespace

ProcedureRequests drawProcedurePanel(const ProcedureView& view, UiInsets* insets) {
    ProcedureRequests out;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = em(0.8f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + margin), ImGuiCond_Always);
    // Down to the display panel in the bottom-left corner at most; a longer panel scrolls.
    const float below = insets && insets->bottomLeftHeight > 0.0f ? insets->bottomLeftHeight + margin : margin;
    ImGui::SetNextWindowSizeConstraints(ImVec2(em(kPanelEms), 0), ImVec2(em(kPanelEms), viewport->WorkSize.y - margin - below));
    const std::string title = std::string(procedureTitle(view.options->procedure)) + " \xE2\x80\x93 " + view.options->level + "###procedure";
    if (!ImGui::Begin(title.c_str(), nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return out;
    }
    phaseList(view, out);
    ImGui::Spacing();
    const float inner = ImGui::GetContentRegionAvail().x; // narrower when the panel scrolls
    transport(view, out, (inner - 3 * ImGui::GetStyle().ItemSpacing.x) / 4.0f);
    if (const auto seek = drawTimelineBar(*view.timeline, view.time, inner)) out.seek = seek;
    float speed = view.speed;
    ImGui::SetNextItemWidth(em(10));
    if (ImGui::SliderFloat("Speed", &speed, 0.25f, 4.0f, "%.2fx", ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
        out.speed = speed;
    if (ImGui::CollapsingHeader("Case")) caseEditor(view, out);
    if (ImGui::CollapsingHeader("Cement")) cementEditor(view, out);
    if (ImGui::CollapsingHeader("View")) viewEditor(view, out);
    Audience audience = view.audience;
    const Audience audiences[] = {Audience::Clinician, Audience::Patient};
    const char* const audienceNames[] = {"Clinician", "Patient"};
    if (radioRow("Words for", audience, audiences, audienceNames)) out.audience = audience;
    if (ImGui::Button(view.learnOpen ? "Close the guide" : "Learn: anatomy, risks, comparison")) out.learnOpen = !view.learnOpen;
    if (ImGui::Button("Practice the access: place the needle yourself")) out.practice = true;
    if (insets) insets->coverLeft(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - viewport->WorkPos.x);
    ImGui::End();
    return out;
}

ProcedureRequests drawPresenterBar(const ProcedureView& view, ImFont* large, UiInsets* insets) {
    ProcedureRequests out;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = em(0.8f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + margin), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(viewport->WorkSize.x - 2.0f * margin, 0.5f * viewport->WorkSize.y));
    if (!ImGui::Begin("##presenter", nullptr, kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return out;
    }
    const PhaseTime now = view.timeline->at(view.time);
    ImGui::PushFont(large);
    ImGui::Text("Step %d of %zu", now.index + 1, view.timeline->phases().size());
    // Four big buttons, as narrow as the window needs them.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float button = std::min(em(5.5f), (viewport->WorkSize.x - 2.0f * margin - 2.0f * ImGui::GetStyle().WindowPadding.x -
                                             3.0f * spacing) / 4.0f);
    transport(view, out, button);
    if (const auto seek = drawTimelineBar(*view.timeline, view.time, 4.0f * button + 3.0f * spacing)) out.seek = seek;
    ImGui::PopFont();
    if (ImGui::Button(view.learnOpen ? "Close the guide" : "About your treatment")) out.learnOpen = !view.learnOpen;
    ImGui::SameLine();
    if (ImGui::Button(view.looping ? "Stop the loop" : "Waiting-room loop")) out.loop = !view.looping;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("From the beginning, slowly, over and over (A)");
    ImGui::SameLine();
    if (ImGui::Button("Clinical detail")) out.audience = Audience::Clinician;
    if (insets) insets->coverTop(ImGui::GetWindowPos().y + ImGui::GetWindowSize().y - viewport->WorkPos.y);
    ImGui::End();
    return out;
}

} // namespace spineviz
