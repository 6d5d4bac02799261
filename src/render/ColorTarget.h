#pragma once
// A plain 8-bit RGBA framebuffer of a fixed size: where --screenshot frames are composed, so the
// PNG has exactly the requested size whatever the window manager does with the window.

#include "core/scene/Scene.h"
#include "render/Gl.h"

namespace spineviz {

class ColorTarget {
public:
    ~ColorTarget();
    bool create(int width, int height);
    GLuint framebuffer() const { return fbo_; }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    GLuint fbo_ = 0, color_ = 0;
    int width_ = 0, height_ = 0;
};

} // namespace spineviz
