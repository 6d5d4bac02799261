#pragma once
// A tiny CPU z-buffer rasteriser for previews: orthographic, smooth (per-pixel normal) Lambert
// shading with a key and a fill light, rim darkening, and box-filter downsampling for anti-aliasing.

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace spine_model::preview {

struct Camera {
    glm::vec3 forward{0, 0, -1}; // view direction (unit)
    glm::vec3 up{0, 1, 0};
    glm::vec3 centre{0.0f};      // world point at the image centre
    float halfHeight = 1.0f;     // world units visible above the centre
};

class Rasteriser {
public:
    Rasteriser(int width, int height, int supersample);
    // Triangles in world space with per-vertex world normals; colour is linear RGB.
    void drawMesh(const std::vector<glm::vec3>& positions, const std::vector<glm::vec3>& normals,
                  const std::vector<std::uint32_t>& indices, const glm::vec3& colour, const Camera& camera,
                  const glm::vec4* clipPlane = nullptr);
    void setWireframe(bool on) { wire_ = on; }
    // 8-bit sRGB RGB pixels at the output size.
    std::vector<std::uint8_t> resolve(const glm::vec3& background) const;

private:
    struct Sample { float depth; glm::vec3 colour; bool covered; };
    int width_, height_, ss_;
    bool wire_ = false;
    std::vector<Sample> samples_;
};

} // namespace spine_model::preview
