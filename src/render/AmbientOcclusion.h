#pragma once
// Screen-space ambient occlusion at half resolution: how much nearby geometry hides each pixel from
// soft surrounding light. It gives the crevices of bone (facet joints, foramina, the underside of
// processes) the depth they have in real light. Computed from the depth buffer alone.

#include "render/ShaderProgram.h"

#include <glm/mat4x4.hpp>
#include <string>

namespace spineviz {

class AmbientOcclusion {
public:
    ~AmbientOcclusion();
    std::string init(const std::string& shaderDir);
    // Returns a texture of occlusion (1 = open, 0 = fully hidden) for the depth of this frame.
    // The sampling radius is `radiusScale` times each pixel's distance from the eye.
    GLuint compute(GLuint depthTexture, const glm::mat4& projection, int width, int height, float radiusScale);

private:
    void ensure(int width, int height);

    ShaderProgram program_;
    GLuint fbo_ = 0, texture_ = 0, vao_ = 0;
    int width_ = 0, height_ = 0;
};

} // namespace spineviz
