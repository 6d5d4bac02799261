#pragma once
// Measurements on rendered images, for golden-image style checks with tolerances: where an object
// is, how much of the frame it covers and what colour it has.

#include "core/scene/Scene.h"

#include <functional>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace spineviz::test {

struct Coverage {
    double fraction = 0.0;   // of all pixels
    glm::dvec2 centroid{0.0}; // in pixels, origin top-left
    glm::dvec3 meanColor{0.0}; // 0..255
    int minX = 0, minY = 0, maxX = -1, maxY = -1;
};

glm::u8vec4 pixel(const Image& image, int x, int y);
// Statistics over the pixels for which `selected` is true.
Coverage coverage(const Image& image, const std::function<bool(glm::u8vec4)>& selected);
// Pixels clearly brighter than the dark backdrop: the rendered object.
bool isForeground(glm::u8vec4 p);
// Mean absolute per-channel difference (0..255) between two same-sized images.
double meanDifference(const Image& a, const Image& b);

} // namespace spineviz::test
