#include "render/Screenshot.h"

#include "render/Gl.h"

#include <algorithm>

namespace spineviz {

Image readFramebuffer(GLuint framebuffer, int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(std::size_t(width) * height * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    // GL rows run bottom to top; images run top to bottom.
    const std::size_t row = std::size_t(width) * 4;
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(image.rgba.begin() + y * row, image.rgba.begin() + (y + 1) * row,
                         image.rgba.begin() + (height - 1 - y) * row);
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255; // the window is opaque
    return image;
}

} // namespace spineviz
