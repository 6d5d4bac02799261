#include "ui/PartLabels.h"

#include "core/content/Learn.h"

#include <imgui.h>

#include <algorithm>

namespace spineviz {
namespace {

struct ScreenLabel {
    const PlacedLabel* label;
    ImVec2 anchor; // the point named
    ImVec2 size;   // of its text
};

} // namespace

void layoutLabelBoxes(std::vector<LabelBox>& boxes, float centreX, float width, LabelRoom room, float fontSize) {
    // Labels go out to the side their point is on, stacked so they never overlap.
    const float gap = fontSize * 0.35f, reach = fontSize * 4.0f;
    std::vector<LabelBox*> byHeight;
    for (LabelBox& b : boxes) byHeight.push_back(&b);
    std::stable_sort(byHeight.begin(), byHeight.end(), [](const LabelBox* a, const LabelBox* b) { return a->anchor.y < b->anchor.y; });
    float nextY[2] = {-1e9f, -1e9f};
    const float roomLeft = std::max(room.left, 0.0f), roomRight = room.right > roomLeft ? std::min(room.right, width) : width;
    for (LabelBox* b : byHeight) {
        const float spareRight = roomRight - (b->anchor.x + reach + b->size.x), spareLeft = b->anchor.x - reach - b->size.x - roomLeft;
        b->right = b->anchor.x >= centreX;
        if (b->right && spareRight < 0.0f && spareLeft > spareRight) b->right = false;
        else if (!b->right && spareLeft < 0.0f && spareRight > spareLeft) b->right = true;
        const float y = std::max(b->anchor.y - 0.5f * b->size.y, nextY[b->right]);
        nextY[b->right] = y + b->size.y + gap;
        // The leader shortens (down to a gap) before the box runs into a panel.
        const float x = b->right ? std::max(b->anchor.x + gap, std::min(b->anchor.x + reach, roomRight - b->size.x))
                                 : std::min(b->anchor.x - gap - b->size.x, std::max(b->anchor.x - reach - b->size.x, roomLeft));
        b->topLeft = glm::vec2(std::clamp(x, 0.0f, std::max(width - b->size.x, 0.0f)), y);
    }
}

void drawPartLabels(const std::vector<PlacedLabel>& labels, const glm::mat4& viewProjection, float width, float height,
                    LabelRoom room, const std::string& whole, LabelTone tone) {
    std::vector<ScreenLabel> placed;
    float centreX = 0.0f;
    ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
    for (const PlacedLabel& label : labels) {
        const glm::vec4 clip = viewProjection * glm::vec4(label.world, 1.0f);
        if (clip.w <= 0.0f) continue;
        const ImVec2 p((clip.x / clip.w * 0.5f + 0.5f) * width, (0.5f - clip.y / clip.w * 0.5f) * height);
        if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue;
        placed.push_back({&label, p, ImGui::CalcTextSize(label.term.c_str())});
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
        placed.assign(1, {&single, centre, ImGui::CalcTextSize(whole.c_str())});
        centreX = centre.x - 1.0f;
    }

    const float pad = ImGui::GetFontSize() * 0.3f;
    std::vector<LabelBox> boxes;
    for (const ScreenLabel& s : placed)
        boxes.push_back({glm::vec2(s.anchor.x, s.anchor.y), glm::vec2(s.size.x + 2 * pad, s.size.y + 2 * pad)});
    layoutLabelBoxes(boxes, centreX, width, room, ImGui::GetFontSize());

    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const bool warning = tone == LabelTone::Warning;
    const ImU32 boxColour = warning ? IM_COL32(92, 44, 10, 230) : IM_COL32(18, 26, 38, 215);
    const ImU32 lineColour = warning ? IM_COL32(255, 180, 90, 230) : IM_COL32(235, 240, 250, 200);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const ScreenLabel& s = placed[i];
        const ImVec2 box(boxes[i].topLeft.x, boxes[i].topLeft.y), boxMax(box.x + boxes[i].size.x, box.y + boxes[i].size.y);
        const ImVec2 attach(boxes[i].right ? box.x : boxMax.x, 0.5f * (box.y + boxMax.y));
        draw->AddLine(s.anchor, attach, lineColour, 1.5f);
        draw->AddCircleFilled(s.anchor, pad * 0.9f, lineColour);
        draw->AddRectFilled(box, boxMax, boxColour, pad);
        draw->AddText(ImVec2(box.x + pad, box.y + pad), IM_COL32(235, 242, 250, 255), s.label->term.c_str());
        const bool hovered = mouse.x >= box.x && mouse.x <= boxMax.x && mouse.y >= box.y && mouse.y <= boxMax.y;
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
