#include "render/xray/XrayRenderer.h"

#include "core/math/SeededRandom.h"
#include "render/GlTexture.h"
#include "render/GpuMesh.h"

#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

using xray::XrayClass;
constexpr int kChannels = xray::kXrayClassCount;
constexpr int kDeviateTile = 512; // shaders/xray_display.frag's kNoiseMask + 1
constexpr int kGrainTile = 256;   // shaders/xray_line.frag's tile

std::size_t channel(XrayClass c) { return static_cast<std::size_t>(c); }

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


// A tile of standard normal deviates (Box-Muller).
std::vector<float> normalDeviates(int side, std::uint64_t seed) {
    std::vector<float> normals(static_cast<std::size_t>(side) * side);
    SeededRandom random(seed);
    for (std::size_t i = 0; i + 1 < normals.size(); i += 2) {
        const double u1 = std::max(random.unit(), 1e-12), u2 = random.unit();
        const double r = std::sqrt(-2.0 * std::log(u1));
        normals[i] = static_cast<float>(r * std::cos(6.283185307179586 * u2));
        normals[i + 1] = static_cast<float>(r * std::sin(6.283185307179586 * u2));
    }
    return normals;
}

// The trabecular texture: deviates smoothed (wrapping, so the tile repeats seamlessly) more along
// the image's vertical than across it, since an osteoporotic vertebra keeps its vertical
// trabeculae longest (docs/fluoroscopy.md), then scaled back to unit variance.
std::vector<float> trabecularGrain() {
    const int n = kGrainTile;
    std::vector<float> a = normalDeviates(n, 0x7eabecu), b(a.size());
    const auto blur = [n](const std::vector<float>& in, std::vector<float>& out, int dx, int dy, float sigma) {
        const int reach = static_cast<int>(std::ceil(2.5f * sigma));
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) {
                double sum = 0.0, weights = 0.0;
                for (int k = -reach; k <= reach; ++k) {
                    const double w = std::exp(-0.5 * k * k / (sigma * sigma));
                    const int sx = (x + k * dx + n) % n, sy = (y + k * dy + n) % n;
                    sum += w * in[static_cast<std::size_t>(sy) * n + static_cast<std::size_t>(sx)];
                    weights += w;
                }
                out[static_cast<std::size_t>(y) * n + static_cast<std::size_t>(x)] = static_cast<float>(sum / weights);
            }
    };
    blur(a, b, 1, 0, 0.8f);
    blur(b, a, 0, 1, 2.2f);
    double square = 0.0;
    for (float v : a) square += double(v) * v;
    const float scale = static_cast<float>(1.0 / std::sqrt(square / double(a.size())));
    for (float& v : a) v *= scale;
    return a;
}

} // namespace

XrayRenderer::~XrayRenderer() {
    if (emptyVao_) glDeleteVertexArrays(1, &emptyVao_);
    if (deviates_) glDeleteTextures(1, &deviates_);
    if (grain_) glDeleteTextures(1, &grain_);
}

