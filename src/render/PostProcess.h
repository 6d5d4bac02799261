#pragma once
// Tone maps the HDR scene texture over the backdrop into the current framebuffer (post.frag).

#include "render/ShaderProgram.h"

#include <glm/vec3.hpp>
#include <string>

namespace spineviz {

struct Backdrop {
    glm::vec3 top{0.050f, 0.066f, 0.092f};    // linear; a calm deep slate
    glm::vec3 bottom{0.010f, 0.012f, 0.018f};
};

class PostProcess {
public:
    ~PostProcess();
    std::string init(const std::string& shaderDir);
    // `occlusion` may be 0 for none.
    void apply(GLuint sceneTexture, GLuint occlusion, int width, int height, const Backdrop& backdrop, float exposure);

private:
    ShaderProgram program_;
    GLuint emptyVao_ = 0; // core profile needs a bound VAO even without attributes
    GLuint white_ = 0;    // a 1x1 "no occlusion" texture
};

} // namespace spineviz
