#include "ui/PracticePanel.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace spineviz {
namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
constexpr float kPanelEms = 22.0f;
const ImVec4 kWarning(1.0f, 0.55f, 0.35f, 1.0f), kGood(0.55f, 0.85f, 0.55f, 1.0f);

float em(float n) { return ImGui::GetFontSize() * n; }

const char* wallWords(Wall wall) {
    switch (wall) {
    case Wall::Medial: return "medial pedicle wall (towards the spinal canal)";
    case Wall::Lateral: return "lateral wall";
    case Wall::Superior: return "superior pedicle wall";
    case Wall::Inferior: return "inferior pedicle wall (towards the nerve root)";
    case Wall::AnteriorCortex: return "anterior cortex (towards the great vessels)";
    case Wall::Endplate: return "endplate (into the disc)";
    }
    return "";
}

// `count` buttons sharing the row's width.
float buttonWidth(int count) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    return (ImGui::GetContentRegionAvail().x - spacing * float(count - 1)) / float(count);
}

void needleControls(const PracticeSession& s, PracticeRequests& out) {
    const float outward = s.needles()[std::size_t(s.activeNeedle())].side == Side::Left ? kPracticeMoveStep : -kPracticeMoveStep;
    ImGui::TextDisabled("Entry: Ctrl+arrows, or Ctrl+click on the bone");
    float w = buttonWidth(4);
    if (ImGui::Button("out##x", ImVec2(w, 0))) out.moveX += outward;
    ImGui::SameLine();
    if (ImGui::Button("in##x", ImVec2(w, 0))) out.moveX -= outward;
    ImGui::SameLine();
    if (ImGui::Button("up##y", ImVec2(w, 0))) out.moveY += kPracticeMoveStep;
    ImGui::SameLine();
    if (ImGui::Button("down##y", ImVec2(w, 0))) out.moveY -= kPracticeMoveStep;
    ImGui::TextDisabled("Aim: arrows (Shift: fine)");
    w = buttonWidth(2);
    if (ImGui::Button("medial", ImVec2(w, 0))) out.aimMedial += kPracticeAimStep;
    ImGui::SameLine();
    if (ImGui::Button("lateral", ImVec2(w, 0))) out.aimMedial -= kPracticeAimStep;
    if (ImGui::Button("cranial", ImVec2(w, 0))) out.aimCranial += kPracticeAimStep;
    ImGui::SameLine();
    if (ImGui::Button("caudal", ImVec2(w, 0))) out.aimCranial -= kPracticeAimStep;
    ImGui::TextDisabled("Trocar: W advance, Q withdraw (Shift: 0.5 mm)");
    if (ImGui::Button("Advance 2 mm", ImVec2(w, 0))) out.advance += kPracticeAdvanceStep;
    ImGui::SameLine();
    if (ImGui::Button("Withdraw 2 mm", ImVec2(w, 0))) out.advance -= kPracticeAdvanceStep;
    if (ImGui::Button("X-ray shot, AP + lateral (S)", ImVec2(-1, 0))) out.shot = true;
}

void checks(const PracticeSession& s) {
    const PracticeChecks& c = s.checks();
    const NeedleAttempt& n = s.needles()[std::size_t(s.activeNeedle())];
    ImGui::Text("Depth %.1f mm   to target %.1f mm", n.depth * 1e3f, c.toTarget * 1e3f);
    ImGui::Text("Tip %s the posterior wall (lateral view)", c.pastPosteriorWall ? "past" : "behind");
    if (c.atTarget) ImGui::TextColored(kGood, "At the target.");
    if (c.medialRule.broken) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
        ImGui::TextWrapped("Rule broken: on AP the tip crossed the medial pedicle wall %.1f mm before the lateral view showed it past "
                           "the posterior wall. Keep the tip lateral of the medial wall on AP until it is in the body on lateral.",
                           c.medialRule.behindPosteriorWall * 1e3f);
        ImGui::PopStyleColor();
    }
    for (const Breach& b : c.breaches) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
        ImGui::TextWrapped("Breach of the %s: %.1f mm outside the bone (Gertzbein-Robbins grade %c).", wallWords(b.wall), b.depth * 1e3f,
                           breachGrade(b.depth));
        ImGui::PopStyleColor();
    }
    if (c.tooTight) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
        ImGui::TextWrapped("This %.1f mm instrument leaves less than 1 mm of bone either side of this pedicle: choose a smaller "
                           "gauge or a parapedicular route.", traineeInstrumentDiameter(s.options().procedure) * 1e3f);
        ImGui::PopStyleColor();
    }
}

