#include "render/PostProcess.h"

#include "render/GlTexture.h"

namespace spineviz {

PostProcess::~PostProcess() {
    if (emptyVao_) glDeleteVertexArrays(1, &emptyVao_);
    if (white_) glDeleteTextures(1, &white_);
}

std::string PostProcess::init(const std::string& shaderDir) {
    if (!emptyVao_) glGenVertexArrays(1, &emptyVao_);
    if (!white_) {
        const unsigned char white = 255;
        white_ = makeTexture2D(1, 1, GL_R8, GL_RED, GL_UNSIGNED_BYTE, GL_NEAREST, &white);
    }
    return program_.load(shaderDir, "fullscreen.vert", "post.frag");
}

void PostProcess::apply(GLuint sceneTexture, GLuint occlusion, int width, int height, const Backdrop& backdrop, float exposure) {
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    program_.use();
    program_.set("uScene", 0);
    program_.set("uBackgroundTop", backdrop.top);
    program_.set("uBackgroundBottom", backdrop.bottom);
    program_.set("uExposure", exposure);
    program_.set("uResolution", glm::vec2(width, height));
    program_.set("uOcclusion", 1);
    program_.set("uOcclusionStrength", occlusion ? 0.85f : 0.0f);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, occlusion ? occlusion : white_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, sceneTexture);
    glBindVertexArray(emptyVao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

} // namespace spineviz
