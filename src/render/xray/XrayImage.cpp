// One view's X-ray images on the GPU (declared in XrayRenderer.h): the path pass's target, the line
// integral with the statistics the display needs (mipmapped), the displayed image, and the
// per-class lengths for tests.
#include "render/xray/XrayRenderer.h"

#include "render/GlTexture.h"
#include "render/Screenshot.h"

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

GLuint makeTexture(int size, GLint internalFormat, GLenum format, GLenum type, bool mipmapped) {
    const GLuint texture = makeTexture2D(size, size, internalFormat, format, type, GL_LINEAR);
    if (mipmapped) {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
        glGenerateMipmap(GL_TEXTURE_2D);
    }
    return texture;
}

bool complete() { return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE; }

std::vector<float> readRgba32f(GLuint fbo, GLenum attachment, int size) {
    std::vector<float> rgba(static_cast<std::size_t>(size) * size * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
    glReadBuffer(attachment);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, size, size, GL_RGBA, GL_FLOAT, rgba.data());
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    return rgba;
}

std::vector<float> channelOf(const std::vector<float>& rgba, std::size_t channel) {
    std::vector<float> out(rgba.size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = rgba[i * 4 + channel];
    return out;
}

// One framebuffer with one colour texture.
bool attach(GLuint& fbo, GLuint& texture, int size, GLint internalFormat, GLenum format, GLenum type, bool mipmapped) {
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    texture = makeTexture(size, internalFormat, format, type, mipmapped);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    return complete();
}

} // namespace

int xrayTopMipLevel(int size) { return static_cast<int>(std::floor(std::log2(static_cast<float>(std::max(size, 1))))); }

XrayImage::~XrayImage() { release(); }

void XrayImage::release() {
    if (!sumFbo_ && !classFbo_ && !lineFbo_ && !displayFbo_) return;
    const GLuint framebuffers[] = {sumFbo_, classFbo_, lineFbo_, displayFbo_};
    const GLuint textures[] = {sumTexture_, classTextures_[0], classTextures_[1], lineTexture_, displayTexture_};
    glDeleteFramebuffers(4, framebuffers);
    glDeleteTextures(5, textures);
    sumFbo_ = classFbo_ = lineFbo_ = displayFbo_ = 0;
    sumTexture_ = classTextures_[0] = classTextures_[1] = lineTexture_ = displayTexture_ = 0;
    size_ = 0;
}

bool XrayImage::ensure(int size) {
    size = std::clamp(size, 16, 4096);
    if (size == size_ && sumFbo_) return true;
    release();
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    bool ok = attach(sumFbo_, sumTexture_, size, GL_RG32F, GL_RG, GL_FLOAT, false);
    ok = attach(lineFbo_, lineTexture_, size, GL_RGBA32F, GL_RGBA, GL_FLOAT, true) && ok;
    ok = attach(displayFbo_, displayTexture_, size, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, false) && ok;
    if (ok) { // a black monitor until the first image
        glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    size_ = size;
    if (!ok) release();
    return ok;
}

bool XrayImage::ensureClasses() {
    if (classFbo_) return true;
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glGenFramebuffers(1, &classFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, classFbo_);
    for (int i = 0; i < 2; ++i) {
        classTextures_[i] = makeTexture(size_, GL_RGBA32F, GL_RGBA, GL_FLOAT, false);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0 + static_cast<GLenum>(i), GL_TEXTURE_2D, classTextures_[i], 0);
    }
    const GLenum buffers[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glDrawBuffers(2, buffers);
    const bool ok = complete();
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    return ok;
}

Image XrayImage::readDisplay() const { return readFramebuffer(displayFbo_, size_, size_); }

std::vector<float> XrayImage::readLineIntegral() const { return channelOf(readRgba32f(lineFbo_, GL_COLOR_ATTACHMENT0, size_), 0); }

std::vector<float> XrayImage::readPathLengths(xray::XrayClass c) const {
    if (!classFbo_) return {};
    const int index = static_cast<int>(c);
    return channelOf(readRgba32f(classFbo_, GL_COLOR_ATTACHMENT0 + static_cast<GLenum>(index / 4), size_),
                     static_cast<std::size_t>(index % 4));
}

glm::vec4 XrayImage::centralMeans() const {
    // The four middle texels of the line target's 4x4 mip level: the central half of the field.
    const int level = std::max(xrayTopMipLevel(size_) - 2, 0), side = std::max(size_ >> level, 1);
    std::vector<float> texels(static_cast<std::size_t>(side) * side * 4);
    glBindTexture(GL_TEXTURE_2D, lineTexture_);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glGetTexImage(GL_TEXTURE_2D, level, GL_RGBA, GL_FLOAT, texels.data());
    if (side < 4) return glm::vec4(texels[0], texels[1], texels[2], texels[3]);
    glm::vec4 sum(0.0f);
    for (int y = 1; y <= 2; ++y)
        for (int x = 1; x <= 2; ++x) {
            const std::size_t i = (static_cast<std::size_t>(y) * side + static_cast<std::size_t>(x)) * 4;
            sum += 0.25f * glm::vec4(texels[i], texels[i + 1], texels[i + 2], texels[i + 3]);
        }
    return sum;
}

float XrayImage::brightnessLevel() const {
    const glm::vec4 m = centralMeans();
    return m.y + m.w; // the bone's and the body's: the instruments do not move it
}

float XrayImage::anatomySpread() const {
    const glm::vec4 m = centralMeans();
    return std::sqrt(std::max(m.z - m.y * m.y, 1e-8f));
}

} // namespace spineviz