void reportTable(const TraineeReport& r) {
    ImGui::Text("Score %.0f / 100", r.score);
    if (ImGui::BeginTable("score", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthFixed, em(5.5f));
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        const auto line = [](const char* what, const char* value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(what);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", value);
        };
        char text[160];
        for (const NeedleResult& n : r.needles) {
            std::snprintf(text, sizeof text, "docked %.1f mm off, tip %.1f mm from the target, aim %.1f\xC2\xB0 off", n.entryError * 1e3f,
                          n.targetError * 1e3f, n.angleError * 57.29578f);
            line(n.side == Side::Left ? "left" : "right", text);
            for (const Breach& b : n.breaches) {
                std::snprintf(text, sizeof text, "%s wall, %.1f mm (grade %c)", wallName(b.wall), b.depth * 1e3f, breachGrade(b.depth));
                line("  breach", text);
            }
            if (n.medialRule.broken) line("  rule", "crossed the medial wall on AP before the posterior wall on lateral");
        }
        std::snprintf(text, sizeof text, "%d shots, %.0f s live; about %.3f mSv to the patient", r.shots, r.fluoroSeconds, r.doseMsv);
        line("X-rays", text);
        if (r.seconds > 0.0) {
            std::snprintf(text, sizeof text, "%.0f min %02.0f s", std::floor(r.seconds / 60.0), std::fmod(r.seconds, 60.0));
            line("time", text);
        }
        std::snprintf(text, sizeof text, "entry %.0f/20, target %.0f/20, aim %.0f/15, safety %.0f/25, X-rays %.0f/20", r.parts.entry,
                      r.parts.target, r.parts.angle, r.parts.safety, r.parts.exposure);
        line("points", text);
        ImGui::EndTable();
    }
}

} // namespace

void PracticeRequests::merge(const PracticeRequests& o) {
    if (o.selectNeedle) selectNeedle = o.selectNeedle;
    moveX += o.moveX;
    moveY += o.moveY;
    aimMedial += o.aimMedial;
    aimCranial += o.aimCranial;
    advance += o.advance;
    shot |= o.shot;
    finish |= o.finish;
    restart |= o.restart;
    leave |= o.leave;
    if (o.showIdeal) showIdeal = o.showIdeal;
}

const char* practiceInstruction(const PracticeSession& s, bool xrayTaken) {
    if (s.finished()) return "Done: the red marks show any breach, the green lines the ideal paths.";
    const PracticeChecks& c = s.checks();
    const NeedleAttempt& n = s.needles()[std::size_t(s.activeNeedle())];
    if (!xrayTaken) return "Take an AP and a lateral shot (S) to see where the trocar is.";
    if (n.depth <= 0.0f) return "Dock on the pedicle: on AP the tip on the pedicle's outer edge, aimed down its axis.";
    if (c.atTarget) return s.needles().size() > 1 ? "At the target. Do the other side (Tab), then Finish." : "At the target. Finish.";
    if (!c.pastPosteriorWall) return "Advance in small steps with a shot each time; on AP stay lateral of the medial wall.";
    return s.options().procedure == Procedure::Kyphoplasty ? "In the body: stop in its posterior third." :
                                                              "In the body: go on to its anterior third.";
}

PracticeRequests drawPracticePanel(const PracticeSession& s, bool xrayTaken, bool showIdeal, UiInsets* insets) {
    PracticeRequests out;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = em(0.8f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + margin), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(em(kPanelEms), 0), ImVec2(em(kPanelEms), viewport->WorkSize.y - 2 * margin));
    if (ImGui::Begin("Practice: the access", nullptr, kPanelFlags | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextWrapped("%s %s, %s. %s", s.options().level.c_str(), procedureName(s.options().procedure),
                           s.needles().size() > 1 ? "both pedicles" : "one pedicle", practiceInstruction(s, xrayTaken));
        ImGui::Separator();
        if (!s.finished()) {
            if (s.needles().size() > 1) {
                ImGui::TextUnformatted("Needle (Tab)");
                for (int i = 0; i < int(s.needles().size()); ++i) {
                    ImGui::SameLine();
                    if (ImGui::RadioButton(s.needles()[std::size_t(i)].side == Side::Left ? "left" : "right", s.activeNeedle() == i))
                        out.selectNeedle = i;
                }
            }
            needleControls(s, out);
            ImGui::Separator();
            checks(s);
            ImGui::Separator();
            if (ImGui::Button("Finish and score (Enter)", ImVec2(-1, 0))) out.finish = true;
        } else {
            reportTable(*s.report());
            bool ideal = showIdeal;
            if (ImGui::Checkbox("Show the ideal paths", &ideal)) out.showIdeal = ideal;
            if (ImGui::Button("Try again", ImVec2(em(8.0f), 0))) out.restart = true;
        }
        if (ImGui::Button("Back to watching", ImVec2(em(8.0f), 0))) out.leave = true;
        if (insets) insets->coverLeft(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - viewport->WorkPos.x);
    }
    ImGui::End();
    return out;
}

} // namespace spineviz
