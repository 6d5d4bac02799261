#include "core/sim/Leak.h"

namespace spineviz {

const char* leakTypeName(LeakType type) {
    switch (type) {
    case LeakType::Basivertebral: return "basivertebral";
    case LeakType::SegmentalVein: return "segmental";
    case LeakType::Paravertebral: return "paravertebral";
    case LeakType::Intradiscal: return "intradiscal";
    case LeakType::SpinalCanal: return "canal";
    }
    return "paravertebral";
}

const char* leakTypeCode(LeakType type) {
    switch (type) {
    case LeakType::Basivertebral: return "B";
    case LeakType::SegmentalVein: return "S";
    case LeakType::Paravertebral: return "C";
    case LeakType::Intradiscal: return "D";
    case LeakType::SpinalCanal: return "C";
    }
    return "C";
}

const char* leakTypeTitle(LeakType type) {
    switch (type) {
    case LeakType::Basivertebral: return "Basivertebral vein (type B)";
    case LeakType::SegmentalVein: return "Segmental vein (type S)";
    case LeakType::Paravertebral: return "Paravertebral, through a cortical break (type C)";
    case LeakType::Intradiscal: return "Into the disc (type D)";
    case LeakType::SpinalCanal: return "Spinal canal, through the posterior wall (type C)";
    }
    return "Leak";
}

} // namespace spineviz
