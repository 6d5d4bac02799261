#include "render/FrameRenderer.h"

namespace spineviz {
namespace {

constexpr float kOcclusionRadiusScale = 0.03f; // of the distance to the eye: ~3.5 mm in a close-up of one vertebra

} // namespace

std::string FrameRenderer::init(const std::string& shaderDir, int msaaSamples) {
    msaaSamples_ = msaaSamples;
    std::string error = meshes_.init(shaderDir);
    if (error.empty()) error = post_.init(shaderDir);
    if (error.empty()) error = occlusion_.init(shaderDir);
    return error;
}

void FrameRenderer::render(const FrameScene& frame, const glm::mat4& view, const glm::mat4& projection,
                           const Viewport& viewport, GLuint output) {
    target_.ensure(viewport.width, viewport.height, msaaSamples_);
    target_.bindForDrawing();
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClearDepth(1.0);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    meshes_.draw(frame, view, projection);
    target_.resolve();
    const GLuint occlusion = ambientOcclusion_ ? occlusion_.compute(target_.depthTexture(), projection, viewport.width,
                                                                    viewport.height, kOcclusionRadiusScale)
                                               : 0;

    glBindFramebuffer(GL_FRAMEBUFFER, output);
    glViewport(viewport.x, viewport.y, viewport.width, viewport.height);
    post_.apply(target_.colorTexture(), occlusion, viewport.width, viewport.height, backdrop_, exposure_);
}

} // namespace spineviz
