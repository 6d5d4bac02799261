#pragma once
// The fluoroscopy views of the app: renders the images a FluoroSession asks for (live views every
// frame, single shots once) and draws the C-arms into the 3D view. The images stay on the GPU as
// textures for the UI; screenshots and tests read them back.

#include "core/xray/FluoroSession.h"
#include "render/GpuMesh.h"
#include "render/GpuScene.h"
#include "render/xray/XrayRenderer.h"

#include <array>
#include <memory>
#include <string>

namespace spineviz {

class FluoroRenderer {
public:
    static constexpr int kDefaultImageSize = 512;

    std::string init(const std::string& shaderDir); // "" or the first error
    void setImageSize(int size) { size_ = size; }
    int imageSize() const { return size_; }
    void setBody(const xray::BodyOutline& body) { physics_.body = body; }
    // The extents of the scene's meshes, so that the X-ray skips what is outside its field.
    void cullWith(const Scene& scene, const GpuScene& gpu);

    // Acquires the images `session` needs this frame (and tells it so).
    void render(const FrameScene& frame, xray::FluoroSession& session);
    // The C-arm of every shown view, in the 3D scene (invisible to the X-ray: Matter::None). The
    // C-arm itself only once the camera (at `eye`) has stepped back far enough to see it whole;
    // closer in, only the central ray of each live beam, so the anatomy stays in view.
    void appendCArms(const xray::FluoroSession& session, const glm::vec3& eye, FrameScene& frame);

    GLuint texture(int view) const { return images_[static_cast<std::size_t>(view)].displayTexture(); }
    const XrayImage& image(int view) const { return images_[static_cast<std::size_t>(view)]; }

private:
    void buildCArmMeshes(const xray::CArmGeometry& geometry);

    XrayRenderer renderer_;
    std::array<XrayImage, xray::kFluoroViews> images_;
    XrayPhysics physics_;
    MeshBounds bounds_;
    int size_ = kDefaultImageSize;
    GpuMesh tube_, detector_, arc_, centralRay_, rimRays_;
    bool carmBuilt_ = false;
    float builtField_ = 0.0f; // the detector field the beam's rays were built for
};

} // namespace spineviz
