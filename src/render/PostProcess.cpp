#include "render/PostProcess.h"

namespace spineviz {

PostProcess::~PostProcess() {
    if (emptyVao_) glDeleteVertexArrays(1, &emptyVao_);
}

std::string PostProcess::init(const std::string& shaderDir) {
    if (!emptyVao_) glGenVertexArrays(1, &emptyVao_);
    return program_.load(shaderDir, "fullscreen.vert", "post.frag");
}

void PostProcess::apply(GLuint sceneTexture, int width, int height, const Backdrop& backdrop, float exposure) {
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    program_.use();
    program_.set("uScene", 0);
    program_.set("uBackgroundTop", backdrop.top);
    program_.set("uBackgroundBottom", backdrop.bottom);
    program_.set("uExposure", exposure);
    program_.set("uResolution", glm::vec2(width, height));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, sceneTexture);
    glBindVertexArray(emptyVao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

} // namespace spineviz
