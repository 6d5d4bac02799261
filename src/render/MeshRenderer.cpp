#include "render/MeshRenderer.h"

#include "render/GpuMesh.h"

#include <glm/gtc/matrix_inverse.hpp>

#include <algorithm>

namespace spineviz {
namespace {

bool isTranslucent(const DrawItem& item) { return item.look.baseColor.w < 0.999f || item.look.ghost > 0.0f; }

void setClipping(bool on) {
    if (on) glEnable(GL_CLIP_DISTANCE0);
    else glDisable(GL_CLIP_DISTANCE0);
}

int capStyleId(CapStyle style) { return static_cast<int>(style); }

const glm::vec4 kNoClip(0.0f, 0.0f, 0.0f, 1.0f); // every point at distance 1: nothing cut

} // namespace

MeshRenderer::~MeshRenderer() {
    if (quadVao_) glDeleteVertexArrays(1, &quadVao_);
    if (quadBuffer_) glDeleteBuffers(1, &quadBuffer_);
}

std::string MeshRenderer::init(const std::string& shaderDir) {
    std::string error = surface_.load(shaderDir, "mesh.vert", "mesh.frag");
    if (error.empty()) error = cap_.load(shaderDir, "cap.vert", "cap.frag");
    if (!error.empty()) return error;
    // A unit square in the plane's own (u, v) coordinates; cap.vert spans it across the section.
    const float corners[] = {-1, -1, 1, -1, 1, 1, -1, -1, 1, 1, -1, 1};
    glGenVertexArrays(1, &quadVao_);
    glGenBuffers(1, &quadBuffer_);
    glBindVertexArray(quadVao_);
    glBindBuffer(GL_ARRAY_BUFFER, quadBuffer_);
    glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindVertexArray(0);
    return "";
}

void MeshRenderer::setFrameUniforms(ShaderProgram& program, const FrameScene& frame, const glm::mat4& view,
                                    const glm::mat4& projection) {
    program.use();
    program.set("uView", view);
    program.set("uProjection", projection);
    program.set("uClipPlane", frame.section.enabled ? frame.section.plane : kNoClip);
    const int cavities = std::min(static_cast<int>(frame.cavities.size()), FrameScene::kMaxCavities);
    program.set("uCavityCount", cavities);
    for (int i = 0; i < cavities; ++i) {
        const std::string name = "uCavities[" + std::to_string(i) + "]";
        program.set(name.c_str(), frame.cavities[i].worldToUnitSphere);
        const std::string exponent = "uCavityExponents[" + std::to_string(i) + "]";
        program.set(exponent.c_str(), frame.cavities[i].exponent);
    }
}

void MeshRenderer::drawSurface(const DrawItem& item, const FrameScene& frame) {
    surface_.set("uModel", item.model);
    surface_.set("uNormalMatrix", glm::inverseTranspose(glm::mat3(item.model)));
    surface_.set("uBaseColor", item.look.baseColor);
    surface_.set("uMetallic", item.look.metallic);
    surface_.set("uRoughness", item.look.roughness);
    surface_.set("uSurfaceDetail", item.look.surfaceDetail);
    surface_.set("uGhost", item.look.ghost);
    surface_.set("uHasTexture", item.look.texture != 0 ? 1 : 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, item.look.texture);
    if (item.look.doubleSided) {
        glDisable(GL_CULL_FACE);
    } else {
        glEnable(GL_CULL_FACE);
        glCullFace(item.look.insideOut ? GL_FRONT : GL_BACK);
    }
    // The plane goes to the shader per item as well as the enable: some drivers clip whenever the
    // shader writes gl_ClipDistance.
    const bool clip = item.clipped && frame.section.enabled;
    surface_.set("uClipPlane", clip ? frame.section.plane : kNoClip);
    setClipping(clip);
    item.mesh->draw();
}

void MeshRenderer::drawCapQuad(const DrawItem& item, const FrameScene& frame) {
    cap_.set("uCapStyle", capStyleId(item.cap));
    cap_.set("uCapColor", item.capColor);
    cap_.set("uHoled", item.holedByCavities ? 1 : 0);
    cap_.set("uPlane", frame.section.plane);
    cap_.set("uCentre", frame.section.centre);
    cap_.set("uExtent", frame.section.extent);
    glBindVertexArray(quadVao_);
    glDrawArrays(GL_TRIANGLES, 0, 6);
}

void MeshRenderer::drawCaps(const FrameScene& frame, const glm::mat4& view, const glm::mat4& projection) {
    glEnable(GL_STENCIL_TEST);
    glStencilMask(1);
    for (const DrawItem& item : frame.items) {
        if (!item.mesh || !item.clipped || item.cap == CapStyle::None) continue;
        // Each solid counts its own parity from zero: the cap quad resets only where it lands.
        glClear(GL_STENCIL_BUFFER_BIT);
        // Parity of the solid's surfaces behind each pixel's point on the plane: odd = inside. The
        // count must see the solid cut exactly as its surface was drawn, whatever item drew last.
        surface_.use();
        surface_.set("uModel", item.model);
        surface_.set("uClipPlane", frame.section.plane);
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        glDepthMask(GL_FALSE);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glStencilFunc(GL_ALWAYS, 0, 1);
        glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
        setClipping(true);
        item.mesh->draw();
        setClipping(false);
        // Paint the plane where the parity is odd, and reset the stencil wherever the quad lands.
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glDepthMask(GL_TRUE);
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LEQUAL); // inner layers repaint the outer layer's cut at the same depth
        glStencilFunc(GL_EQUAL, 1, 1);
        glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
        setFrameUniforms(cap_, frame, view, projection);
        drawCapQuad(item, frame);
        glDepthFunc(GL_LESS);
    }
    glStencilMask(0xFF);
    glDisable(GL_STENCIL_TEST);
}

void MeshRenderer::draw(const FrameScene& frame, const glm::mat4& view, const glm::mat4& projection) {
    setFrameUniforms(surface_, frame, view, projection);
    surface_.set("uBaseColorTexture", 0);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glFrontFace(GL_CCW);
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);

    std::vector<const DrawItem*> translucent;
    for (const DrawItem& item : frame.items) {
        if (!item.mesh || !item.drawSurface) continue;
        if (isTranslucent(item)) translucent.push_back(&item);
        else drawSurface(item, frame);
    }
    if (frame.section.enabled) {
        drawCaps(frame, view, projection);
        setFrameUniforms(surface_, frame, view, projection);
    }
    if (!translucent.empty()) {
        // Far to near by each item's origin: good enough for a few nested shells.
        std::sort(translucent.begin(), translucent.end(), [&](const DrawItem* a, const DrawItem* b) {
            return (view * a->model[3]).z < (view * b->model[3]).z;
        });
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // the shader outputs premultiplied colour
        glDepthMask(GL_FALSE);
        for (const DrawItem* item : translucent) drawSurface(*item, frame);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }
    setClipping(false);
    glDisable(GL_CULL_FACE);
    glBindVertexArray(0);
}

} // namespace spineviz
