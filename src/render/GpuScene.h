#pragma once
// The GPU copy of a loaded Scene: one GpuMesh per primitive and one texture per image, uploaded
// once. It turns the scene's nodes into draw items for any set of node world transforms, so a
// caller can move nodes (posture, fracture) without re-uploading.

#include "core/scene/Scene.h"
#include "render/DrawItem.h"
#include "render/GpuMesh.h"
#include "render/Texture2D.h"

#include <vector>

namespace spineviz {

class GpuScene {
public:
    void upload(const Scene& scene);
    // Replaces one primitive's vertices (same topology), e.g. a deformed vertebra.
    void updatePrimitive(int mesh, int primitive, const MeshData& data);

    // Draw items for every node with a mesh; `world` holds one transform per scene node.
    void appendDrawItems(const Scene& scene, const std::vector<glm::mat4>& world, std::vector<DrawItem>& out) const;
    // The look a scene material asks for.
    SurfaceLook lookOf(const Scene& scene, int material) const;
    const GpuMesh& mesh(int mesh, int primitive) const { return meshes_[mesh][primitive]; }

private:
    std::vector<std::vector<GpuMesh>> meshes_;
    std::vector<Texture2D> textures_;
};

} // namespace spineviz
