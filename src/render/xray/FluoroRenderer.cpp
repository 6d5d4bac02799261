#include "render/xray/FluoroRenderer.h"

#include "core/xray/CArmModel.h"

#include <glm/gtc/matrix_transform.hpp>

namespace spineviz {
namespace {

SurfaceLook carmLook(const glm::vec4& colour, float roughness, float metallic = 0.0f) {
    SurfaceLook look;
    look.baseColor = colour;
    look.roughness = roughness;
    look.metallic = metallic;
    return look;
}

// Scale of the C-arm drawn in the 3D view: a quarter of its size keeps it in a view framed on one
// vertebra; the beam's cone keeps its true angles (the drawing is scaled about the isocentre).
constexpr float kSmallCArm = 0.25f;
// From this far from the isocentre (metres, at true size) the camera sees the whole C-arm.
constexpr float kWholeCArmDistance = 1.3f;

} // namespace

std::string FluoroRenderer::init(const std::string& shaderDir) { return renderer_.init(shaderDir); }

void FluoroRenderer::cullWith(const Scene& scene, const GpuScene& gpu) {
    bounds_.clear();
    for (std::size_t m = 0; m < scene.meshes.size(); ++m)
        for (std::size_t p = 0; p < scene.meshes[m].primitives.size(); ++p)
            bounds_[&gpu.mesh(static_cast<int>(m), static_cast<int>(p))] = scene.meshes[m].primitives[p].bounds;
}

void FluoroRenderer::render(const FrameScene& frame, xray::FluoroSession& session) {
    physics_.table = xray::standardAttenuation(session.look.bone);
    for (int i = 0; i < xray::kFluoroViews; ++i) {
        XrayImage& image = images_[static_cast<std::size_t>(i)];
        const bool sized = image.ensure(size_);
        if (!session.needsImage(i) || !sized) continue;
        // A different noise draw for every image and view.
        const std::uint32_t seed = session.view(i).imagesTaken * 2u + static_cast<std::uint32_t>(i) + 1u;
        renderer_.render(frame, session.carmView(i), physics_, session.look, seed, image, &bounds_);
        session.imageAcquired(i);
    }
}

void FluoroRenderer::buildCArmMeshes(const xray::CArmGeometry& geometry) {
    const xray::CArmMeshes meshes = xray::buildCArmMeshes(geometry);
    tube_.upload(meshes.tube);
    detector_.upload(meshes.detector);
    arc_.upload(meshes.arc);
    centralRay_.upload(meshes.centralRay);
    rimRays_.upload(meshes.rimRays);
    carmBuilt_ = true;
    builtField_ = geometry.detectorDiameter;
}

void FluoroRenderer::appendCArms(const xray::FluoroSession& session, const glm::vec3& eye, FrameScene& frame) {
    if (!session.open()) return;
    if (!carmBuilt_ || builtField_ != session.geometry.detectorDiameter) buildCArmMeshes(session.geometry);
    const float scale = session.carmTrueSize ? 1.0f : kSmallCArm;
    for (int i = 0; i < xray::kFluoroViews; ++i) {
        const xray::FluoroViewState& v = session.view(i);
        if (!v.shown) continue;
        const glm::mat4 model = glm::scale(session.carmView(i).armFrame(v.pose.isocentre), glm::vec3(scale));
        const auto add = [&](const GpuMesh& mesh, const SurfaceLook& look) {
            DrawItem item;
            item.mesh = &mesh;
            item.model = model;
            item.look = look;
            frame.items.push_back(item); // Matter::None: the X-ray does not see its own C-arm
        };
        // Close in, the arms and the beam would only clutter the anatomy: the monitors show the beam.
        if (glm::distance(eye, v.pose.isocentre) < kWholeCArmDistance * scale) continue;
        const SurfaceLook beam = carmLook({1.0f, 0.62f, 0.10f, 1.0f}, 0.5f);
        if (v.live) add(centralRay_, beam);
        add(arc_, carmLook({0.80f, 0.80f, 0.76f, 1.0f}, 0.45f));
        add(tube_, carmLook({0.52f, 0.55f, 0.58f, 1.0f}, 0.35f, 0.3f));
        add(detector_, carmLook({0.76f, 0.77f, 0.78f, 1.0f}, 0.4f));
        if (v.live) add(rimRays_, beam);
    }
}

} // namespace spineviz
