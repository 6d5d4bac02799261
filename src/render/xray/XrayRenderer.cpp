#include "render/xray/XrayRenderer.h"

#include "render/GpuMesh.h"
#include "render/Screenshot.h"

#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

using xray::XrayClass;
constexpr int kChannels = xray::kXrayClassCount;

std::size_t channel(XrayClass c) { return static_cast<std::size_t>(c); }

GLuint makeTexture(int size, GLint internalFormat, GLenum format, GLenum type, bool mipmapped) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, size, size, 0, format, type, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, mipmapped ? GL_LINEAR_MIPMAP_NEAREST : GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    if (mipmapped) glGenerateMipmap(GL_TEXTURE_2D);
    return texture;
}

bool complete() { return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE; }

// Deformation moves a vertebra's surface by millimetres and its bounds stay in the model's frame:
// a margin keeps the test conservative.
constexpr float kCullMargin = 0.01f;

// True when the box (mesh space) lies wholly outside one side of the frustum of `clipFromMesh`.
bool outsideFrustum(const Aabb& box, const glm::mat4& clipFromMesh) {
    int outside[5] = {0, 0, 0, 0, 0}; // -x, +x, -y, +y, behind the near plane
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? box.max.x + kCullMargin : box.min.x - kCullMargin,
                               (i & 2) ? box.max.y + kCullMargin : box.min.y - kCullMargin,
                               (i & 4) ? box.max.z + kCullMargin : box.min.z - kCullMargin);
        const glm::vec4 c = clipFromMesh * glm::vec4(corner, 1.0f);
        outside[0] += c.x < -c.w;
        outside[1] += c.x > c.w;
        outside[2] += c.y < -c.w;
        outside[3] += c.y > c.w;
        outside[4] += c.z < -c.w;
    }
    for (int count : outside)
        if (count == 8) return true;
    return false;
}

int topMipLevel(int size) { return static_cast<int>(std::floor(std::log2(static_cast<float>(std::max(size, 1))))); }

std::vector<float> readRgba32f(GLuint fbo, GLenum attachment, int size) {
    std::vector<float> rgba(static_cast<std::size_t>(size) * size * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
    glReadBuffer(attachment);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, size, size, GL_RGBA, GL_FLOAT, rgba.data());
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    return rgba;
}

} // namespace

XrayImage::~XrayImage() { release(); }

void XrayImage::release() {
    if (!pathFbo_ && !lineFbo_ && !displayFbo_) return;
    const GLuint framebuffers[] = {pathFbo_, lineFbo_, displayFbo_};
    const GLuint textures[] = {pathTextures_[0], pathTextures_[1], lineTexture_, displayTexture_};
    glDeleteFramebuffers(3, framebuffers);
    glDeleteTextures(4, textures);
    pathFbo_ = lineFbo_ = displayFbo_ = pathTextures_[0] = pathTextures_[1] = lineTexture_ = displayTexture_ = 0;
    size_ = 0;
}

bool XrayImage::ensure(int size) {
    size = std::clamp(size, 16, 4096);
    if (size == size_ && pathFbo_) return true;
    release();
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    bool ok = true;

    glGenFramebuffers(1, &pathFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, pathFbo_);
    for (int i = 0; i < 2; ++i) {
        pathTextures_[i] = makeTexture(size, GL_RGBA32F, GL_RGBA, GL_FLOAT, false);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0 + static_cast<GLenum>(i), GL_TEXTURE_2D, pathTextures_[i], 0);
    }
    const GLenum buffers[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glDrawBuffers(2, buffers);
    ok = ok && complete();

    glGenFramebuffers(1, &lineFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, lineFbo_);
    lineTexture_ = makeTexture(size, GL_RGBA32F, GL_RGBA, GL_FLOAT, true);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, lineTexture_, 0);
    ok = ok && complete();

    glGenFramebuffers(1, &displayFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, displayFbo_);
    displayTexture_ = makeTexture(size, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, false);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, displayTexture_, 0);
    ok = ok && complete();
    if (ok) { // a black monitor until the first image
        glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }

    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    size_ = size;
    if (!ok) release();
    return ok;
}

Image XrayImage::readDisplay() const { return readFramebuffer(displayFbo_, size_, size_); }

