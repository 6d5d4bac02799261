#pragma once
// A MeshData uploaded to GL: one vertex array with position, normal and texcoord attributes.

#include "core/mesh/MeshData.h"
#include "render/Gl.h"

namespace spineviz {

class GpuMesh {
public:
    // Attribute locations shared by every mesh shader.
    static constexpr GLuint kPosition = 0, kNormal = 1, kTexcoord = 2;

    GpuMesh() = default;
    ~GpuMesh();
    GpuMesh(const GpuMesh&) = delete;
    GpuMesh& operator=(const GpuMesh&) = delete;
    GpuMesh(GpuMesh&& other) noexcept;
    GpuMesh& operator=(GpuMesh&& other) noexcept;

    void upload(const MeshData& mesh);
    // Replaces positions and normals of a mesh with the same vertex count (deformation).
    void updateVertices(const MeshData& mesh);
    void draw() const;
    bool hasTexcoords() const { return hasTexcoords_; }

private:
    void release();

    GLuint vao_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0;
    GLsizei indexCount_ = 0;
    std::size_t vertexCount_ = 0;
    bool hasTexcoords_ = false;
};

} // namespace spineviz
