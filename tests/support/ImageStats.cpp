#include "ImageStats.h"

#include <cmath>
#include <cstdlib>

namespace spineviz::test {

glm::u8vec4 pixel(const Image& image, int x, int y) {
    const std::size_t i = (std::size_t(y) * image.width + x) * 4;
    return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2], image.rgba[i + 3]};
}

Coverage coverage(const Image& image, const std::function<bool(glm::u8vec4)>& selected) {
    Coverage c;
    std::size_t count = 0;
    c.minX = image.width;
    c.minY = image.height;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const glm::u8vec4 p = pixel(image, x, y);
            if (!selected(p)) continue;
            ++count;
            c.centroid += glm::dvec2(x, y);
            c.meanColor += glm::dvec3(p.x, p.y, p.z);
            c.minX = std::min(c.minX, x);
            c.minY = std::min(c.minY, y);
            c.maxX = std::max(c.maxX, x);
            c.maxY = std::max(c.maxY, y);
        }
    if (count > 0) {
        c.centroid /= double(count);
        c.meanColor /= double(count);
    }
    c.fraction = image.width * image.height > 0 ? double(count) / (double(image.width) * image.height) : 0.0;
    return c;
}

bool isForeground(glm::u8vec4 p) { return int(p.x) + int(p.y) + int(p.z) > 3 * 70; }

double meanDifference(const Image& a, const Image& b) {
    if (a.rgba.size() != b.rgba.size() || a.rgba.empty()) return 255.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i) sum += std::abs(int(a.rgba[i]) - int(b.rgba[i]));
    return sum / double(a.rgba.size());
}

} // namespace spineviz::test
