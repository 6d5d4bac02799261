#pragma once
// Turns a procedure state into draw items: the spine in its current posture (the fractured body
// and its discs re-shaped, the spine above tipped forward), the instruments where the state puts
// them, the balloon cavities and the cement. It draws what the core says; it decides nothing about
// the procedure. GPU meshes are cached and rebuilt only when what they show changes.

#include "core/procedure/ProcedureSession.h"
#include "render/DrawItem.h"
#include "render/GpuMesh.h"
#include "render/GpuScene.h"
#include "render/ProcedureLook.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace spineviz {

class ProcedureDrawer {
public:
    // Forget cached shapes (a new model or new options).
    void reset();
    // The trunk around the spine (world space, healthy pose), shown when the look asks for it.
    void setTrunk(MeshData trunk);
    void build(const Scene& scene, GpuScene& gpu, const ProcedurePlan& plan, const SpinePose& pose,
               const ProcedureState& state, const ProcedureLook& look, FrameScene& out);

private:
    struct CachedInstrument {
        InstrumentModel model;
        std::vector<std::unique_ptr<GpuMesh>> parts;
    };

    void poseAnatomy(const Scene& scene, GpuScene& gpu, const SpinePose& pose, const ProcedureState& state);
    void addAnatomy(const Scene& scene, const GpuScene& gpu, const SpinePose& pose, const ProcedureState& state,
                    const ProcedureLook& look, FrameScene& out);
    void addInstruments(const SpinePose& pose, const ProcedureState& state, const ProcedureLook& look, FrameScene& out);
    void addBalloonHole(const InstrumentPlacement& placement, const glm::mat4& anatomical, const SpinePose& pose,
                        const ProcedureState& state, FrameScene& out);
    void addCavities(const ProcedurePlan& plan, const SpinePose& pose, const ProcedureState& state, const ProcedureLook& look,
                     FrameScene& out);
    void addCement(const ProcedurePlan& plan, const SpinePose& pose, const ProcedureState& state,
                   const ProcedureLook& look, FrameScene& out);
    void addTrunk(const SpinePose& pose, const ProcedureState& state, const ProcedureLook& look, FrameScene& out);
    void setSection(const ProcedurePlan& plan, const SpinePose& pose, const ProcedureState& state,
                    const ProcedureLook& look, FrameScene& out);
    CachedInstrument& instrument(const InstrumentPlacement& placement);

    WallHeights posedHeights_{-1.0f, -1.0f, -1.0f};
    std::vector<glm::mat4> world_;
    std::map<std::string, CachedInstrument> instruments_;
    std::vector<std::unique_ptr<GpuMesh>> balloonMeshes_; // deformed balloons, per frame
    std::vector<std::unique_ptr<GpuMesh>> cavityMeshes_;
    struct CementMesh {
        std::unique_ptr<GpuMesh> mesh;
        bool leak = false;
    };
    std::vector<CementMesh> cementMeshes_; // what stays in the body, then each leak
    float cementMeshTime_ = -2.0f;
    WallHeights cementHeights_{-1.0f, -1.0f, -1.0f};
    WallHeights cavityHeights_{-1.0f, -1.0f, -1.0f};
    MeshData trunkSource_;
    std::unique_ptr<GpuMesh> trunkMesh_; // posed like the spine
    WallHeights trunkHeights_{-1.0f, -1.0f, -1.0f};
};

} // namespace spineviz
