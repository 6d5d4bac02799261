#pragma once
// The vertebral levels spineviz models, in cranio-caudal order, and the node names that carry them
// (the TotalSegmentator label names, so a segmented CT exported to glTF can follow the same scheme).

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace spineviz {

inline constexpr std::array<std::string_view, 17> kVertebraLevels = {
    "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5"};

// Levels a procedure may treat: vertebral augmentation is done from T5 down to L5.
inline constexpr std::string_view kFirstTreatableLevel = "T5";

inline bool isThoracic(std::string_view level) { return !level.empty() && level.front() == 'T'; }
inline bool isLumbar(std::string_view level) { return !level.empty() && level.front() == 'L'; }

// Index in kVertebraLevels, or nullopt when the name is not a modelled level.
inline std::optional<int> levelIndex(std::string_view level) {
    for (int i = 0; i < static_cast<int>(kVertebraLevels.size()); ++i)
        if (kVertebraLevels[i] == level) return i;
    return std::nullopt;
}

inline std::string vertebraNodeName(std::string_view level) { return "vertebrae_" + std::string(level); }

// "disc_T12_L1": the disc below `upper`.
inline std::string discNodeName(std::string_view upper, std::string_view lower) {
    return "disc_" + std::string(upper) + "_" + std::string(lower);
}

} // namespace spineviz
