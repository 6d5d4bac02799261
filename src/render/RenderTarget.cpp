#include "render/RenderTarget.h"

#include "render/GlTexture.h"

#include <algorithm>

namespace spineviz {

RenderTarget::~RenderTarget() { release(); }

void RenderTarget::release() {
    if (!resolveFbo_ && !msFbo_ && !resolveColor_) return; // nothing made (maybe no GL context at all)
    const GLuint framebuffers[] = {msFbo_, resolveFbo_};
    const GLuint renderbuffers[] = {msColor_, msDepth_};
    const GLuint textures[] = {resolveColor_, resolveDepth_};
    glDeleteFramebuffers(2, framebuffers);
    glDeleteRenderbuffers(2, renderbuffers);
    glDeleteTextures(2, textures);
    msFbo_ = msColor_ = msDepth_ = resolveFbo_ = resolveColor_ = resolveDepth_ = 0;
}

bool RenderTarget::ensure(int width, int height, int requestedSamples) {
    width = std::max(width, 1);
    height = std::max(height, 1);
    if (width == width_ && height == height_ && requestedSamples == requested_ && resolveFbo_) return true;
    width_ = width;
    height_ = height;
    requested_ = requestedSamples;
    GLint maxSamples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    const int samples = std::clamp(requestedSamples, 0, static_cast<int>(maxSamples));
    if (samples > 1 && create(samples)) return true;
    return create(0);
}

bool RenderTarget::create(int samples) {
    release();
    samples_ = samples > 1 ? samples : 0;

    resolveColor_ = makeTexture2D(width_, height_, GL_RGBA16F, GL_RGBA, GL_FLOAT, GL_LINEAR);
    // Depth as a texture: ambient occlusion reads it after the frame is resolved.
    resolveDepth_ = makeTexture2D(width_, height_, GL_DEPTH24_STENCIL8, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, GL_NEAREST);
    glGenFramebuffers(1, &resolveFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolveColor_, 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_TEXTURE_2D, resolveDepth_, 0);
    bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;

    if (complete && samples_ > 0) {
        glGenRenderbuffers(1, &msColor_);
        glBindRenderbuffer(GL_RENDERBUFFER, msColor_);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA16F, width_, height_);
        glGenRenderbuffers(1, &msDepth_);
        glBindRenderbuffer(GL_RENDERBUFFER, msDepth_);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_DEPTH24_STENCIL8, width_, height_);
        glGenFramebuffers(1, &msFbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, msFbo_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msColor_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, msDepth_);
        complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    while (glGetError() != GL_NO_ERROR) {} // a refused multisample request must not linger
    if (!complete) release();
    return complete;
}

void RenderTarget::bindForDrawing() const {
    glBindFramebuffer(GL_FRAMEBUFFER, samples_ > 0 ? msFbo_ : resolveFbo_);
    glViewport(0, 0, width_, height_);
}

void RenderTarget::resolve() const {
    if (samples_ == 0) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msFbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

} // namespace spineviz
