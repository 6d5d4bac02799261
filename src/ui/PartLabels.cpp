#include "ui/PartLabels.h"

#include "core/content/Learn.h"

#include <imgui.h>

#include <algorithm>

namespace spineviz {
namespace {

struct ScreenLabel {
    const PlacedLabel* label;
    ImVec2 anchor;   // the point named
    ImVec2 box;      // top-left of the text box
    ImVec2 size;
    bool right;      // the label sits right of the anatomy
};

} // namespace

void drawPartLabels(const std::vector<PlacedLabel>& labels, const glm::mat4& viewProjection, float width, float height,
                    const std::string& whole, LabelTone tone) {
    std::vector<ScreenLabel> placed;
    float centreX = 0.0f;
    ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
    for (const PlacedLabel& label : labels) {
        const glm::vec4 clip = viewProjection * glm::vec4(label.world, 1.0f);
        if (clip.w <= 0.0f) continue;
        const ImVec2 p((clip.x / clip.w * 0.5f + 0.5f) * width, (0.5f - clip.y / clip.w * 0.5f) * height);
        if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue;
        placed.push_back({&label, p, ImVec2(), ImGui::CalcTextSize(label.term.c_str()), false});
        centreX += p.x;
        lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
        hi = ImVec2(std::max(hi.x, p.x), std::max(hi.y, p.y));
    }
    if (placed.empty()) return;
    centreX /= float(placed.size());
    // Too small to name its parts apart: name the bone.
    PlacedLabel single{whole, glm::vec3(0.0f)};
    if (placed.size() > 1 && std::max(hi.x - lo.x, hi.y - lo.y) < ImGui::GetFontSize() * 9.0f) {
        const ImVec2 centre(0.5f * (lo.x + hi.x), 0.5f * (lo.y + hi.y));
        placed.assign(1, {&single, centre, ImVec2(), ImGui::CalcTextSize(whole.c_str()), false});
        centreX = centre.x - 1.0f;
    }

    // Labels go out to the side their point is on, stacked so they never overlap.
    const float gap = ImGui::GetFontSize() * 0.35f, pad = ImGui::GetFontSize() * 0.3f, reach = ImGui::GetFontSize() * 4.0f;
    std::sort(placed.begin(), placed.end(), [](const ScreenLabel& a, const ScreenLabel& b) { return a.anchor.y < b.anchor.y; });
    float nextY[2] = {-1e9f, -1e9f};
    for (ScreenLabel& s : placed) {
        s.right = s.anchor.x >= centreX;
        const float boxHeight = s.size.y + 2 * pad;
        const float y = std::max(s.anchor.y - 0.5f * boxHeight, nextY[s.right]);
        nextY[s.right] = y + boxHeight + gap;
        const float x = s.right ? s.anchor.x + reach : s.anchor.x - reach - s.size.x - 2 * pad;
        s.box = ImVec2(std::clamp(x, 0.0f, width - s.size.x - 2 * pad), y);
    }

    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const bool warning = tone == LabelTone::Warning;
    const ImU32 boxColour = warning ? IM_COL32(92, 44, 10, 230) : IM_COL32(18, 26, 38, 215);
    const ImU32 lineColour = warning ? IM_COL32(255, 180, 90, 230) : IM_COL32(235, 240, 250, 200);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (const ScreenLabel& s : placed) {
        const ImVec2 boxMax(s.box.x + s.size.x + 2 * pad, s.box.y + s.size.y + 2 * pad);
        const ImVec2 attach(s.right ? s.box.x : boxMax.x, 0.5f * (s.box.y + boxMax.y));
        draw->AddLine(s.anchor, attach, lineColour, 1.5f);
        draw->AddCircleFilled(s.anchor, pad * 0.9f, lineColour);
        draw->AddRectFilled(s.box, boxMax, boxColour, pad);
        draw->AddText(ImVec2(s.box.x + pad, s.box.y + pad), IM_COL32(235, 242, 250, 255), s.label->term.c_str());
        const bool hovered = mouse.x >= s.box.x && mouse.x <= boxMax.x && mouse.y >= s.box.y && mouse.y <= boxMax.y;
        if (hovered)
            if (const GlossaryEntry* entry = findGlossaryEntry(warning ? "Cement leakage" : s.label == &single ? "Vertebra" : s.label->term)) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
                ImGui::TextUnformatted(entry->plain.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
    }
}

} // namespace spineviz