std::string XrayRenderer::init(const std::string& shaderDir) {
    std::string error = paths_.load(shaderDir, "xray_paths.vert", "xray_paths.frag");
    if (error.empty()) error = classPaths_.load(shaderDir, "xray_paths.vert", "xray_paths.frag", "#define CLASSES 1\n");
    if (error.empty()) error = line_.load(shaderDir, "xray_screen.vert", "xray_line.frag");
    if (error.empty()) error = display_.load(shaderDir, "xray_screen.vert", "xray_display.frag");
    if (error.empty() && !emptyVao_) glGenVertexArrays(1, &emptyVao_);
    if (error.empty() && !deviates_) {
        // Drawn once; every image reads it from its own random place.
        const std::vector<float> normals = normalDeviates(kDeviateTile, 0x5eedf1u);
        deviates_ = makeTexture2D(kDeviateTile, kDeviateTile, GL_R32F, GL_RED, GL_FLOAT, GL_NEAREST, normals.data());
    }
    if (error.empty() && !grain_) {
        const std::vector<float> grain = trabecularGrain();
        grain_ = makeTexture2D(kGrainTile, kGrainTile, GL_R32F, GL_RED, GL_FLOAT, GL_LINEAR, grain.data());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_REPEAT);
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

    // 1. Path lengths, weighted by attenuation: sum mu L per pixel, and the bone's part of it.
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
    // The items the X-ray sees, with their weights; a coreless bone twice, the second time as the
    // marrow inside its cortex.
    const glm::mat4 viewProjection = view.projection * view.view;
    struct Seen {
        const DrawItem* item;
        std::array<float, kChannels> w;
        float weight = 0.0f; // sum_c w_c mu_c, 1/m
        float bone = 0.0f;   // its cortical and trabecular part
        float inset = 0.0f;  // metres
    };
    const auto weigh = [&](Seen& s) {
        s.weight = 0.0f;
        for (int c = 0; c < kChannels; ++c) s.weight += s.w[static_cast<std::size_t>(c)] * mu[static_cast<std::size_t>(c)];
        s.bone = s.w[channel(XrayClass::Cortical)] * mu[channel(XrayClass::Cortical)] +
                 s.w[channel(XrayClass::Trabecular)] * mu[channel(XrayClass::Trabecular)];
    };
    std::vector<Seen> seen;
    seen.reserve(frame.items.size() + 16);
    for (const DrawItem& item : frame.items) {
        Seen s{&item, {}};
        if (item.matter == Matter::Plastic && !physics.plastics) continue;
        if (!channelWeights(item, t, s.w)) continue;
        weigh(s);
        // Nothing to add (soft tissue and disc inside the body attenuate as the body does).
        if (s.weight == 0.0f && !recordClasses_) continue;
        if (bounds) {
            const auto known = bounds->find(item.mesh);
            if (known != bounds->end() && outsideFrustum(known->second, viewProjection * item.model)) continue;
        }
        seen.push_back(s);
        if (item.coreless && item.matter == Matter::CorticalBone && !item.hollow) {
            Seen marrow{&item, {}};
            marrow.w[channel(XrayClass::Cortical)] = -1.0f;
            marrow.w[channel(XrayClass::Trabecular)] = 1.0f;
            marrow.inset = xray::kCorelessCortex;
            weigh(marrow);
            seen.push_back(marrow);
        }
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
            program.set("uInset", s.inset);
            if (classes) {
                program.set("uWeights0", glm::vec4(s.w[0], s.w[1], s.w[2], s.w[3]));
                program.set("uWeights1", glm::vec4(s.w[4], s.w[5], s.w[6], s.w[7]));
            } else {
                program.set("uWeight", s.weight);
                program.set("uBoneWeight", s.bone);
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

    // 2. The line integral with the analytic body; 3. what the monitor shows.
    glBindVertexArray(emptyVao_);
    drawLine(view, physics, image);
    drawDisplay(look, seed, image);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previousFbo));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
}

