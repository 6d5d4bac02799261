#pragma once
// What practice mode draws over the procedure's scene once the trainee is done: a red bead where
// the needle breached a wall and the ideal path beside each attempt. Neither shows on X-ray.

#include "render/DrawItem.h"
#include "render/GpuMesh.h"

#include <glm/vec3.hpp>

#include <memory>
#include <vector>

namespace spineviz {

struct PracticeMarks {
    std::vector<glm::vec3> breaches;                  // world
    std::vector<std::pair<glm::vec3, glm::vec3>> idealPaths; // world, entry to target
};

class PracticeMarksDrawer {
public:
    void append(const PracticeMarks& marks, FrameScene& out);

private:
    std::unique_ptr<GpuMesh> bead_, rod_; // a unit sphere and a unit-length rod along +Z, made once
};

} // namespace spineviz
