#include "core/sim/CementField.h"

#include <algorithm>
#include <cmath>

namespace spineviz {

void CementField::finish() {
    sortedTimes_.clear();
    for (float time : fillTime)
        if (std::isfinite(time)) sortedTimes_.push_back(time);
    std::sort(sortedTimes_.begin(), sortedTimes_.end());
}

float CementField::volumeAt(float t) const {
    const auto filled = std::upper_bound(sortedTimes_.begin(), sortedTimes_.end(), t) - sortedTimes_.begin();
    return static_cast<float>(filled) * grid.cellVolumeMl();
}

} // namespace spineviz
