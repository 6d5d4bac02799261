#include "core/sim/CementField.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spineviz {

double CementField::Track::at(float t, std::size_t* count) const {
    const std::size_t n = std::size_t(std::upper_bound(times.begin(), times.end(), t) - times.begin());
    if (count) *count = n;
    return n == 0 ? 0.0 : cumulativeMl[n - 1];
}

void CementField::finish() {
    const std::size_t parts = 1 + leaks.size();
    std::vector<std::vector<std::size_t>> members(parts);
    std::vector<std::size_t> every;
    for (std::size_t i = 0; i < fillTime.size(); ++i) {
        if (!std::isfinite(fillTime[i])) continue;
        every.push_back(i);
        const std::size_t p = std::size_t(partOf(i));
        if (p < parts) members[p].push_back(i);
    }
    const auto build = [&](std::vector<std::size_t>& cells, Track& track) {
        std::stable_sort(cells.begin(), cells.end(), [&](std::size_t a, std::size_t b) { return fillTime[a] < fillTime[b]; });
        track = {};
        track.times.reserve(cells.size());
        track.cumulativeMl.reserve(cells.size());
        double ml = 0.0, mx = 0.0, my = 0.0, mz = 0.0;
        const int nx = grid.nx, ny = grid.ny;
        for (std::size_t c : cells) {
            const double v = cementMlOf(c);
            const int x = int(c % std::size_t(nx)), y = int((c / std::size_t(nx)) % std::size_t(ny)),
                      z = int(c / (std::size_t(nx) * std::size_t(ny)));
            const glm::vec3 p = grid.centre(x, y, z);
            ml += v;
            mx += v * p.x;
            my += v * p.y;
            mz += v * p.z;
            track.times.push_back(fillTime[c]);
            track.cumulativeMl.push_back(ml);
            track.momentX.push_back(mx);
            track.momentY.push_back(my);
            track.momentZ.push_back(mz);
        }
    };
    tracks_.assign(parts, Track{});
    for (std::size_t p = 0; p < parts; ++p) build(members[p], tracks_[p]);
    build(every, all_);
}

float CementField::volumeAt(float t) const { return static_cast<float>(all_.at(t)); }

float CementField::retainedVolumeAt(float t) const { return tracks_.empty() ? 0.0f : static_cast<float>(tracks_[0].at(t)); }

float CementField::leakedVolumeAt(float t) const {
    double sum = 0.0;
    for (std::size_t p = 1; p < tracks_.size(); ++p) sum += tracks_[p].at(t);
    return static_cast<float>(sum);
}

float CementField::leakVolumeAt(int leak, float t) const {
    const std::size_t p = std::size_t(leak) + 1;
    return leak < 0 || p >= tracks_.size() ? 0.0f : static_cast<float>(tracks_[p].at(t));
}

glm::vec3 CementField::leakCentroidAt(int leak, float t) const {
    const std::size_t p = std::size_t(leak) + 1;
    if (leak < 0 || p >= tracks_.size()) return glm::vec3(0.0f);
    std::size_t n = 0;
    const double ml = tracks_[p].at(t, &n);
    if (n == 0 || ml <= 0.0) return leaks[std::size_t(leak)].exitPosition;
    const Track& k = tracks_[p];
    return glm::vec3(float(k.momentX[n - 1] / ml), float(k.momentY[n - 1] / ml), float(k.momentZ[n - 1] / ml));
}

float CementField::injectedVolumeAt(float t) const {
    if (flowMlPerSecond <= 0.0f || t >= injectionSeconds) return volumeAt(t);
    return t <= 0.0f ? 0.0f : flowMlPerSecond * t;
}

namespace {

// The last history sample at or before t (the history is in time order).
const CementSample* sampleAt(const std::vector<CementSample>& history, float t) {
    if (history.empty()) return nullptr;
    auto it = std::upper_bound(history.begin(), history.end(), t, [](float time, const CementSample& s) { return time < s.seconds; });
    return it == history.begin() ? &history.front() : &*(it - 1);
}

} // namespace

float CementField::needleVolumeAt(int needle, float t) const {
    if (needle < 0 || needle > 1 || t < 0.0f) return 0.0f;
    const CementSample* s = sampleAt(history, t);
    return s ? s->needleMl[needle] : 0.0f;
}

float CementField::pressureKPaAt(float t) const {
    if (t < 0.0f) return 0.0f;
    const CementSample* s = sampleAt(history, t);
    return s ? s->pressureKPa : 0.0f;
}

} // namespace spineviz
