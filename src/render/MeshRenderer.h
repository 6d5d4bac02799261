#pragma once
// Draws a FrameScene with the lit shader (shaders/mesh.vert + mesh.frag): opaque surfaces, then
// the cut faces of sectioned solids (shaders/cap.frag, by stencil parity), then translucent and
// ghost surfaces back to front.

#include "render/DrawItem.h"
#include "render/ShaderProgram.h"

#include <string>
#include <vector>

namespace spineviz {

class MeshRenderer {
public:
    ~MeshRenderer();
    std::string init(const std::string& shaderDir);
    void draw(const FrameScene& frame, const glm::mat4& view, const glm::mat4& projection);

private:
    void setFrameUniforms(ShaderProgram& program, const FrameScene& frame, const glm::mat4& view, const glm::mat4& projection);
    void drawSurface(const DrawItem& item, const FrameScene& frame);
    void drawCaps(const FrameScene& frame, const glm::mat4& view, const glm::mat4& projection);
    void drawCapQuad(const DrawItem& item, const FrameScene& frame);

    ShaderProgram surface_;
    ShaderProgram cap_;
    GLuint quadVao_ = 0, quadBuffer_ = 0;
};

} // namespace spineviz
