#pragma once
// One mesh to draw with the lit shader: what the renderer consumes each frame. Whoever assembles
// the frame (the app, from the core's state) decides what goes in; the renderer only draws.

#include "render/Gl.h"

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

namespace spineviz {

class GpuMesh;

struct SurfaceLook {
    glm::vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f}; // linear RGBA; alpha < 1 draws blended
    float metallic = 0.0f;
    float roughness = 0.7f;
    GLuint texture = 0;       // sRGB base-colour texture, 0 for none
    float surfaceDetail = 0.0f; // organic mottling, for tissue
    bool doubleSided = false;
};

struct DrawItem {
    const GpuMesh* mesh = nullptr;
    glm::mat4 model{1.0f};
    SurfaceLook look;
};

} // namespace spineviz
