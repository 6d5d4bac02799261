#include "render/GpuMesh.h"

#include <utility>
#include <vector>

namespace spineviz {
namespace {

struct Vertex {
    glm::vec3 position;
    glm::vec3 normal;
    glm::vec2 texcoord;
};

std::vector<Vertex> interleave(const MeshData& mesh) {
    std::vector<Vertex> vertices(mesh.positions.size());
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        vertices[i].position = mesh.positions[i];
        vertices[i].normal = i < mesh.normals.size() ? mesh.normals[i] : glm::vec3(0.0f, 1.0f, 0.0f);
        vertices[i].texcoord = i < mesh.texcoords.size() ? mesh.texcoords[i] : glm::vec2(0.0f);
    }
    return vertices;
}

const void* offsetOf(std::size_t bytes) { return reinterpret_cast<const void*>(bytes); }

} // namespace

GpuMesh::~GpuMesh() { release(); }

GpuMesh::GpuMesh(GpuMesh&& other) noexcept
    : vao_(std::exchange(other.vao_, 0)), vertexBuffer_(std::exchange(other.vertexBuffer_, 0)),
      indexBuffer_(std::exchange(other.indexBuffer_, 0)), indexCount_(std::exchange(other.indexCount_, 0)),
      vertexCount_(other.vertexCount_), hasTexcoords_(other.hasTexcoords_) {}

GpuMesh& GpuMesh::operator=(GpuMesh&& other) noexcept {
    if (this != &other) {
        release();
        vao_ = std::exchange(other.vao_, 0);
        vertexBuffer_ = std::exchange(other.vertexBuffer_, 0);
        indexBuffer_ = std::exchange(other.indexBuffer_, 0);
        indexCount_ = std::exchange(other.indexCount_, 0);
        vertexCount_ = other.vertexCount_;
        hasTexcoords_ = other.hasTexcoords_;
    }
    return *this;
}

void GpuMesh::release() {
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (vertexBuffer_) glDeleteBuffers(1, &vertexBuffer_);
    if (indexBuffer_) glDeleteBuffers(1, &indexBuffer_);
    vao_ = vertexBuffer_ = indexBuffer_ = 0;
    indexCount_ = 0;
}

void GpuMesh::upload(const MeshData& mesh) {
    release();
    const std::vector<Vertex> vertices = interleave(mesh);
    vertexCount_ = vertices.size();
    hasTexcoords_ = !mesh.texcoords.empty();
    indexCount_ = static_cast<GLsizei>(mesh.indices.size());
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vertexBuffer_);
    glGenBuffers(1, &indexBuffer_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(Vertex)), vertices.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)),
                 mesh.indices.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(kPosition);
    glVertexAttribPointer(kPosition, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), offsetOf(offsetof(Vertex, position)));
    glEnableVertexAttribArray(kNormal);
    glVertexAttribPointer(kNormal, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), offsetOf(offsetof(Vertex, normal)));
    glEnableVertexAttribArray(kTexcoord);
    glVertexAttribPointer(kTexcoord, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), offsetOf(offsetof(Vertex, texcoord)));
    glBindVertexArray(0);
}

void GpuMesh::updateVertices(const MeshData& mesh) {
    if (!vertexBuffer_ || mesh.positions.size() != vertexCount_) {
        upload(mesh);
        return;
    }
    const std::vector<Vertex> vertices = interleave(mesh);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(vertices.size() * sizeof(Vertex)), vertices.data());
}

void GpuMesh::draw() const {
    if (!vao_ || indexCount_ == 0) return;
    glBindVertexArray(vao_);
    glDrawElements(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr);
}

} // namespace spineviz
