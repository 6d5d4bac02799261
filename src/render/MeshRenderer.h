#pragma once
// Draws DrawItems with the lit shader (shaders/mesh.vert + mesh.frag): opaque first, then
// translucent ones back to front.

#include "render/DrawItem.h"
#include "render/ShaderProgram.h"

#include <string>
#include <vector>

namespace spineviz {

class MeshRenderer {
public:
    std::string init(const std::string& shaderDir);
    void draw(const std::vector<DrawItem>& items, const glm::mat4& view, const glm::mat4& projection);

private:
    void drawOne(const DrawItem& item);

    ShaderProgram program_;
};

} // namespace spineviz
