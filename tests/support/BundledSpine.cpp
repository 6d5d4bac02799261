#include "BundledSpine.h"

#include "core/scene/GltfLoader.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <stdexcept>

namespace spineviz::test {

const Scene& bundledScene() {
    static const Scene scene = [] {
        LoadResult loaded = loadGltf(SPINEVIZ_SOURCE_DIR "/models/spine.glb");
        if (!loaded) throw std::runtime_error("cannot load the bundled spine: " + loaded.error);
        return std::move(*loaded.scene);
    }();
    return scene;
}

const SpineAnatomy& bundledAnatomy() {
    static const SpineAnatomy anatomy = SpineAnatomy::fromScene(bundledScene());
    return anatomy;
}

const VertebraNode& bundledVertebra(const std::string& level) {
    const VertebraNode* v = bundledAnatomy().vertebra(level);
    if (!v) throw std::runtime_error("the bundled spine has no " + level);
    return *v;
}

const MeshData& bundledBone(const std::string& level) {
    const Scene& scene = bundledScene();
    return scene.meshes.at(std::size_t(scene.nodes.at(std::size_t(bundledVertebra(level).node)).mesh)).primitives.at(0).mesh;
}

TraineePlan bundledIdealPlan(const std::string& level, Procedure procedure, int shotsPerNeedle) {
    ProcedureOptions options;
    options.procedure = procedure;
    options.level = level;
    return idealTraineePlan(bundledVertebra(level).landmarks, options, shotsPerNeedle);
}

TraineePlan turnedNeedle(TraineePlan plan, Side side, const glm::vec3& anatomicalAxis, float degrees) {
    const VertebraLandmarks& l = bundledVertebra(plan.level).landmarks;
    const glm::vec3 axis = glm::normalize(glm::vec3(l.anatomicalToLocal() * glm::vec4(anatomicalAxis, 0.0f)));
    for (NeedleAttempt& n : plan.needles)
        if (n.side == side)
            n.direction = glm::normalize(glm::vec3(glm::rotate(glm::mat4(1.0f), glm::radians(degrees), axis) * glm::vec4(n.direction, 0.0f)));
    return plan;
}

} // namespace spineviz::test
