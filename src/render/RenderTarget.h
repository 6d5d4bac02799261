#pragma once
// An offscreen HDR colour + depth target, multisampled when the driver allows it. The scene is
// drawn here, resolved to a texture, and composited by post-processing.

#include "render/Gl.h"

namespace spineviz {

class RenderTarget {
public:
    RenderTarget() = default;
    ~RenderTarget();
    RenderTarget(const RenderTarget&) = delete;
    RenderTarget& operator=(const RenderTarget&) = delete;

    // (Re)creates the target if the size or sample request changed. Falls back to no multisampling
    // when a multisampled target cannot be made. Returns false if no target could be made at all.
    bool ensure(int width, int height, int requestedSamples);

    void bindForDrawing() const;
    // Makes colorTexture() hold the latest drawing (a no-op without multisampling).
    void resolve() const;
    GLuint colorTexture() const { return resolveColor_; }
    GLuint depthTexture() const { return resolveDepth_; } // the resolved depth (one sample of each pixel)
    GLuint resolvedFramebuffer() const { return resolveFbo_; }
    int samples() const { return samples_; }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    void release();
    bool create(int samples);

    int width_ = 0, height_ = 0, requested_ = -1, samples_ = 0;
    GLuint msFbo_ = 0, msColor_ = 0, msDepth_ = 0;
    GLuint resolveFbo_ = 0, resolveColor_ = 0, resolveDepth_ = 0;
};

} // namespace spineviz
