#pragma once
// A 2D texture made in one call: size, format, filtering, clamped at the edges.

#include "render/Gl.h"

namespace spineviz {

// Creates the texture (from `pixels`, or uninitialised when null) and leaves it bound.
GLuint makeTexture2D(int width, int height, GLint internalFormat, GLenum format, GLenum type, GLenum filter,
                     const void* pixels = nullptr);

} // namespace spineviz
