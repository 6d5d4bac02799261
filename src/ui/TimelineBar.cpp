#include "ui/TimelineBar.h"

#include <imgui.h>

#include <algorithm>

namespace spineviz {

std::optional<double> drawTimelineBar(const Timeline& timeline, double time, float width) {
    const float height = ImGui::GetFontSize() * 1.4f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##timeline", ImVec2(width, height));
    const bool dragging = ImGui::IsItemActive();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const double duration = timeline.duration();
    const auto xOf = [&](double t) { return origin.x + static_cast<float>(t / duration) * width; };
    const float barTop = origin.y + height * 0.3f, barBottom = origin.y + height * 0.7f;
    const float rounding = height * 0.2f;

    // Phase segments in two alternating tones, the elapsed part brighter.
    const auto& phases = timeline.phases();
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const float x0 = xOf(phases[i].start), x1 = xOf(phases[i].end());
        const ImU32 tone = i % 2 ? IM_COL32(58, 72, 92, 255) : IM_COL32(48, 60, 78, 255);
        draw->AddRectFilled(ImVec2(x0, barTop), ImVec2(x1, barBottom), tone);
        const float done = std::clamp(xOf(time), x0, x1);
        if (done > x0) draw->AddRectFilled(ImVec2(x0, barTop), ImVec2(done, barBottom), i % 2 ? IM_COL32(96, 160, 214, 255) : IM_COL32(84, 146, 200, 255));
        if (i > 0) draw->AddLine(ImVec2(x0, origin.y + height * 0.15f), ImVec2(x0, origin.y + height * 0.85f), IM_COL32(200, 210, 225, 160), 1.5f);
    }
    draw->AddRect(ImVec2(origin.x, barTop), ImVec2(origin.x + width, barBottom), IM_COL32(140, 160, 190, 120), rounding);
    // The playhead.
    const float x = xOf(time);
    draw->AddCircleFilled(ImVec2(x, origin.y + height * 0.5f), height * 0.32f, IM_COL32(235, 242, 250, 255));
    draw->AddCircle(ImVec2(x, origin.y + height * 0.5f), height * 0.32f, IM_COL32(60, 120, 180, 255), 0, 2.0f);

    if (ImGui::IsItemHovered()) {
        const float mouse = ImGui::GetIO().MousePos.x;
        const PhaseTime hovered = timeline.at(std::clamp((mouse - origin.x) / width, 0.0f, 1.0f) * duration);
        ImGui::SetTooltip("%d. %s", hovered.index + 1, phaseName(hovered.id));
    }
    if (!dragging) return std::nullopt;
    const float fraction = std::clamp((ImGui::GetIO().MousePos.x - origin.x) / width, 0.0f, 1.0f);
    return fraction * duration;
}

} // namespace spineviz
