#pragma once
#include "core/scene/Scene.h"
#include "render/Gl.h"

namespace spineviz {

// An sRGB colour texture with mipmaps, made from a decoded Image.
class Texture2D {
public:
    Texture2D() = default;
    ~Texture2D();
    Texture2D(const Texture2D&) = delete;
    Texture2D& operator=(const Texture2D&) = delete;
    Texture2D(Texture2D&& other) noexcept;
    Texture2D& operator=(Texture2D&& other) noexcept;

    void upload(const Image& image);
    GLuint id() const { return id_; }

private:
    GLuint id_ = 0;
};

} // namespace spineviz
