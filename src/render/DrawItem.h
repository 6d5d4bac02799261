#pragma once
// One mesh to draw: what the renderer consumes each frame. Whoever assembles the frame (the app,
// from the core's state) decides what goes in and how it looks; the renderer only draws.

#include "render/Gl.h"

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include <vector>

namespace spineviz {

class GpuMesh;

// What a mesh is made of, for views that see through matter (the simulated X-ray). Closed meshes
// only: path lengths are integrated through them.
enum class Matter { None, SoftTissue, CorticalBone, TrabecularBone, Disc, Steel, Plastic, Contrast, Marker, Cement };

// How the cut face of a sectioned solid is painted (see shaders/cap.frag).
enum class CapStyle { None, Cortical, Trabecular, Annulus, Nucleus, Neural, Cement, Balloon, Plain };

struct SurfaceLook {
    glm::vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f}; // linear RGBA; alpha < 1 draws blended
    float metallic = 0.0f;
    float roughness = 0.7f;
    GLuint texture = 0;         // sRGB base-colour texture, 0 for none
    float surfaceDetail = 0.0f; // organic mottling, for tissue
    float ghost = 0.0f;         // 0 solid .. 1 glass-like x-ray shell (drawn blended)
    bool doubleSided = false;
    bool insideOut = false;     // draw the inner faces (a cavity's walls)
};

struct DrawItem {
    const GpuMesh* mesh = nullptr;
    glm::mat4 model{1.0f};
    SurfaceLook look;
    bool drawSurface = true;   // false: only its cut face is drawn (inner layers of a solid)
    bool clipped = false;      // cut by the section plane
    CapStyle cap = CapStyle::None; // paint its cut face (a closed mesh is required)
    glm::vec4 capColor{0.8f, 0.8f, 0.8f, 1.0f}; // linear, for CapStyle::Plain
    bool holedByCavities = false; // its cut face leaves the cavities open
    Matter matter = Matter::None;  // for the X-ray view; None: invisible to X-rays
    bool hollow = false;           // a void inside other matter (a cavity): subtracts from what holds it
    bool coreless = false;         // a bone with no trabecular core of its own (a rib): the X-ray gives
                                   // it a cortex (xray::kCorelessCortex) around marrow
};

// What the frame shares across items.
struct SectionPlane {
    bool enabled = false;
    glm::vec4 plane{1.0f, 0.0f, 0.0f, 0.0f}; // world: dot(n, p) + d >= 0 is kept
    glm::vec3 centre{0.0f};                    // a point on the plane near what is cut
    float extent = 1.0f;                       // half-size of the cap quad, metres
};

// A hole in cut faces (a cavity, or a balloon where the bone was): a rounded solid given as the map
// from world space onto its unit shape, |z|^e + (x^2 + y^2)^(e/2) <= 1 (e = 2: the unit sphere).
struct CavityShape {
    glm::mat4 worldToUnitSphere{1.0f};
    float exponent = 2.0f;
};

struct FrameScene {
    std::vector<DrawItem> items;
    SectionPlane section;
    std::vector<CavityShape> cavities; // at most kMaxCavities are used
    static constexpr int kMaxCavities = 4;
    void clear() {
        items.clear();
        cavities.clear();
        section = SectionPlane{};
    }
};

} // namespace spineviz
