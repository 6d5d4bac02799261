#pragma once
// An indexed triangle mesh on the CPU: the one mesh form shared by the loader, the model generator,
// the simulations and the renderer's upload.

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spineviz {

struct MeshData {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;        // empty, or one per position
    std::vector<glm::vec2> texcoords;      // empty, or one per position
    std::vector<std::uint32_t> indices;    // three per triangle, counter-clockwise seen from outside

    std::size_t vertexCount() const { return positions.size(); }
    std::size_t triangleCount() const { return indices.size() / 3; }
    bool empty() const { return indices.empty(); }
};

} // namespace spineviz
