#pragma once
// The "View" panel: what is shown, camera presets, display settings. It reports what the user
// asked for; the app carries it out.

#include "core/camera/ViewPreset.h"
#include "ui/UiInsets.h"

#include <cstddef>
#include <optional>
#include <string>

namespace spineviz {

struct ViewPanelInfo {
    std::string modelName;
    std::size_t triangles = 0;
    float framesPerSecond = 0.0f;
    int msaaSamples = 0;
    bool fullscreen = false;
    float uiScale = 1.0f; // the user's factor
    bool belowOtherPanels = false; // sit at the bottom left, collapsed, when the procedure panel has the top
};

struct ViewPanelActions {
    std::optional<ViewPreset> preset;
    bool frameAll = false;
    bool screenshot = false;
    bool toggleFullscreen = false;
    bool hideUi = false;
    std::optional<float> uiScale;
};

// `insets`, if given, learns the corner it takes at the bottom left.
ViewPanelActions drawViewPanel(const ViewPanelInfo& info, UiInsets* insets = nullptr);

// A short message that fades out at the bottom of the screen (e.g. where a screenshot went).
void drawToast(const std::string& text, float opacity);

} // namespace spineviz
