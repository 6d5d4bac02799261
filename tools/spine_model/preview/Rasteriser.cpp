#include "preview/Rasteriser.h"

#include <algorithm>
#include <cmath>

namespace spine_model::preview {
namespace {

float toSrgb(float linear) {
    linear = std::clamp(linear, 0.0f, 1.0f);
    return linear <= 0.0031308f ? 12.92f * linear : 1.055f * std::pow(linear, 1.0f / 2.4f) - 0.055f;
}

glm::vec3 shade(const glm::vec3& base, glm::vec3 n, const Camera& camera, const glm::vec3& right, const glm::vec3& up) {
    const glm::vec3 toEye = -camera.forward;
    const bool back = glm::dot(n, toEye) < 0.0f;
    if (back) n = -n; // seen through a cut: the inside of a surface
    const glm::vec3 key = glm::normalize(toEye + 0.7f * up - 0.5f * right);
    const glm::vec3 fill = glm::normalize(toEye - 0.3f * up + 0.8f * right);
    const float diffuse = 0.72f * std::max(0.0f, glm::dot(n, key)) + 0.22f * std::max(0.0f, glm::dot(n, fill));
    const glm::vec3 half = glm::normalize(key + toEye);
    const float specular = 0.10f * std::pow(std::max(0.0f, glm::dot(n, half)), 24.0f);
    const float facing = std::max(0.0f, glm::dot(n, toEye));
    const float ambient = 0.16f + 0.10f * facing;
    glm::vec3 c = base * (ambient + diffuse) + glm::vec3(specular);
    return back ? c * 0.45f : c;
}

} // namespace

Rasteriser::Rasteriser(int width, int height, int supersample)
    : width_(width), height_(height), ss_(supersample),
      samples_(static_cast<std::size_t>(width * supersample) * static_cast<std::size_t>(height * supersample), Sample{1e30f, glm::vec3(0), false}) {}

void Rasteriser::drawMesh(const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals,
                          const std::vector<std::uint32_t>& indices, const glm::vec3& colour, const Camera& camera,
                          const glm::vec4* clipPlane) {
    const int W = width_ * ss_, H = height_ * ss_;
    const glm::vec3 right = glm::normalize(glm::cross(camera.forward, camera.up));
    const glm::vec3 up = glm::cross(right, camera.forward);
    const float aspect = static_cast<float>(W) / static_cast<float>(H);
    auto project = [&](const glm::vec3& p) {
        const glm::vec3 d = p - camera.centre;
        return glm::vec3((glm::dot(d, right) / (camera.halfHeight * aspect) * 0.5f + 0.5f) * W,
                         (0.5f - glm::dot(d, up) / camera.halfHeight * 0.5f) * H, glm::dot(d, camera.forward));
    };
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const std::uint32_t i0 = indices[t], i1 = indices[t + 1], i2 = indices[t + 2];
        const glm::vec3 s0 = project(positions[i0]), s1 = project(positions[i1]), s2 = project(positions[i2]);
        const float area = (s1.x - s0.x) * (s2.y - s0.y) - (s2.x - s0.x) * (s1.y - s0.y);
        if (std::abs(area) < 1e-12f) continue;
        const int x0 = std::max(0, static_cast<int>(std::floor(std::min({s0.x, s1.x, s2.x}))));
        const int x1 = std::min(W - 1, static_cast<int>(std::ceil(std::max({s0.x, s1.x, s2.x}))));
        const int y0 = std::max(0, static_cast<int>(std::floor(std::min({s0.y, s1.y, s2.y}))));
        const int y1 = std::min(H - 1, static_cast<int>(std::ceil(std::max({s0.y, s1.y, s2.y}))));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const float px = static_cast<float>(x) + 0.5f, py = static_cast<float>(y) + 0.5f;
                const float w0 = ((s1.x - px) * (s2.y - py) - (s2.x - px) * (s1.y - py)) / area;
                const float w1 = ((s2.x - px) * (s0.y - py) - (s0.x - px) * (s2.y - py)) / area;
                const float w2 = 1.0f - w0 - w1;
                if (w0 < 0.0f || w1 < 0.0f || w2 < 0.0f) continue;
                const float depth = w0 * s0.z + w1 * s1.z + w2 * s2.z;
                Sample& sample = samples_[static_cast<std::size_t>(y) * W + x];
                if (depth >= sample.depth) continue;
                if (clipPlane) {
                    const glm::vec3 world = w0 * positions[i0] + w1 * positions[i1] + w2 * positions[i2];
                    if (glm::dot(glm::vec3(*clipPlane), world) + clipPlane->w > 0.0f) continue;
                }
                const glm::vec3 n = glm::normalize(w0 * normals[i0] + w1 * normals[i1] + w2 * normals[i2]);
                glm::vec3 c = shade(colour, n, camera, right, up);
                if (wire_) {
                    // Distance to each edge in pixels: w_i * |2 area| / |opposite edge|.
                    const float e0 = glm::length(glm::vec2(s2 - s1)), e1 = glm::length(glm::vec2(s0 - s2)), e2 = glm::length(glm::vec2(s1 - s0));
                    const float d = std::min({w0 * std::abs(area) / e0, w1 * std::abs(area) / e1, w2 * std::abs(area) / e2});
                    if (d < 0.6f * static_cast<float>(ss_)) c *= 0.35f;
                }
                sample = {depth, c, true};
            }
    }
}

std::vector<std::uint8_t> Rasteriser::resolve(const glm::vec3& background) const {
    std::vector<std::uint8_t> out(static_cast<std::size_t>(width_) * height_ * 3);
    const int W = width_ * ss_;
    for (int y = 0; y < height_; ++y)
        for (int x = 0; x < width_; ++x) {
            glm::vec3 sum(0.0f);
            for (int dy = 0; dy < ss_; ++dy)
                for (int dx = 0; dx < ss_; ++dx) {
                    const Sample& s = samples_[static_cast<std::size_t>(y * ss_ + dy) * W + (x * ss_ + dx)];
                    sum += s.covered ? s.colour : background;
                }
            sum /= static_cast<float>(ss_ * ss_);
            for (int c = 0; c < 3; ++c)
                out[(static_cast<std::size_t>(y) * width_ + x) * 3 + c] = static_cast<std::uint8_t>(std::lround(255.0f * toSrgb(sum[c])));
        }
    return out;
}

} // namespace spine_model::preview
