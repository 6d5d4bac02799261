#include "render/MeshRenderer.h"

#include "render/GpuMesh.h"

#include <glm/gtc/matrix_inverse.hpp>

#include <algorithm>

namespace spineviz {

std::string MeshRenderer::init(const std::string& shaderDir) {
    return program_.load(shaderDir, "mesh.vert", "mesh.frag");
}

void MeshRenderer::drawOne(const DrawItem& item) {
    program_.set("uModel", item.model);
    program_.set("uNormalMatrix", glm::inverseTranspose(glm::mat3(item.model)));
    program_.set("uBaseColor", item.look.baseColor);
    program_.set("uMetallic", item.look.metallic);
    program_.set("uRoughness", item.look.roughness);
    program_.set("uSurfaceDetail", item.look.surfaceDetail);
    program_.set("uHasTexture", item.look.texture != 0 ? 1 : 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, item.look.texture);
    if (item.look.doubleSided) glDisable(GL_CULL_FACE);
    else glEnable(GL_CULL_FACE);
    item.mesh->draw();
}

void MeshRenderer::draw(const std::vector<DrawItem>& items, const glm::mat4& view, const glm::mat4& projection) {
    program_.use();
    program_.set("uView", view);
    program_.set("uProjection", projection);
    program_.set("uBaseColorTexture", 0);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glCullFace(GL_BACK);
    glFrontFace(GL_CCW);

    std::vector<const DrawItem*> translucent;
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);
    for (const DrawItem& item : items) {
        if (!item.mesh) continue;
        if (item.look.baseColor.w < 0.999f) translucent.push_back(&item);
        else drawOne(item);
    }
    if (!translucent.empty()) {
        // Sort by the depth of each item's origin: good enough for a few nested shells.
        std::sort(translucent.begin(), translucent.end(), [&](const DrawItem* a, const DrawItem* b) {
            return (view * a->model[3]).z < (view * b->model[3]).z;
        });
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // the shader outputs premultiplied colour
        glDepthMask(GL_FALSE);
        for (const DrawItem* item : translucent) drawOne(*item);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }
    glDisable(GL_CULL_FACE);
    glBindVertexArray(0);
}

} // namespace spineviz
