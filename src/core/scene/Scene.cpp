#include "core/scene/Scene.h"

namespace spineviz {

int Scene::findNode(const std::string& name) const {
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
        if (nodes[i].name == name) return i;
    return -1;
}

glm::mat4 Scene::worldTransform(int node) const {
    glm::mat4 world(1.0f);
    // The loader guarantees the parent chain is acyclic.
    for (int n = node; n >= 0; n = nodes[n].parent) world = nodes[n].local * world;
    return world;
}

std::vector<glm::mat4> Scene::worldTransforms() const {
    std::vector<glm::mat4> world(nodes.size(), glm::mat4(1.0f));
    std::vector<int> stack(roots.rbegin(), roots.rend());
    for (int root : roots) world[root] = nodes[root].local;
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        for (int child : nodes[n].children) {
            world[child] = world[n] * nodes[child].local;
            stack.push_back(child);
        }
    }
    return world;
}

Aabb Scene::bounds() const {
    Aabb box;
    const std::vector<glm::mat4> world = worldTransforms();
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (nodes[n].mesh < 0) continue;
        for (const Primitive& primitive : meshes[nodes[n].mesh].primitives)
            box.extend(primitive.bounds.transformed(world[n]));
    }
    return box;
}

std::size_t Scene::triangleCount() const {
    std::size_t count = 0;
    for (const Node& node : nodes) {
        if (node.mesh < 0) continue;
        for (const Primitive& primitive : meshes[node.mesh].primitives) count += primitive.mesh.triangleCount();
    }
    return count;
}

} // namespace spineviz
