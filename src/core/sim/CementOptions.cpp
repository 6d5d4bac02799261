#include "core/sim/CementOptions.h"

namespace spineviz {

const char* boneQualityName(BoneQuality quality) {
    switch (quality) {
    case BoneQuality::Osteoporotic: return "osteoporotic";
    case BoneQuality::Osteopenic: return "osteopenic";
    case BoneQuality::Normal: return "normal";
    }
    return "osteoporotic";
}

std::optional<BoneQuality> parseBoneQuality(const std::string& name) {
    for (BoneQuality q : {BoneQuality::Osteoporotic, BoneQuality::Osteopenic, BoneQuality::Normal})
        if (name == boneQualityName(q)) return q;
    return std::nullopt;
}

std::optional<CementKind> parseCementKind(const std::string& name) {
    if (name == "low-viscosity" || name == "low") return CementKind::LowViscosity;
    if (name == "high-viscosity" || name == "high") return CementKind::HighViscosity;
    return std::nullopt;
}

} // namespace spineviz