void XrayRenderer::drawLine(const xray::CArmView& view, const XrayPhysics& physics, XrayImage& image) {
    const xray::BodyOutline& body = physics.body;
    const float tissue = physics.table.of(XrayClass::SoftTissue);
    glBindFramebuffer(GL_FRAMEBUFFER, image.lineFbo_);
    line_.use();
    line_.set("uSum", 0);
    line_.set("uSize", static_cast<float>(image.size()));
    line_.set("uSource", view.source);
    line_.set("uDetectorCentre", view.detectorCentre);
    line_.set("uRight", view.right);
    line_.set("uUp", view.up);
    line_.set("uFieldRadius", view.fieldRadius);
    line_.set("uBody", body.present ? 1 : 0);
    line_.set("uBodyMu", tissue);
    line_.set("uTrunk", glm::vec4(body.trunk.centre.x, body.trunk.centre.z, body.trunk.semiLateral, body.trunk.semiDepth));
    line_.set("uFatThickness", body.fatThickness);
    line_.set("uFatExcessMu", body.fatMuPerM - tissue);
    line_.set("uLungCount", body.present ? body.lungCount : 0);
    line_.set("uLungExcessMu", body.lungMuPerM - tissue);
    line_.set("uHeart", body.present && body.heart ? 1 : 0);
    line_.set("uHeartCentre", body.heartShape.centre);
    line_.set("uHeartSemiAxes", body.heartShape.semiAxes);
    line_.set("uAbdomen", body.present && body.abdomen ? 1 : 0);
    line_.set("uAbdomenCentre", body.abdomenShape.centre);
    line_.set("uAbdomenSemiAxes", body.abdomenShape.semiAxes);
    line_.set("uAbdomenExcessMu", body.abdomenMuPerM - tissue);
    line_.set("uPsoasCount", body.present ? body.psoasCount : 0);
    line_.set("uShoulderCount", body.present ? body.shoulderCount : 0);
    for (int i = 0; i < 2; ++i) {
        const std::string index = "[" + std::to_string(i) + "]";
        line_.set(("uLungCentre" + index).c_str(), body.lungs[i].centre);
        line_.set(("uLungSemiAxes" + index).c_str(), body.lungs[i].semiAxes);
        line_.set(("uPsoasCentre" + index).c_str(), body.psoas[i].centre);
        line_.set(("uPsoasSemiAxes" + index).c_str(), body.psoas[i].semiAxes);
        line_.set(("uShoulderCentre" + index).c_str(), body.shoulders[i].centre);
        line_.set(("uShoulderSemiAxes" + index).c_str(), body.shoulders[i].semiAxes);
    }
    glBindTexture(GL_TEXTURE_2D, image.sumTexture_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindTexture(GL_TEXTURE_2D, image.lineTexture_);
    glGenerateMipmap(GL_TEXTURE_2D); // the means the automatic brightness and contrast use
}

void XrayRenderer::drawDisplay(const xray::XrayLook& look, std::uint32_t seed, XrayImage& image) {
    const int n = image.size(), top = xrayTopMipLevel(n);
    glBindFramebuffer(GL_FRAMEBUFFER, image.displayFbo_);
    display_.use();
    display_.set("uLine", 0);
    display_.set("uDeviates", 1);
    display_.set("uGrain", 2);
    display_.set("uGrainAmount", look.trabecularTexture);
    SeededRandom pick(seed);
    const std::uint64_t where = pick.next();
    display_.set("uNoiseOffset", glm::vec2(static_cast<float>(where % kDeviateTile), static_cast<float>((where >> 20) % kDeviateTile)));
    display_.set("uSize", static_cast<float>(n));
    display_.set("uCentreLevel", static_cast<float>(std::max(top - 2, 0)));
    // The scatter's spread: blocks of about a sixteenth of the field (1.4 cm at the detector).
    display_.set("uScatterLevel", static_cast<float>(std::max(top - 4, 0)));
    display_.set("uNoise", look.noise ? 1 : 0);
    display_.set("uPhotons", look.photonsPerPixel * static_cast<float>(512 * 512) / static_cast<float>(n * n));
    display_.set("uDoseLimit", look.doseLimit);
    display_.set("uEdge", look.edgeEnhance ? look.edgeAmount : 0.0f);
    display_.set("uContrast", look.contrast);
    display_.set("uSpreadTarget", look.spreadTarget);
    display_.set("uGainLimits", glm::vec2(look.gainMin, look.gainMax));
    display_.set("uScatter", look.scatterToPrimary);
    display_.set("uCompression", look.edgeEnhance ? look.rangeCompression : 0.0f);
    display_.set("uBoneDark", look.boneDark ? 1 : 0);
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, grain_);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, deviates_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, image.lineTexture_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

} // namespace spineviz
