#pragma once
// Named camera directions, as an anatomist names views of a patient standing upright.

#include <optional>
#include <string>

namespace spineviz {

enum class ViewPreset { Anterior, Posterior, LeftLateral, RightLateral, Superior };

inline constexpr ViewPreset kAllViewPresets[] = {ViewPreset::Anterior, ViewPreset::Posterior, ViewPreset::LeftLateral,
                                                 ViewPreset::RightLateral, ViewPreset::Superior};

// Command-line name: anterior, posterior, left, right, superior.
const char* viewPresetName(ViewPreset preset);
// Label for the UI.
const char* viewPresetLabel(ViewPreset preset);
std::optional<ViewPreset> parseViewPreset(const std::string& name);

} // namespace spineviz