std::vector<float> XrayImage::readLineIntegral() const {
    const std::vector<float> rgba = readRgba32f(lineFbo_, GL_COLOR_ATTACHMENT0, size_);
    std::vector<float> out(rgba.size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = rgba[i * 4];
    return out;
}

std::vector<float> XrayImage::readPathLengths(xray::XrayClass c) const {
    const int index = static_cast<int>(c);
    const std::vector<float> rgba = readRgba32f(pathFbo_, GL_COLOR_ATTACHMENT0 + static_cast<GLenum>(index / 4), size_);
    std::vector<float> out(rgba.size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = rgba[i * 4 + static_cast<std::size_t>(index % 4)];
    return out;
}

float XrayImage::brightnessLevel() const {
    // The mean over the central half of the field: the four middle texels of the 4x4 mip level.
    const int level = std::max(topMipLevel(size_) - 2, 0), side = std::max(size_ >> level, 1);
    std::vector<float> texels(static_cast<std::size_t>(side) * side * 4);
    glBindTexture(GL_TEXTURE_2D, lineTexture_);
    glGetTexImage(GL_TEXTURE_2D, level, GL_RGBA, GL_FLOAT, texels.data());
    if (side < 4) return texels[0];
    float sum = 0.0f;
    for (int y = 1; y <= 2; ++y)
        for (int x = 1; x <= 2; ++x) sum += texels[(static_cast<std::size_t>(y) * side + static_cast<std::size_t>(x)) * 4];
    return 0.25f * sum;
}

XrayRenderer::~XrayRenderer() {
    if (emptyVao_) glDeleteVertexArrays(1, &emptyVao_);
}

std::string XrayRenderer::init(const std::string& shaderDir) {
    std::string error = paths_.load(shaderDir, "xray_paths.vert", "xray_paths.frag");
    if (error.empty()) error = compose_.load(shaderDir, "xray_screen.vert", "xray_compose.frag");
    if (error.empty()) error = display_.load(shaderDir, "xray_screen.vert", "xray_display.frag");
    if (error.empty() && !emptyVao_) glGenVertexArrays(1, &emptyVao_);
    return error;
}

bool XrayRenderer::channelWeights(const DrawItem& item, const xray::AttenuationTable& table,
                                  std::array<float, kChannels>& w) {
    w.fill(0.0f);
    if (!item.mesh) return false;
    const float sign = item.hollow ? -1.0f : 1.0f;
    switch (item.matter) {
    case Matter::None: return false;
    case Matter::SoftTissue: w[channel(XrayClass::SoftTissue)] = sign; break;
    case Matter::CorticalBone: w[channel(XrayClass::Cortical)] = sign; break;
    case Matter::TrabecularBone:
        w[channel(XrayClass::Trabecular)] = sign;
        // A trabecular core lies inside its bone's outer (cortical-class) surface: what it holds is
        // not cortex. A cavity (hollow) only takes trabecular bone away.
        if (!item.hollow) w[channel(XrayClass::Cortical)] = -1.0f;
        break;
    case Matter::Disc:
        // The nucleus lies inside the annulus's surface, and both are disc: nothing to add.
        if (item.cap == CapStyle::Nucleus) return false;
        w[channel(XrayClass::Disc)] = sign;
        break;
    case Matter::Steel: w[channel(XrayClass::Steel)] = sign; break;
    case Matter::Plastic:
        // Handles: counted in the steel channel at their steel-equivalent length.
        w[channel(XrayClass::Steel)] = sign * table.plastic / table.of(XrayClass::Steel);
        break;
    case Matter::Contrast: w[channel(XrayClass::Contrast)] = sign; break;
    case Matter::Marker: w[channel(XrayClass::Marker)] = sign; break;
    case Matter::Cement: w[channel(XrayClass::Cement)] = sign; break;
    }
    return true;
}

void XrayRenderer::render(const FrameScene& frame, const xray::CArmView& view, const XrayPhysics& physics,
                          const xray::XrayLook& look, std::uint32_t seed, XrayImage& image, const MeshBounds* bounds) {
    if (!paths_.valid() || image.size() == 0) return;
    GLint previousFbo = 0, viewport[4] = {0, 0, 1, 1};
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previousFbo);
    glGetIntegerv(GL_VIEWPORT, viewport);
    const int n = image.size();

    // 1. Path lengths per class.
    glBindFramebuffer(GL_FRAMEBUFFER, image.pathFbo_);
    glViewport(0, 0, n, n);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_CLIP_DISTANCE0);
    glDepthMask(GL_FALSE);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE);
    glFrontFace(GL_CCW);
    // What each class adds per metre: its excess over the body's soft tissue when inside the body.
    const xray::AttenuationTable& t = physics.table;
    const xray::BodyOutline& body = physics.body;
    const float tissue = t.of(XrayClass::SoftTissue);
    std::array<float, kChannels> mu{};
    for (int c = 0; c < kChannels; ++c) {
        const XrayClass k = static_cast<XrayClass>(c);
        mu[static_cast<std::size_t>(c)] = t.of(k) - (body.present && xray::displacesBody(k) ? tissue : 0.0f);
    }

    const glm::mat4 viewProjection = view.projection * view.view;
    paths_.use();
    paths_.set("uViewProjection", viewProjection);
    paths_.set("uSource", view.source);
    // Distances are taken relative to the isocentre's: smaller numbers cancel better in float.
    paths_.set("uReference", view.sourceToIsocentre);
    std::array<float, kChannels> w{};
    itemsDrawn_ = 0;
    for (const DrawItem& item : frame.items) {
        if (!channelWeights(item, physics.table, w)) continue;
        // Nothing to add (soft tissue and disc inside the body attenuate as the body does).
        float contributes = 0.0f;
        for (int c = 0; c < kChannels; ++c) contributes += std::abs(w[static_cast<std::size_t>(c)] * mu[static_cast<std::size_t>(c)]);
        if (contributes == 0.0f) continue;
        if (bounds) {
            const auto known = bounds->find(item.mesh);
            if (known != bounds->end() && outsideFrustum(known->second, viewProjection * item.model)) continue;
        }
        ++itemsDrawn_;
        paths_.set("uModel", item.model);
        paths_.set("uWeights0", glm::vec4(w[0], w[1], w[2], w[3]));
        paths_.set("uWeights1", glm::vec4(w[4], w[5], w[6], w[7]));
        // A mirroring model matrix turns the winding over, and with it which faces are front.
        paths_.set("uFacing", glm::determinant(glm::mat3(item.model)) < 0.0f ? -1.0f : 1.0f);
        item.mesh->draw();
    }
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);

    // 2. Line integral, with the analytic body.
    glBindFramebuffer(GL_FRAMEBUFFER, image.lineFbo_);
    glBindVertexArray(emptyVao_);
    compose_.use();
    compose_.set("uLengths0", 0);
    compose_.set("uLengths1", 1);
    compose_.set("uMu0", glm::vec4(mu[0], mu[1], mu[2], mu[3]));
    compose_.set("uMu1", glm::vec4(mu[4], mu[5], mu[6], mu[7]));
    compose_.set("uSize", static_cast<float>(n));
    compose_.set("uSource", view.source);
    compose_.set("uDetectorCentre", view.detectorCentre);
    compose_.set("uRight", view.right);
    compose_.set("uUp", view.up);
    compose_.set("uFieldRadius", view.fieldRadius);
    compose_.set("uBody", body.present ? 1 : 0);
    compose_.set("uBodyMu", tissue);
    compose_.set("uTrunk", glm::vec4(body.trunk.centre.x, body.trunk.centre.z, body.trunk.semiLateral, body.trunk.semiDepth));
    compose_.set("uLungCount", body.present ? body.lungCount : 0);
    compose_.set("uLungExcessMu", body.lungMuPerM - tissue);
    compose_.set("uSeed", static_cast<int>(seed & 0x7fffffffu));
    for (int i = 0; i < 2; ++i) {
        const std::string index = "[" + std::to_string(i) + "]";
        compose_.set(("uLungCentre" + index).c_str(), body.lungs[i].centre);
        compose_.set(("uLungSemiAxes" + index).c_str(), body.lungs[i].semiAxes);
    }
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, image.pathTextures_[1]);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, image.pathTextures_[0]);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindTexture(GL_TEXTURE_2D, image.lineTexture_);
    glGenerateMipmap(GL_TEXTURE_2D);

    // 3. What the monitor shows.
    glBindFramebuffer(GL_FRAMEBUFFER, image.displayFbo_);
    display_.use();
    display_.set("uLine", 0);
    display_.set("uSize", static_cast<float>(n));
    display_.set("uCentreLevel", static_cast<float>(std::max(topMipLevel(n) - 2, 0)));
    display_.set("uNoise", look.noise ? 1 : 0);
    display_.set("uPhotons", look.photonsPerPixel * static_cast<float>(512 * 512) / static_cast<float>(n * n));
    display_.set("uEdge", look.edgeEnhance ? look.edgeAmount : 0.0f);
    display_.set("uContrast", look.contrast);
    display_.set("uCompression", look.edgeEnhance ? look.rangeCompression : 0.0f);
    display_.set("uBoneDark", look.boneDark ? 1 : 0);
    glDrawArrays(GL_TRIANGLES, 0, 3);

    glBindVertexArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
}

} // namespace spineviz
