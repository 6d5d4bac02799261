#include "ui/MeasurementsPanel.h"

#include "core/content/PlainFractions.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace spineviz {
namespace {

float em(float n) { return ImGui::GetFontSize() * n; }

const ImVec4 kLeakColour(1.0f, 0.70f, 0.35f, 1.0f); // the amber leaks are drawn in

const char* gradeWord(int grade) {
    switch (grade) {
    case 0: return "none";
    case 1: return "mild";
    case 2: return "moderate";
    default: return "severe";
    }
}

// The cement's phase in words: the core's phase (cement_phase in --measurements) is the one source of
// truth, with what is happening to it now.
std::string cementStage(const Measurements& m) {
    if (m.cementMinutesSinceMixing <= 0.0f || m.cementPhase.empty()) return "not mixed";
    const bool flowing = m.cementInjectedMl > 0.0f && m.cementCure <= 0.0f && m.cementInjectedMl < m.cementTargetMl - 0.01f;
    return m.cementPhase + (flowing ? ", being injected" : "");
}

void row(const char* label, double now, double healthy, const char* unit) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    ImGui::Text("%.1f%s", now, unit);
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%.1f%s", healthy, unit);
}

void clinicianView(const Measurements& m) {
    if (ImGui::BeginTable("heights", 3, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Body height");
        ImGui::TableSetupColumn("now");
        ImGui::TableSetupColumn("healthy");
        ImGui::TableHeadersRow();
        row("anterior", m.anteriorHeightMm, m.healthyAnteriorHeightMm, " mm");
        row("middle", m.middleHeightMm, m.healthyMiddleHeightMm, " mm");
        row("posterior", m.posteriorHeightMm, m.healthyPosteriorHeightMm, " mm");
        row("wedge angle", m.wedgeAngleDeg, m.healthyWedgeAngleDeg, "\xC2\xB0");
        ImGui::EndTable();
    }
    ImGui::Text("Height loss %.0f %%   Genant grade %d (%s)", m.heightLossPercent, m.genantGrade, gradeWord(m.genantGrade));
    ImGui::Text("Height restored %.0f %% of the loss", m.heightRestoredPercent);
    if (m.balloons > 0) {
        ImGui::Separator();
        ImGui::Text("Balloons %d \xC3\x97 %.2f mL", m.balloons, m.balloonVolumeMl / float(m.balloons));
        ImGui::Text("Pressure %.0f psi (%.1f atm)", m.balloonPressurePsi, m.balloonPressurePsi / 14.6959f);
        if (!m.balloonStop.empty()) ImGui::Text("Stopped at %.2f mL: %s", m.balloonFinalVolumeMl, m.balloonStop.c_str());
        // Gauge to the 400 psi burst criterion (FDA K223709); the curve is a teaching model.
        ImGui::ProgressBar(std::clamp(m.balloonPressurePsi / 400.0f, 0.0f, 1.0f), ImVec2(em(14), em(0.6f)), "");
        ImGui::TextDisabled("pressure curve: a model, not measured data");
    }
    if (m.cementMinutesSinceMixing > 0.0f) {
        ImGui::Separator();
        ImGui::Text("Cement %.1f of %.1f mL", m.cementVolumeMl, m.cementTargetMl);
        ImGui::ProgressBar(m.cementTargetMl > 0.0f ? std::clamp(m.cementVolumeMl / m.cementTargetMl, 0.0f, 1.0f) : 0.0f,
                           ImVec2(em(14), em(0.6f)), "");
        ImGui::Text("%.1f min since mixing: %s, %.0f Pa\xC2\xB7s", m.cementMinutesSinceMixing, cementStage(m).c_str(), m.cementViscosityPaS);
        if (m.cementPressureKPa > 0.0f) ImGui::Text("Injection pressure in the bone %.0f kPa", m.cementPressureKPa);
        if (m.cementInjectedMl > 0.0f) {
            ImGui::Text("In the body %.2f mL, outside %.2f mL", m.cementRetainedMl, m.cementLeakedMl);
            if (m.cementInjectedLeftMl > 0.0f && m.cementInjectedRightMl > 0.0f)
                ImGui::Text("Left needle %.1f mL, right %.1f mL", m.cementInjectedLeftMl, m.cementInjectedRightMl);
        }
        // Wrapped, so a long leak name does not widen the panel over the view.
        ImGui::PushTextWrapPos(em(21));
        ImGui::PushStyleColor(ImGuiCol_Text, kLeakColour);
        for (const Measurements::Leak& leak : m.cementLeaks)
            ImGui::TextWrapped("Leak: %s, %.2f mL", leak.title.c_str(), leak.volumeMl);
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
}

// In words a patient uses: which part of the bone is lowest, and by how much, as a fraction.
void patientView(const Measurements& m) {
    struct Part {
        const char* name;
        float share;
    };
    const Part parts[] = {{"front", m.anteriorHeightMm / std::max(m.healthyAnteriorHeightMm, 0.1f)},
                          {"middle", m.middleHeightMm / std::max(m.healthyMiddleHeightMm, 0.1f)},
                          {"back", m.posteriorHeightMm / std::max(m.healthyPosteriorHeightMm, 0.1f)}};
    const Part* lowest = &parts[0];
    for (const Part& p : parts)
        if (p.share < lowest->share) lowest = &p;
    ImGui::PushTextWrapPos(em(13)); // in the patient's large type: short lines in the corner
    if (m.genantGrade == 0) ImGui::TextWrapped("The bone has its normal height.");
    else ImGui::TextWrapped("The %s of the bone is squashed to %s of its height.", lowest->name, plainFraction(lowest->share).c_str());
    // Before treatment the only gain is from lying on the front: a fresh fracture opens a little.
    const bool treated = m.balloons > 0 || !m.balloonStop.empty() || m.cementMinutesSinceMixing > 0.0f;
    if (m.heightRestoredPercent >= 1.0f)
        ImGui::TextWrapped(treated ? "Treatment has given back %s of the height that was lost." :
                                     "Lying on your front has already given back %s of the height that was lost.",
                           plainFraction(m.heightRestoredPercent / 100.0).c_str());
    if (m.cementVolumeMl > 0.05f) ImGui::TextWrapped(m.cementCure > 0.0f ? "Bone cement: %.1f millilitres, about %.0f teaspoon%s." : "Bone cement so far: %.1f millilitres, about %.0f teaspoon%s.", m.cementVolumeMl,
                                                      std::max(1.0f, std::round(m.cementVolumeMl / 5.0f)), m.cementVolumeMl > 7.5f ? "s" : "");
    float visible = 0.0f;
    for (const Measurements::Leak& leak : m.cementLeaks) visible += leak.volumeMl;
    if (visible > 0.0f && m.cementCure > 0.0f)
        ImGui::TextWrapped("A little cement (%.2f millilitres) went just outside the bone. Your team will check it.", visible);
    else if (visible > 0.0f)
        ImGui::TextWrapped("A little cement (%.2f millilitres) has gone just outside the bone. The doctor watches for this on the "
                           "X-ray and can stop.", visible);
    ImGui::PopTextWrapPos();
}

} // namespace

void drawMeasurementsPanel(const Measurements& m, Audience audience, UiInsets* insets, ImFont* patientFont) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = em(0.8f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - margin, viewport->WorkPos.y + margin),
                            ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    // Leave the X-ray panel its least room below; a longer panel scrolls.
    const float reserve = insets ? insets->rightColumnReserve : 0.0f;
    const float tallest = std::max(em(6.0f), viewport->WorkSize.y - 2.0f * margin - reserve);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(std::min(em(32.0f), viewport->WorkSize.x * 0.4f), tallest));
    const char* title = audience == Audience::Patient ? "Your bone###measurements" : "Measurements###measurements";
    if (ImGui::Begin(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoCollapse)) {
        if (audience == Audience::Patient) {
            if (patientFont) ImGui::PushFont(patientFont);
            patientView(m);
            if (patientFont) ImGui::PopFont();
        } else {
            clinicianView(m);
        }
        if (insets) {
            insets->rightColumnTop = std::max(insets->rightColumnTop, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y - viewport->WorkPos.y);
            insets->cornerRight = std::max(insets->cornerRight, viewport->WorkPos.x + viewport->WorkSize.x - ImGui::GetWindowPos().x);
        }
    }
    ImGui::End();
}

} // namespace spineviz
