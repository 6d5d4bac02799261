#pragma once
// Builds the whole spine scene (bones, discs, neural tissue, ribs, nerve roots) from the parameter
// table, and exposes the same parts' fields for checks.

#include "FieldSampling.h"
#include "GlbWriter.h"
#include "Layout.h"

#include <glm/mat4x4.hpp>

#include <memory>
#include <string>
#include <vector>

namespace spine_model {

struct BuildOptions {
    std::vector<std::string> onlyNodes; // debugging: build just these node names (empty: everything)
    bool verbose = false;               // per-part timings and triangle counts on stderr
    int threads = 2;                    // meshing threads (the output does not depend on it)
};

Scene buildSpineScene(const BuildOptions& options);

// One meshed part of the model, as its generating field.
struct PartField {
    std::string name;     // the node's name
    glm::mat4 pose{1.0f}; // node frame -> world, mm
    Field field;          // signed distance (mm) of the node's mesh surface, in the node frame (mm)
    Box bounds;           // node frame, mm
};

// The fields of every node of the model (outer surfaces, trabecular surfaces, nuclei too), from the
// same code the generator meshes; for checks that need exact geometry (facet clearances and the like).
class SpineFields {
public:
    SpineFields();
    const SpineLayout& layout() const;
    const PartField* find(const std::string& name) const; // null when there is none
    const std::vector<PartField>& parts() const;

private:
    struct Impl;
    std::shared_ptr<const Impl> impl_;
};

} // namespace spine_model
