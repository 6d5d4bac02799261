#include "core/anatomy/PartAnchors.h"

#include <glm/geometric.hpp>

#include <functional>
#include <limits>

namespace spineviz {
namespace {

// The surface point with the highest score among those `allowed` (anatomical coordinates).
struct Finder {
    const MeshData& mesh;
    glm::mat4 toAnatomical;

    glm::vec3 best(const std::function<bool(const glm::vec3&)>& allowed, const std::function<float(const glm::vec3&)>& score) const {
        float top = -std::numeric_limits<float>::max();
        glm::vec3 found(0.0f);
        for (const glm::vec3& p : mesh.positions) {
            const glm::vec3 a(toAnatomical * glm::vec4(p, 1.0f));
            if (!allowed(a)) continue;
            const float s = score(a);
            if (s > top) {
                top = s;
                found = p;
            }
        }
        return found;
    }
    glm::vec3 nearest(const glm::vec3& anatomicalProbe) const {
        return best([](const glm::vec3&) { return true; }, [&](const glm::vec3& a) { return -glm::length(a - anatomicalProbe); });
    }
};

} // namespace

std::vector<PartAnchor> vertebraPartAnchors(const MeshData& mesh, const VertebraLandmarks& l) {
    std::vector<PartAnchor> anchors;
    if (mesh.positions.empty()) return anchors;
    const glm::mat4 toAnatomical = l.localToAnatomical();
    const glm::mat4 toLocal = l.anatomicalToLocal();
    const auto anatomical = [&](const glm::vec3& p) { return glm::vec3(toAnatomical * glm::vec4(p, 1.0f)); };
    const auto local = [&](const glm::vec3& a) { return glm::vec3(toLocal * glm::vec4(a, 1.0f)); };
    const Finder find{mesh, toAnatomical};

    const float back = anatomical(l.posteriorWall).z;
    const float depth = l.dimensions.endplateDepth;
    const float top = anatomical(l.superiorEndplate.centre).y;
    const float canalBack = back - l.dimensions.canalDepth;
    const float behindCanal = canalBack - 0.002f;

    anchors.push_back({"Vertebral body", find.nearest(anatomical(l.anteriorWall) + glm::vec3(0.35f * l.dimensions.endplateWidth, 0.0f, -0.2f * depth))});
    anchors.push_back({"Endplate", find.nearest(glm::vec3(0.0f, top + 0.004f, 0.25f * depth))});
    const PedicleLandmarks& pedicle = l.pedicle(Side::Left);
    const glm::vec3 pedicleMiddle = anatomical(pedicle.entry) + glm::normalize(glm::vec3(toAnatomical * glm::vec4(pedicle.axis, 0.0f))) *
                                                                    (0.5f * (back - anatomical(pedicle.entry).z));
    anchors.push_back({"Pedicle", find.nearest(pedicleMiddle + glm::vec3(pedicle.width, 0.0f, 0.0f))});
    anchors.push_back({"Spinous process", find.best([&](const glm::vec3& a) { return std::abs(a.x) < 0.006f; },
                                                    [](const glm::vec3& a) { return -a.z; })});
    anchors.push_back({"Transverse process", find.best([&](const glm::vec3& a) { return a.z < back; },
                                                       [](const glm::vec3& a) { return a.x; })});
    anchors.push_back({"Superior articular process", find.best([&](const glm::vec3& a) { return a.z < back - 0.006f && a.x > 0.006f; },
                                                               [](const glm::vec3& a) { return a.y; })});
    anchors.push_back({"Inferior articular process", find.best([&](const glm::vec3& a) { return a.z < canalBack && a.x > 0.005f; },
                                                               [](const glm::vec3& a) { return -a.y; })});
    anchors.push_back({"Lamina", find.nearest(glm::vec3(0.006f, 0.0f, behindCanal))});
    anchors.push_back({"Vertebral foramen and spinal canal", local(glm::vec3(0.0f, 0.0f, back - 0.5f * l.dimensions.canalDepth))});
    return anchors;
}

} // namespace spineviz
