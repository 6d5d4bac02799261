#pragma once
// Renders one frame of the 3D view: draw items into the offscreen HDR target, then post-processing
// into the window's framebuffer. UI is drawn afterwards by the caller.

#include "render/AmbientOcclusion.h"
#include "render/MeshRenderer.h"
#include "render/PostProcess.h"
#include "render/RenderTarget.h"

#include <string>
#include <vector>

namespace spineviz {

struct Viewport {
    int x = 0, y = 0, width = 1, height = 1; // in framebuffer pixels, origin bottom-left
    float aspect() const { return height > 0 ? float(width) / float(height) : 1.0f; }
};

class FrameRenderer {
public:
    // Loads shaders from `shaderDir`; returns "" or the first error.
    std::string init(const std::string& shaderDir, int msaaSamples);
    // Draws into `output` (0: the window), which stays bound for the UI drawn afterwards.
    void render(const FrameScene& frame, const glm::mat4& view, const glm::mat4& projection, const Viewport& viewport,
                GLuint output);
    int samples() const { return target_.samples(); }
    Backdrop& backdrop() { return backdrop_; }
    void setAmbientOcclusion(bool on) { ambientOcclusion_ = on; }

private:
    MeshRenderer meshes_;
    AmbientOcclusion occlusion_;
    PostProcess post_;
    RenderTarget target_;
    Backdrop backdrop_;
    int msaaSamples_ = 4;
    float exposure_ = 1.0f;
    bool ambientOcclusion_ = true;
};

} // namespace spineviz
