#pragma once
// The fluoroscopy panel: the X-ray views as picture-in-picture monitors beside the 3D view (each
// can be enlarged or made fullscreen), the beam controls (live / single shot), the C-arm controls
// (presets, orbital and angular rotation) and the exposure counters. It reports requests; the app
// applies them to its FluoroSession (applyFluoroRequests does exactly that).

#include "ui/UiInsets.h"
#include "core/xray/FluoroSession.h"

#include <array>
#include <optional>

namespace spineviz {

struct FluoroPanelView {
    const xray::FluoroSession* session = nullptr;
    std::array<unsigned int, xray::kFluoroViews> textures{}; // GL texture names of the images
};

// Where the monitors are: kept by the app between frames.
struct FluoroPanelLayout {
    int enlarged = -1;   // a view shown large in the panel, or -1
    int fullscreen = -1; // a view covering the window, or -1
    int controlled = 0;  // the view whose C-arm the controls move
    float chrome = 0.0f; // height of everything but the images, measured last frame (0: not yet)
    float minimumHeight = 0.0f; // the panel with its monitors at their smallest (0: closed)
};

struct FluoroRequests {
    bool open = false;
    bool close = false;
    std::optional<std::array<bool, xray::kFluoroViews>> shown;
    std::optional<std::pair<int, xray::CArmPreset>> preset;
    struct Angles {
        int view;
        float orbital, angular; // radians
    };
    std::optional<Angles> angles;
    std::optional<std::pair<int, bool>> live;
    std::optional<bool> allLive;
    std::optional<int> shot;
    bool shotAll = false;
    std::optional<xray::XrayLook> look;
    std::optional<bool> trueSizeCArm;
    std::optional<bool> magnified;
    bool resetExposure = false;
    bool acknowledgeReminder = false;
};

// The panel when the fluoroscopy is open, a small launcher button when it is closed.
// `insets`, if given, learns how much of the right edge the monitors cover.
FluoroRequests drawFluoroPanel(const FluoroPanelView& view, FluoroPanelLayout& layout, UiInsets* insets = nullptr);
void applyFluoroRequests(const FluoroRequests& requests, xray::FluoroSession& session);

} // namespace spineviz
