#pragma once
#include "core/scene/Scene.h"
#include "render/Gl.h"

namespace spineviz {

// Reads a framebuffer (0: the window's, what was just drawn) as an RGBA image, rows top to bottom.
Image readFramebuffer(GLuint framebuffer, int width, int height);

} // namespace spineviz
