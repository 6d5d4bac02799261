#pragma once
// The simulated X-ray image of a FrameScene, on the GPU (docs/fluoroscopy.md):
//  1. paths: every item with a Matter is drawn from the C-arm's focal spot with additive blending
//     and no depth test. Each fragment adds its distance from the source along the ray, signed:
//     minus on front faces (where the ray enters), plus on back faces (where it leaves). For a
//     closed mesh the sum is the ray's length inside it. Nested solids are resolved by per-item
//     channel weights (channelWeights): a trabecular core adds to trabecular and takes the same
//     length off cortical; a cavity takes length off trabecular. A bone without a core of its own
//     (a rib: DrawItem::coreless) is drawn a second time, its surface moved inward by the cortex's
//     thickness, as marrow. The image needs only sum_c mu_c L_c (and the bone's part of it), so
//     each item is drawn once into an RG32F target weighted by sum_c w_c mu_c; on request (tests)
//     a second pass records the length per class into two RGBA32F targets.
//  2. line: per pixel, the line integral (the path pass plus the analytic trunk, lungs, heart,
//     abdomen: BodyOutline), with the trabecular texture, and the anatomy's line integral and its
//     square, mipmapped for the automatic brightness and contrast.
//  3. display: blur, scatter, automatic brightness and contrast, edge enhancement, quantum noise,
//     the display curve and the intensifier's round field -> an RGBA8 texture the UI shows and
//     screenshots save.

#include "core/math/Aabb.h"
#include "core/scene/Scene.h"
#include "core/xray/Attenuation.h"
#include "core/xray/BodyOutline.h"
#include "core/xray/CArm.h"
#include "core/xray/XrayLook.h"
#include "render/DrawItem.h"
#include "render/ShaderProgram.h"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace spineviz {

class GpuMesh;

// One view's images on the GPU, square, `size` pixels a side.
class XrayImage {
public:
    XrayImage() = default;
    ~XrayImage();
    XrayImage(const XrayImage&) = delete;
    XrayImage& operator=(const XrayImage&) = delete;

    bool ensure(int size); // (re)creates at this size; false if the driver refused
    int size() const { return size_; }
    GLuint displayTexture() const { return displayTexture_; } // RGBA8, GL rows bottom to top

    // Read back (tests, screenshots); rows bottom to top except readDisplay (top to bottom).
    Image readDisplay() const;
    std::vector<float> readLineIntegral() const;                 // sum mu L per pixel, body included, before blur
    std::vector<float> readPathLengths(xray::XrayClass c) const; // metres per pixel; empty unless
                                                                 // the renderer records classes
    float brightnessLevel() const; // the line integral the display centres on (the anatomy's, central field)
    float anatomySpread() const;   // the anatomy's spread over the central field (automatic contrast)

private:
    friend class XrayRenderer;
    void release();
    bool ensureClasses();
    glm::vec4 centralMeans() const; // the line target's means over the central half of the field

    int size_ = 0;
    GLuint sumFbo_ = 0, sumTexture_ = 0;              // RG32F: sum mu L of the items, and the bone's part
    GLuint classFbo_ = 0, classTextures_[2] = {0, 0}; // 2 x RGBA32F: length per class
    GLuint lineFbo_ = 0, lineTexture_ = 0;            // RGBA32F, mipmapped: p, anatomy's p, its square, body's p
    GLuint displayFbo_ = 0, displayTexture_ = 0;      // RGBA8: what the monitor shows
};

// The mip level of one texel for a square of `size` pixels.
int xrayTopMipLevel(int size);

// Everything the X-ray needs besides the scene and the C-arm.
struct XrayPhysics {
    xray::AttenuationTable table;
    xray::BodyOutline body;
    // Instrument plastics (handles, syringe, tubing): outside the body and nearly radiolucent
    // (PMMA-like, 0.22 /cm), yet most of the instruments' triangles; left out unless asked for.
    bool plastics = false;
};

// Bounds (in the mesh's own space) of the meshes whose extent is known: items whose bounds lie
// wholly outside the X-ray's field are not drawn. Meshes not listed are always drawn.
using MeshBounds = std::unordered_map<const GpuMesh*, Aabb>;

class XrayRenderer {
public:
    ~XrayRenderer();
    std::string init(const std::string& shaderDir); // "" or the first error
    // Renders `frame` as seen by `view` into `image`. `seed` draws this image's noise; `bounds`
    // (optional) lets items outside the field be skipped.
    void render(const FrameScene& frame, const xray::CArmView& view, const XrayPhysics& physics, const xray::XrayLook& look,
                std::uint32_t seed, XrayImage& image, const MeshBounds* bounds = nullptr);
    int itemsDrawn() const { return itemsDrawn_; } // by the last render (tests, tuning)
    // Also record the path length per material class (a second pass into eight channels), for
    // tests and inspection; the image does not need it.
    void setRecordClasses(bool on) { recordClasses_ = on; }

    // The weight with which an item's path length enters each class channel; false when the
    // X-ray does not see it.
    static bool channelWeights(const DrawItem& item, const xray::AttenuationTable& table,
                               std::array<float, xray::kXrayClassCount>& weights);

private:
    void drawLine(const xray::CArmView& view, const XrayPhysics& physics, XrayImage& image);
    void drawDisplay(const xray::XrayLook& look, std::uint32_t seed, XrayImage& image);

    ShaderProgram paths_, classPaths_, line_, display_;
    GLuint emptyVao_ = 0;
    GLuint deviates_ = 0; // R32F tile of unit normal deviates for the quantum noise
    GLuint grain_ = 0;    // R32F tile of the trabecular texture
    int itemsDrawn_ = 0;
    bool recordClasses_ = false;
};

} // namespace spineviz
