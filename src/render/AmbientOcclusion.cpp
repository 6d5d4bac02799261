#include "render/AmbientOcclusion.h"

#include "render/GlTexture.h"

#include <algorithm>

namespace spineviz {

AmbientOcclusion::~AmbientOcclusion() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (texture_) glDeleteTextures(1, &texture_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
}

std::string AmbientOcclusion::init(const std::string& shaderDir) {
    if (!vao_) glGenVertexArrays(1, &vao_);
    return program_.load(shaderDir, "fullscreen.vert", "ssao.frag");
}

void AmbientOcclusion::ensure(int width, int height) {
    if (width == width_ && height == height_ && fbo_) return;
    width_ = width;
    height_ = height;
    if (texture_) glDeleteTextures(1, &texture_);
    texture_ = makeTexture2D(width, height, GL_R8, GL_RED, GL_UNSIGNED_BYTE, GL_LINEAR);
    if (!fbo_) glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
}

GLuint AmbientOcclusion::compute(GLuint depthTexture, const glm::mat4& projection, int width, int height, float radiusScale) {
    const int w = std::max(1, width / 2), h = std::max(1, height / 2);
    ensure(w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glViewport(0, 0, w, h);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    program_.use();
    program_.set("uDepth", 0);
    program_.set("uProjection", projection);
    program_.set("uInverseProjection", glm::inverse(projection));
    program_.set("uRadiusScale", radiusScale);
    program_.set("uTexel", glm::vec2(1.0f / float(width), 1.0f / float(height)));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, depthTexture);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    return texture_;
}

} // namespace spineviz
