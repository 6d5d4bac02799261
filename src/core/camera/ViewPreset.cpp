#include "core/camera/ViewPreset.h"

namespace spineviz {

const char* viewPresetName(ViewPreset preset) {
    switch (preset) {
    case ViewPreset::Anterior: return "anterior";
    case ViewPreset::Posterior: return "posterior";
    case ViewPreset::LeftLateral: return "left";
    case ViewPreset::RightLateral: return "right";
    case ViewPreset::Superior: return "superior";
    }
    return "anterior";
}

const char* viewPresetLabel(ViewPreset preset) {
    switch (preset) {
    case ViewPreset::Anterior: return "Front";
    case ViewPreset::Posterior: return "Back";
    case ViewPreset::LeftLateral: return "Left side";
    case ViewPreset::RightLateral: return "Right side";
    case ViewPreset::Superior: return "From above";
    }
    return "Front";
}

std::optional<ViewPreset> parseViewPreset(const std::string& name) {
    for (ViewPreset preset : kAllViewPresets)
        if (name == viewPresetName(preset)) return preset;
    if (name == "lateral") return ViewPreset::LeftLateral;
    return std::nullopt;
}

} // namespace spineviz
