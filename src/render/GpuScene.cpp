#include "render/GpuScene.h"

namespace spineviz {

void GpuScene::upload(const Scene& scene) {
    meshes_.clear();
    textures_.clear();
    meshes_.resize(scene.meshes.size());
    for (std::size_t m = 0; m < scene.meshes.size(); ++m) {
        meshes_[m].resize(scene.meshes[m].primitives.size());
        for (std::size_t p = 0; p < scene.meshes[m].primitives.size(); ++p)
            meshes_[m][p].upload(scene.meshes[m].primitives[p].mesh);
    }
    textures_.resize(scene.images.size());
    for (std::size_t i = 0; i < scene.images.size(); ++i) textures_[i].upload(scene.images[i]);
}

void GpuScene::updatePrimitive(int mesh, int primitive, const MeshData& data) {
    meshes_[mesh][primitive].updateVertices(data);
}

SurfaceLook GpuScene::lookOf(const Scene& scene, int material) const {
    SurfaceLook look;
    if (material < 0 || material >= static_cast<int>(scene.materials.size())) return look;
    const Material& m = scene.materials[material];
    look.baseColor = m.baseColorFactor;
    if (m.alphaMode == AlphaMode::Opaque) look.baseColor.w = 1.0f;
    look.metallic = m.metallic;
    look.roughness = m.roughness;
    look.doubleSided = m.doubleSided;
    if (m.baseColorImage >= 0 && m.baseColorImage < static_cast<int>(textures_.size()))
        look.texture = textures_[m.baseColorImage].id();
    return look;
}

void GpuScene::appendDrawItems(const Scene& scene, const std::vector<glm::mat4>& world, std::vector<DrawItem>& out) const {
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const int mesh = scene.nodes[n].mesh;
        if (mesh < 0 || mesh >= static_cast<int>(meshes_.size())) continue;
        for (std::size_t p = 0; p < meshes_[mesh].size(); ++p) {
            DrawItem item;
            item.mesh = &meshes_[mesh][p];
            item.model = world[n];
            item.look = lookOf(scene, scene.meshes[mesh].primitives[p].material);
            out.push_back(item);
        }
    }
}

} // namespace spineviz
