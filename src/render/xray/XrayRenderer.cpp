#include "render/xray/XrayRenderer.h"

#include "render/GlTexture.h"

#include "render/GpuMesh.h"
#include "core/math/SeededRandom.h"
#include "render/Screenshot.h"

#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

using xray::XrayClass;
constexpr int kChannels = xray::kXrayClassCount;
constexpr int kDeviateTile = 512; // shaders/xray_display.frag's kNoiseMask + 1

std::size_t channel(XrayClass c) { return static_cast<std::size_t>(c); }

GLuint makeTexture(int size, GLint internalFormat, GLenum format, GLenum type, bool mipmapped) {
    const GLuint texture = makeTexture2D(size, size, internalFormat, format, type, GL_LINEAR);
    if (mipmapped) {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
        glGenerateMipmap(GL_TEXTURE_2D);
    }
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

// The body's line integral along the ray to an image point (-1..1), as the display shader has it.
float bodyLine(const xray::BodyOutline& body, float tissue, const xray::CArmView& view, const glm::vec2& image) {
    if (!body.present) return 0.0f;
    const glm::vec3 dir = view.rayTo(image);
    float p = tissue * xray::chordLength(body.trunk, view.source, dir);
    for (int i = 0; i < body.lungCount; ++i) p += (body.lungMuPerM - tissue) * xray::chordLength(body.lungs[i], view.source, dir);
    return p;
}

// The body's mean line integral over the square [-half, half]^2 of the image, on a grid.
float bodyMean(const xray::BodyOutline& body, float tissue, const xray::CArmView& view, float half) {
    if (!body.present) return 0.0f;
    constexpr int kGrid = 8;
    float sum = 0.0f;
    for (int y = 0; y < kGrid; ++y)
        for (int x = 0; x < kGrid; ++x)
            sum += bodyLine(body, tissue, view, glm::vec2((x + 0.5f) / kGrid * 2.0f - 1.0f, (y + 0.5f) / kGrid * 2.0f - 1.0f) * half);
    return sum / static_cast<float>(kGrid * kGrid);
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
    if (!sumFbo_ && !classFbo_ && !displayFbo_) return;
    const GLuint framebuffers[] = {sumFbo_, classFbo_, displayFbo_};
    const GLuint textures[] = {sumTexture_, classTextures_[0], classTextures_[1], lineTexture_, displayTexture_};
    glDeleteFramebuffers(3, framebuffers);
    glDeleteTextures(5, textures);
    sumFbo_ = classFbo_ = displayFbo_ = 0;
    sumTexture_ = classTextures_[0] = classTextures_[1] = lineTexture_ = displayTexture_ = 0;
    size_ = 0;
}

bool XrayImage::ensure(int size) {
    size = std::clamp(size, 16, 4096);
    if (size == size_ && sumFbo_) return true;
    release();
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    bool ok = true;

    glGenFramebuffers(1, &sumFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, sumFbo_);
    sumTexture_ = makeTexture(size, GL_R32F, GL_RED, GL_FLOAT, true);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, sumTexture_, 0);
    ok = ok && complete();

    glGenFramebuffers(1, &displayFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, displayFbo_);
    displayTexture_ = makeTexture(size, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, false);
    lineTexture_ = makeTexture(size, GL_R32F, GL_RED, GL_FLOAT, false);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, displayTexture_, 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_TEXTURE_2D, lineTexture_, 0);
    const GLenum buffers[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glDrawBuffers(2, buffers);
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

std::vector<float> XrayImage::readLineIntegral() const {
    const std::vector<float> rgba = readRgba32f(displayFbo_, GL_COLOR_ATTACHMENT1, size_);
    std::vector<float> out(rgba.size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = rgba[i * 4];
    return out;
}

std::vector<float> XrayImage::readPathLengths(xray::XrayClass c) const {
    if (!classFbo_) return {};
    const int index = static_cast<int>(c);
    const std::vector<float> rgba = readRgba32f(classFbo_, GL_COLOR_ATTACHMENT0 + static_cast<GLenum>(index / 4), size_);
    std::vector<float> out(rgba.size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = rgba[i * 4 + static_cast<std::size_t>(index % 4)];
    return out;
}

float XrayImage::brightnessLevel() const {
    // The scene's mean over the central half of the field (the four middle texels of the 4x4 mip
    // level of the path pass), plus the body's.
    const int level = std::max(topMipLevel(size_) - 2, 0), side = std::max(size_ >> level, 1);
    std::vector<float> texels(static_cast<std::size_t>(side) * side);
    glBindTexture(GL_TEXTURE_2D, sumTexture_);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glGetTexImage(GL_TEXTURE_2D, level, GL_RED, GL_FLOAT, texels.data());
    float sum = texels[0];
    if (side >= 4) {
        sum = 0.0f;
        for (int y = 1; y <= 2; ++y)
            for (int x = 1; x <= 2; ++x) sum += 0.25f * texels[static_cast<std::size_t>(y) * side + static_cast<std::size_t>(x)];
    }
    return sum + bodyCentreMean_;
}

XrayRenderer::~XrayRenderer() {
    if (emptyVao_) glDeleteVertexArrays(1, &emptyVao_);
    if (deviates_) glDeleteTextures(1, &deviates_);
}

std::string XrayRenderer::init(const std::string& shaderDir) {
    std::string error = paths_.load(shaderDir, "xray_paths.vert", "xray_paths.frag");
    if (error.empty()) error = classPaths_.load(shaderDir, "xray_paths.vert", "xray_paths.frag", "#define CLASSES 1\n");
    if (error.empty()) error = display_.load(shaderDir, "xray_screen.vert", "xray_display.frag");
    if (error.empty() && !emptyVao_) glGenVertexArrays(1, &emptyVao_);
    if (error.empty() && !deviates_) {
        // A tile of standard normal deviates (Box-Muller), drawn once; every image reads it from
        // its own random place.
        std::vector<float> normals(static_cast<std::size_t>(kDeviateTile) * kDeviateTile);
        SeededRandom random(0x5eedf1u);
        for (std::size_t i = 0; i < normals.size(); i += 2) {
            const double u1 = std::max(random.unit(), 1e-12), u2 = random.unit();
            const double r = std::sqrt(-2.0 * std::log(u1));
            normals[i] = static_cast<float>(r * std::cos(6.283185307179586 * u2));
            normals[i + 1] = static_cast<float>(r * std::sin(6.283185307179586 * u2));
        }
        deviates_ = makeTexture2D(kDeviateTile, kDeviateTile, GL_R32F, GL_RED, GL_FLOAT, GL_NEAREST, normals.data());
    }
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

    // 1. Path lengths, weighted by attenuation: sum mu L per pixel.
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_CLIP_DISTANCE0);
    glDepthMask(GL_FALSE);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE);
    glFrontFace(GL_CCW);
    glViewport(0, 0, n, n);

    // What each class adds per metre: its excess over the body's soft tissue when inside the body.
    const xray::AttenuationTable& t = physics.table;
    const xray::BodyOutline& body = physics.body;
    const float tissue = t.of(XrayClass::SoftTissue);
    std::array<float, kChannels> mu{};
    for (int c = 0; c < kChannels; ++c) {
        const XrayClass k = static_cast<XrayClass>(c);
        mu[static_cast<std::size_t>(c)] = t.of(k) - (body.present && xray::displacesBody(k) ? tissue : 0.0f);
    }
    // The items the X-ray sees, with their weights.
    const glm::mat4 viewProjection = view.projection * view.view;
    struct Seen {
        const DrawItem* item;
        std::array<float, kChannels> w;
        float weight; // sum_c w_c mu_c, 1/m
    };
    std::vector<Seen> seen;
    seen.reserve(frame.items.size());
    for (const DrawItem& item : frame.items) {
        Seen s{&item, {}, 0.0f};
        if (item.matter == Matter::Plastic && !physics.plastics) continue;
        if (!channelWeights(item, t, s.w)) continue;
        for (int c = 0; c < kChannels; ++c) s.weight += s.w[static_cast<std::size_t>(c)] * mu[static_cast<std::size_t>(c)];
        // Nothing to add (soft tissue and disc inside the body attenuate as the body does).
        if (s.weight == 0.0f && !recordClasses_) continue;
        if (bounds) {
            const auto known = bounds->find(item.mesh);
            if (known != bounds->end() && outsideFrustum(known->second, viewProjection * item.model)) continue;
        }
        seen.push_back(s);
    }
    itemsDrawn_ = static_cast<int>(seen.size());
    const auto drawSeen = [&](ShaderProgram& program, bool classes) {
        program.use();
        program.set("uViewProjection", viewProjection);
        program.set("uSource", view.source);
        // Distances are taken relative to the isocentre's: smaller numbers cancel better in float.
        program.set("uReference", view.sourceToIsocentre);
        for (const Seen& s : seen) {
            if (!classes && s.weight == 0.0f) continue;
            program.set("uModel", s.item->model);
            if (classes) {
                program.set("uWeights0", glm::vec4(s.w[0], s.w[1], s.w[2], s.w[3]));
                program.set("uWeights1", glm::vec4(s.w[4], s.w[5], s.w[6], s.w[7]));
            } else {
                program.set("uWeight", s.weight);
            }
            // A mirroring model matrix turns the winding over, and with it which faces are front.
            program.set("uFacing", glm::determinant(glm::mat3(s.item->model)) < 0.0f ? -1.0f : 1.0f);
            s.item->mesh->draw();
        }
    };
    glEnable(GL_BLEND);
    glBindFramebuffer(GL_FRAMEBUFFER, image.sumFbo_);
    glClear(GL_COLOR_BUFFER_BIT);
    drawSeen(paths_, false);
    if (recordClasses_ && image.ensureClasses()) {
        glBindFramebuffer(GL_FRAMEBUFFER, image.classFbo_);
        glClear(GL_COLOR_BUFFER_BIT);
        drawSeen(classPaths_, true);
    }
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);

    glBindTexture(GL_TEXTURE_2D, image.sumTexture_);
    glGenerateMipmap(GL_TEXTURE_2D); // the brightness control's mean

    // 2. The line integral with the analytic body, and what the monitor shows.
    glBindFramebuffer(GL_FRAMEBUFFER, image.displayFbo_);
    glBindVertexArray(emptyVao_);
    image.bodyCentreMean_ = bodyMean(body, tissue, view, 0.5f);
    display_.use();
    display_.set("uSum", 0);
    display_.set("uDeviates", 1);
    SeededRandom pick(seed);
    const std::uint64_t where = pick.next();
    display_.set("uNoiseOffset", glm::vec2(static_cast<float>(where % kDeviateTile), static_cast<float>((where >> 20) % kDeviateTile)));
    display_.set("uSize", static_cast<float>(n));
    display_.set("uCentreLevel", static_cast<float>(std::max(topMipLevel(n) - 2, 0)));
    display_.set("uSource", view.source);
    display_.set("uDetectorCentre", view.detectorCentre);
    display_.set("uRight", view.right);
    display_.set("uUp", view.up);
    display_.set("uFieldRadius", view.fieldRadius);
    display_.set("uBody", body.present ? 1 : 0);
    display_.set("uBodyMu", tissue);
    display_.set("uTrunk", glm::vec4(body.trunk.centre.x, body.trunk.centre.z, body.trunk.semiLateral, body.trunk.semiDepth));
    display_.set("uLungCount", body.present ? body.lungCount : 0);
    display_.set("uLungExcessMu", body.lungMuPerM - tissue);
    for (int i = 0; i < 2; ++i) {
        const std::string index = "[" + std::to_string(i) + "]";
        display_.set(("uLungCentre" + index).c_str(), body.lungs[i].centre);
        display_.set(("uLungSemiAxes" + index).c_str(), body.lungs[i].semiAxes);
    }
    display_.set("uBodyCentreMean", image.bodyCentreMean_);
    display_.set("uBodyMean", bodyMean(body, tissue, view, 1.0f));
    display_.set("uNoise", look.noise ? 1 : 0);
    display_.set("uPhotons", look.photonsPerPixel * static_cast<float>(512 * 512) / static_cast<float>(n * n));
    display_.set("uEdge", look.edgeEnhance ? look.edgeAmount : 0.0f);
    display_.set("uContrast", look.contrast);
    display_.set("uCompression", look.edgeEnhance ? look.rangeCompression : 0.0f);
    display_.set("uBoneDark", look.boneDark ? 1 : 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, deviates_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, image.sumTexture_);
    glDrawArrays(GL_TRIANGLES, 0, 3);

    glBindVertexArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
}

} // namespace spineviz
