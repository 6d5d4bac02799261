#include "ui/PresenterOverlay.h"

#include <imgui.h>

namespace spineviz {

void drawPresenterOverlay(const PresenterOverlay& overlay) {
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    if (overlay.black) {
        draw->AddRectFilled(viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y),
                            IM_COL32(0, 0, 0, 255));
        return;
    }
    if (!overlay.pointer || !ImGui::IsMousePosValid()) return;
    // Sized to the window (the font follows its height), so it reads the same on any screen.
    const ImVec2 at = ImGui::GetIO().MousePos;
    const float radius = ImGui::GetFontSize() * 1.6f;
    draw->AddCircleFilled(at, radius, IM_COL32(255, 190, 60, 70), 48);
    draw->AddCircle(at, radius, IM_COL32(255, 200, 80, 230), 48, ImGui::GetFontSize() * 0.18f);
    draw->AddCircleFilled(at, ImGui::GetFontSize() * 0.22f, IM_COL32(255, 225, 150, 255), 16);
}

} // namespace spineviz
