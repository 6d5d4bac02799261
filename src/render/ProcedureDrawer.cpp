#include "render/ProcedureDrawer.h"

#include "core/anatomy/ModelFormat.h"
#include "core/procedure/TrunkSurface.h"
#include "core/sim/CementParts.h"
#include "core/sim/CementSurface.h"
#include "core/mesh/MeshNormals.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/matrix_inverse.hpp>

#include <cmath>
#include <cstdio>

namespace spineviz {
namespace {

namespace mf = model_format;

bool sameHeights(const WallHeights& a, const WallHeights& b) {
    return a.anterior == b.anterior && a.middle == b.middle && a.posterior == b.posterior;
}

std::string materialName(const Scene& scene, int material) {
    return material >= 0 && material < static_cast<int>(scene.materials.size()) ? scene.materials[material].name : "";
}

CapStyle capFor(const std::string& material) {
    if (material == mf::kMaterialBone) return CapStyle::Cortical;
    if (material == mf::kMaterialTrabecular) return CapStyle::Trabecular;
    if (material == mf::kMaterialAnnulus) return CapStyle::Annulus;
    if (material == mf::kMaterialNucleus) return CapStyle::Nucleus;
    if (material == mf::kMaterialDuralSac || material == mf::kMaterialNerve) return CapStyle::Neural;
    return CapStyle::Plain;
}

Matter matterFor(const std::string& material) {
    if (material == mf::kMaterialBone) return Matter::CorticalBone;
    if (material == mf::kMaterialTrabecular) return Matter::TrabecularBone;
    if (material == mf::kMaterialAnnulus || material == mf::kMaterialNucleus) return Matter::Disc;
    if (material == mf::kMaterialDuralSac || material == mf::kMaterialNerve) return Matter::SoftTissue;
    return Matter::SoftTissue;
}

Matter matterFor(PartMaterial material) {
    switch (material) {
    case PartMaterial::Steel: return Matter::Steel;
    case PartMaterial::Balloon: return Matter::Contrast;
    case PartMaterial::RadiopaqueMarker: return Matter::Marker;
    case PartMaterial::Cement: return Matter::Cement;
    case PartMaterial::HandlePlastic:
    case PartMaterial::HandleAccent:
    case PartMaterial::ClearPlastic:
    case PartMaterial::GaugeFace:
    case PartMaterial::Tubing: return Matter::Plastic;
    }
    return Matter::Plastic;
}

// A bone node with no trabecular core among its children (the ribs): the X-ray gives it one.
bool corelessBone(const Scene& scene, const Node& node) {
    for (int child : node.children) {
        const int mesh = scene.nodes[static_cast<std::size_t>(child)].mesh;
        if (mesh < 0) continue;
        for (const auto& primitive : scene.meshes[static_cast<std::size_t>(mesh)].primitives)
            if (materialName(scene, primitive.material) == mf::kMaterialTrabecular) return false;
    }
    return true;
}

// Inner layers of a solid show only where it is cut.
bool isInnerLayer(const std::string& material) { return material == mf::kMaterialTrabecular || material == mf::kMaterialNucleus; }

SurfaceLook instrumentLook(PartMaterial material) {
    SurfaceLook look;
    switch (material) {
    case PartMaterial::Steel: look.baseColor = {0.70f, 0.71f, 0.74f, 1.0f}; look.metallic = 1.0f; look.roughness = 0.28f; break;
    case PartMaterial::HandlePlastic: look.baseColor = {0.84f, 0.85f, 0.86f, 1.0f}; look.roughness = 0.45f; break;
    case PartMaterial::HandleAccent: look.baseColor = {0.08f, 0.30f, 0.60f, 1.0f}; look.roughness = 0.4f; break;
    case PartMaterial::ClearPlastic: look.baseColor = {0.80f, 0.88f, 0.92f, 0.35f}; look.roughness = 0.12f; break;
    case PartMaterial::Balloon: look.baseColor = {0.55f, 0.72f, 0.92f, 0.72f}; look.roughness = 0.2f; break;
    case PartMaterial::RadiopaqueMarker: look.baseColor = {0.30f, 0.30f, 0.33f, 1.0f}; look.metallic = 1.0f; look.roughness = 0.3f; break;
    case PartMaterial::Cement: look.baseColor = {0.86f, 0.85f, 0.80f, 1.0f}; look.roughness = 0.5f; break;
    case PartMaterial::GaugeFace: look.baseColor = {0.92f, 0.92f, 0.90f, 1.0f}; look.roughness = 0.35f; break;
    case PartMaterial::Tubing: look.baseColor = {0.78f, 0.86f, 0.90f, 0.55f}; look.roughness = 0.2f; break;
    }
    return look;
}

// Instrument frame (tip at origin, +Z along the path, +Y toward the head) in anatomical space.
glm::mat4 placementMatrix(const InstrumentPlacement& p, const glm::vec3& shift) {
    const glm::vec3 z = glm::normalize(p.axis);
    glm::vec3 up(0.0f, 1.0f, 0.0f);
    if (std::abs(glm::dot(up, z)) > 0.95f) up = glm::vec3(0.0f, 0.0f, 1.0f);
    const glm::vec3 x = glm::normalize(glm::cross(up, z));
    const glm::vec3 y = glm::cross(z, x);
    glm::mat4 m(glm::vec4(x, 0.0f), glm::vec4(y, 0.0f), glm::vec4(z, 0.0f), glm::vec4(p.tip + shift, 1.0f));
    return glm::rotate(m, p.roll, glm::vec3(0.0f, 0.0f, 1.0f));
}

std::string instrumentKey(const InstrumentPlacement& p) {
    const InstrumentParams& q = p.params;
    char key[160];
    std::snprintf(key, sizeof key, "%d|%.4f|%.1f|%.2f|%.1f|%.3f|%.3f|%d|%d", static_cast<int>(p.kind), q.balloonVolumeMl,
                  q.balloonNominalLengthMm, q.balloonMaxVolumeMl, q.pressurePsi, q.plungerTravel, q.cementFill, q.needleGauge,
                  q.mirrored ? 1 : 0);
    return key;
}

// A unit sphere.
const MeshData& unitSphere() {
    static const MeshData sphere = [] {
        MeshData m;
        const int rings = 32, segments = 40;
        const float pi = 3.14159265f;
        m.positions.push_back({0.0f, 0.0f, 1.0f});
        for (int r = 1; r < rings; ++r)
            for (int s = 0; s < segments; ++s) {
                const float t = pi * float(r) / float(rings), ph = 2.0f * pi * float(s) / float(segments);
                m.positions.push_back({std::sin(t) * std::cos(ph), std::sin(t) * std::sin(ph), std::cos(t)});
            }
        m.positions.push_back({0.0f, 0.0f, -1.0f});
        const auto at = [&](int r, int s) { return static_cast<std::uint32_t>(1 + (r - 1) * segments + s % segments); };
        const std::uint32_t bottom = static_cast<std::uint32_t>(m.positions.size() - 1);
        for (int s = 0; s < segments; ++s) {
            m.indices.insert(m.indices.end(), {0u, at(1, s), at(1, s + 1)});
            m.indices.insert(m.indices.end(), {bottom, at(rings - 1, s + 1), at(rings - 1, s)});
            for (int r = 1; r < rings - 1; ++r)
                m.indices.insert(m.indices.end(), {at(r, s), at(r + 1, s), at(r + 1, s + 1), at(r, s), at(r + 1, s + 1), at(r, s + 1)});
        }
        m.normals = m.positions;
        return m;
    }();
    return sphere;
}

// The unit solid of a shape's superellipse outline (axis +Z): the sphere's points pushed out along
// their rays onto |z|^e + rho^e = 1.
MeshData unitShape(float exponent) {
    MeshData m = unitSphere();
    if (exponent == 2.0f) return m;
    for (glm::vec3& p : m.positions) {
        const float rho = std::sqrt(p.x * p.x + p.y * p.y);
        p /= std::pow(std::pow(std::abs(p.z), exponent) + std::pow(rho, exponent), 1.0f / exponent);
    }
    computeVertexNormals(m);
    return m;
}

glm::mat4 ellipsoidMatrix(const Ellipsoid& e) {
    glm::vec3 up(0.0f, 1.0f, 0.0f);
    if (std::abs(glm::dot(up, e.axis)) > 0.95f) up = glm::vec3(1.0f, 0.0f, 0.0f);
    const glm::vec3 x = glm::normalize(glm::cross(up, e.axis)), y = glm::cross(e.axis, x);
    return glm::mat4(glm::vec4(x * e.radius, 0.0f), glm::vec4(y * e.radius, 0.0f), glm::vec4(e.axis * e.halfLength, 0.0f),
                     glm::vec4(e.centre, 1.0f));
}

// Applies the body's deformation to anatomical-frame vertices (normals from the map's Jacobian).
void deformAnatomical(MeshData& mesh, const BodyDeformation& d) {
    constexpr float h = 2e-4f;
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec3 p = mesh.positions[i], q = d.treated(p);
        if (i < mesh.normals.size()) {
            glm::mat3 j;
            for (int a = 0; a < 3; ++a) {
                glm::vec3 step(0.0f);
                step[a] = h;
                j[a] = (d.treated(p + step) - q) / h;
            }
            mesh.normals[i] = glm::normalize(glm::inverseTranspose(j) * mesh.normals[i]);
        }
        mesh.positions[i] = q;
    }
}

MeshData transformed(const MeshData& in, const glm::mat4& m) {
    MeshData out = in;
    const glm::mat3 n = glm::inverseTranspose(glm::mat3(m));
    for (glm::vec3& p : out.positions) p = glm::vec3(m * glm::vec4(p, 1.0f));
    for (glm::vec3& v : out.normals) v = glm::normalize(n * v);
    return out;
}

// The deformation near `centre` as an affine map (for cavities on cut faces).
glm::mat4 affineAround(const BodyDeformation& d, const glm::vec3& centre) {
    constexpr float h = 1e-3f;
    const glm::vec3 c = d.treated(centre);
    glm::mat4 m(1.0f);
    for (int a = 0; a < 3; ++a) {
        glm::vec3 step(0.0f);
        step[a] = h;
        m[a] = glm::vec4((d.treated(centre + step) - c) / h, 0.0f);
    }
    m[3] = glm::vec4(c - glm::mat3(m) * centre, 1.0f);
    return m;
}

} // namespace

void ProcedureDrawer::reset() {
    posedHeights_ = {-1.0f, -1.0f, -1.0f};
    instruments_.clear();
    cavityMeshes_.clear();
    balloonMeshes_.clear();
    cementMeshes_.clear();
    cementMeshTime_ = -2.0f;
    trunkMesh_.reset(); // a new level poses it differently
}

void ProcedureDrawer::poseAnatomy(const Scene& scene, GpuScene& gpu, const SpinePose& pose, const ProcedureState& state) {
    if (sameHeights(posedHeights_, state.heights)) return;
    posedHeights_ = state.heights;
    MeshData deformed;
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const int mesh = scene.nodes[n].mesh;
        if (mesh < 0) continue;
        const bool deforms = pose.deforms(static_cast<int>(n)) && !state.deformation.isIdentity();
        for (std::size_t p = 0; p < scene.meshes[mesh].primitives.size(); ++p) {
            const MeshData& original = scene.meshes[mesh].primitives[p].mesh;
            if (deforms) {
                pose.deformMesh(original, world_[n], pose.region(static_cast<int>(n)), state.deformation, deformed);
                gpu.updatePrimitive(mesh, static_cast<int>(p), deformed);
            } else if (pose.deforms(static_cast<int>(n))) {
                gpu.updatePrimitive(mesh, static_cast<int>(p), original);
            }
        }
    }
}

void ProcedureDrawer::addAnatomy(const Scene& scene, const GpuScene& gpu, const SpinePose& pose, const ProcedureState& state,
                                 const ProcedureLook& look, FrameScene& out) {
    const glm::mat4 above = pose.aboveWorld(state.deformation);
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const int mesh = scene.nodes[n].mesh;
        if (mesh < 0) continue;
        const PoseRegion region = pose.region(static_cast<int>(n));
        const bool treated = region == PoseRegion::Treated;
        for (std::size_t p = 0; p < scene.meshes[mesh].primitives.size(); ++p) {
            const std::string material = materialName(scene, scene.meshes[mesh].primitives[p].material);
            DrawItem item;
            item.mesh = &gpu.mesh(mesh, static_cast<int>(p));
            item.model = region == PoseRegion::Above ? above * world_[n] : world_[n];
            item.look = gpu.lookOf(scene, scene.meshes[mesh].primitives[p].material);
            item.look.surfaceDetail = material == mf::kMaterialBone ? 1.0f : 0.4f;
            item.cap = capFor(material);
            item.matter = matterFor(material);
            item.coreless = material == mf::kMaterialBone && corelessBone(scene, scene.nodes[n]);
            item.drawSurface = !isInnerLayer(material);
            item.clipped = look.cutaway && (treated || look.section == SectionMode::Axial);
            item.holedByCavities = treated; // cavities, and a balloon where it has pushed the bone aside
            if (treated && material == mf::kMaterialBone && state.phase.id != PhaseId::Healthy) {
                // A warmer tone marks the broken vertebra, so a patient can tell which one it is.
                const glm::vec3 warm(0.93f, 0.62f, 0.45f);
                item.look.baseColor = glm::vec4(glm::mix(glm::vec3(item.look.baseColor), warm, 0.35f), item.look.baseColor.w);
            }
            if (treated && look.ghost) {
                item.look.ghost = look.ghostStrength;
                // The far wall adds to the near one, as on a radiograph (the full shell only: at
                // part strength two walls would hide the inside again).
                item.look.doubleSided = look.ghostStrength >= 1.0f;
                item.drawSurface = !isInnerLayer(material);
            }
            out.items.push_back(item);
        }
    }
}

ProcedureDrawer::CachedInstrument& ProcedureDrawer::instrument(const InstrumentPlacement& placement) {
    const std::string key = instrumentKey(placement);
    auto it = instruments_.find(key);
    if (it != instruments_.end()) return it->second;
    if (instruments_.size() > 64) instruments_.clear(); // states change continuously: keep the cache small
    CachedInstrument cached;
    cached.model = buildInstrument(placement.kind, placement.params);
    for (const InstrumentPart& part : cached.model.parts) {
        cached.parts.push_back(std::make_unique<GpuMesh>());
        cached.parts.back()->upload(part.mesh);
    }
    return instruments_.emplace(key, std::move(cached)).first->second;
}

void ProcedureDrawer::addInstruments(const SpinePose& pose, const ProcedureState& state, const ProcedureLook& look,
                                     FrameScene& out) {
    balloonMeshes_.clear();
    if (!look.instruments) return;
    std::vector<glm::mat4> placedWorld;
    std::vector<const CachedInstrument*> placedModel;
    for (const InstrumentPlacement& placement : state.instruments) {
        CachedInstrument& cached = instrument(placement);
        glm::mat4 anatomical;
        if (placement.attachedTo >= 0 && placement.attachedTo < static_cast<int>(placedWorld.size())) {
            anatomical = pose.worldToAnatomical() * placedWorld[placement.attachedTo] * placedModel[placement.attachedTo]->model.attachFrame;
        } else {
            // Rigid instruments ride with the pedicle (a crushed posterior wall carries it down a little).
            const glm::vec3 entry = placement.tip - placement.axis * 0.04f;
            anatomical = placementMatrix(placement, state.deformation.treated(entry) - entry);
        }
        const glm::mat4 world = pose.anatomicalToWorld() * anatomical;
        placedWorld.push_back(world);
        placedModel.push_back(&cached);
        for (std::size_t i = 0; i < cached.model.parts.size(); ++i) {
            const InstrumentPart& part = cached.model.parts[i];
            DrawItem item;
            item.look = instrumentLook(part.material);
            const bool inBody = part.material == PartMaterial::Balloon || part.material == PartMaterial::RadiopaqueMarker;
            if (inBody && placement.kind == InstrumentKind::BalloonTamp && !state.deformation.isIdentity()) {
                // The balloon is inside the body: it is pressed by the endplates like the bone around it.
                MeshData mesh = transformed(part.mesh, anatomical);
                deformAnatomical(mesh, state.deformation);
                balloonMeshes_.push_back(std::make_unique<GpuMesh>());
                balloonMeshes_.back()->upload(mesh);
                item.mesh = balloonMeshes_.back().get();
                item.model = pose.anatomicalToWorld();
                if (part.material == PartMaterial::Balloon) {
                    item.look.doubleSided = true; // its far wall shows through, and through the hole it makes in a cut face
                    if (look.cutaway) addBalloonHole(placement, anatomical, pose, state, out);
                }
            } else {
                item.mesh = cached.parts[i].get();
                item.model = world;
            }
            // Instruments stay whole in a cut-away: the section opens the bone around them.
            item.matter = matterFor(part.material);
            out.items.push_back(item);
        }
    }
}

void ProcedureDrawer::addBalloonHole(const InstrumentPlacement& placement, const glm::mat4& anatomical, const SpinePose& pose,
                                      const ProcedureState& state, FrameScene& out) {
    // Where the balloon is, there is no bone: a cut face shows the balloon, not marrow behind it.
    // A little inside the balloon's outline, so no gap opens between the two.
    const BalloonShape shape = balloonShape(placement.params);
    if (shape.contrastFraction <= 0.0f) return;
    Ellipsoid e;
    e.centre = glm::vec3(anatomical * glm::vec4(0.0f, 0.0f, 0.5f * (shape.proximalZ + shape.distalZ), 1.0f));
    e.axis = glm::normalize(glm::vec3(anatomical * glm::vec4(0.0f, 0.0f, 1.0f, 0.0f)));
    e.halfLength = 0.95f * 0.5f * (shape.distalZ - shape.proximalZ);
    e.radius = 0.95f * shape.maxRadius;
    e.exponent = std::max(shape.exponent, 2.0f);
    const glm::mat4 toWorld = pose.anatomicalToWorld() * affineAround(state.deformation, e.centre) * ellipsoidMatrix(e);
    out.cavities.push_back({glm::inverse(toWorld), e.exponent});
}

void ProcedureDrawer::addCavities(const ProcedurePlan& plan, const SpinePose& pose, const ProcedureState& state,
                                  const ProcedureLook& look, FrameScene& out) {
    if (cavityMeshes_.size() != 2 * state.cavities.size() || !sameHeights(cavityHeights_, state.heights)) {
        cavityHeights_ = state.heights;
        cavityMeshes_.clear();
        for (Ellipsoid cavity : state.cavities) {
            // True to size (the X-ray and the cut-away), then a little smaller for the see-through
            // view, so the cement filling it covers it cleanly.
            for (const float shrink : {1.0f, 0.9f}) {
                Ellipsoid shown = cavity;
                shown.radius *= shrink;
                shown.halfLength *= shrink;
                MeshData mesh = transformed(unitShape(cavity.exponent), ellipsoidMatrix(shown));
                deformAnatomical(mesh, state.deformation);
                cavityMeshes_.push_back(std::make_unique<GpuMesh>());
                cavityMeshes_.back()->upload(mesh);
            }
        }
    }
    const bool filled = plan.cement && state.cementTime >= plan.cement->injectionSeconds;
    for (std::size_t i = 0; i < state.cavities.size(); ++i) {
        const glm::mat4 toWorld = pose.anatomicalToWorld() * affineAround(state.deformation, state.cavities[i].centre) *
                                  ellipsoidMatrix(state.cavities[i]);
        out.cavities.push_back({glm::inverse(toWorld), state.cavities[i].exponent});
        DrawItem item;
        item.mesh = cavityMeshes_[2 * i].get();
        item.model = pose.anatomicalToWorld();
        item.matter = Matter::TrabecularBone;
        item.hollow = true; // the balloon pushed the bone aside: less matter here
        item.drawSurface = look.cutaway; // cut open: its walls; otherwise hidden in the bone
        item.look.baseColor = glm::vec4(0.36f, 0.11f, 0.08f, 1.0f);
        item.look.roughness = 0.85f;
        item.look.insideOut = true;
        item.clipped = look.cutaway;
        out.items.push_back(item);
        if (look.ghost && !filled) { // an empty space seen through the bone, until the cement fills it
            DrawItem space;
            space.mesh = cavityMeshes_[2 * i + 1].get();
            space.model = pose.anatomicalToWorld();
            space.look.baseColor = glm::vec4(0.25f, 0.10f, 0.09f, 0.55f);
            space.look.roughness = 0.85f;
            out.items.push_back(space);
        }
    }
}

void ProcedureDrawer::addCement(const ProcedurePlan& plan, const SpinePose& pose, const ProcedureState& state,
                                const ProcedureLook& look, FrameScene& out) {
    if (!plan.cement || state.cementTime < 0.0f) return;
    const CementField& field = *plan.cement;
    // Remesh when the injection has moved on noticeably (or the body changed shape).
    const float step = std::max(field.injectionSeconds / 240.0f, 1e-3f);
    if (cementMeshes_.empty() || std::abs(state.cementTime - cementMeshTime_) >= step || !sameHeights(cementHeights_, state.heights)) {
        cementMeshes_.clear();
        const auto add = [&](MeshData mesh, bool leak) {
            if (mesh.empty()) return;
            deformAnatomical(mesh, state.deformation);
            cementMeshes_.push_back({std::make_unique<GpuMesh>(), leak});
            cementMeshes_.back().mesh->upload(mesh);
        };
        // Leaked cement is drawn apart from what stays in the body, so a trainee sees it at once.
        if (field.leaks.empty()) {
            add(cementSurface(field, state.cementTime), false);
        } else {
            add(retainedCementSurface(field, state.cementTime), false);
            for (int i = 0; i < static_cast<int>(field.leaks.size()); ++i) add(leakSurface(field, i, state.cementTime), true);
        }
        cementMeshTime_ = state.cementTime;
        cementHeights_ = state.heights;
    }
    for (const CementMesh& part : cementMeshes_) {
        DrawItem item;
        item.mesh = part.mesh.get();
        item.model = pose.anatomicalToWorld();
        // PMMA with barium sulfate: a cool grey-white, unlike the bone's warm ivory; wet and glossy
        // while it flows, satin once it has set. Leaks carry a warning amber.
        item.look.baseColor = part.leak ? glm::vec4(0.95f, 0.62f, 0.30f, 1.0f) : glm::vec4(0.52f, 0.56f, 0.61f, 1.0f);
        item.look.roughness = 0.18f + 0.22f * state.cementCure;
        item.clipped = look.cutaway;
        item.cap = CapStyle::Cement;
        item.matter = Matter::Cement;
        out.items.push_back(item);
    }
}

void ProcedureDrawer::setTrunk(MeshData trunk) {
    trunkSource_ = std::move(trunk);
    trunkMesh_.reset();
}

void ProcedureDrawer::addTrunk(const SpinePose& pose, const ProcedureState& state, const ProcedureLook& look, FrameScene& out) {
    if (!look.trunk || trunkSource_.positions.empty()) return;
    if (!trunkMesh_ || !sameHeights(trunkHeights_, state.heights)) {
        // The trunk bends with the spine above the fracture, as the patient stoops.
        if (!trunkMesh_) trunkMesh_ = std::make_unique<GpuMesh>();
        trunkMesh_->upload(posedTrunk(trunkSource_, pose, state.deformation));
        trunkHeights_ = state.heights;
    }
    DrawItem item;
    item.mesh = trunkMesh_.get();
    // A glass-like skin: faint face-on, clearer at the outline, so the spine stays the subject.
    item.look.baseColor = glm::vec4(0.86f, 0.66f, 0.56f, 0.55f);
    item.look.roughness = 0.6f;
    item.look.ghost = 1.0f;
    out.items.push_back(item);
}

void ProcedureDrawer::setSection(const ProcedurePlan& plan, const SpinePose& pose, const ProcedureState& state,
                                 const ProcedureLook& look, FrameScene& out) {
    if (!look.cutaway || plan.sides.empty()) return;
    const Trajectory& path = plan.sides.front().path;
    const glm::vec3 entry = state.deformation.treated(path.entry);
    glm::vec3 normal;
    if (look.section == SectionMode::Sagittal) {
        // Through the pedicle's path, opening the side it enters from.
        normal = glm::normalize(glm::cross(path.axis, glm::vec3(0.0f, 1.0f, 0.0f)));
        if (glm::dot(normal, glm::vec3(0.0f) - entry) < 0.0f) normal = -normal; // keep the body's centre
    } else {
        normal = glm::vec3(0.0f, -1.0f, 0.0f); // keep what is below the pedicles
    }
    const glm::vec4 anatomicalPlane(normal, -glm::dot(normal, entry));
    out.section.enabled = true;
    out.section.plane = glm::transpose(pose.worldToAnatomical()) * anatomicalPlane;
    out.section.centre = glm::vec3(pose.anatomicalToWorld() * glm::vec4(entry, 1.0f));
    out.section.extent = look.section == SectionMode::Sagittal ? 0.06f : 0.12f;
}

void ProcedureDrawer::build(const Scene& scene, GpuScene& gpu, const ProcedurePlan& plan, const SpinePose& pose,
                            const ProcedureState& state, const ProcedureLook& look, FrameScene& out) {
    if (world_.size() != scene.nodes.size()) world_ = scene.worldTransforms();
    poseAnatomy(scene, gpu, pose, state);
    addAnatomy(scene, gpu, pose, state, look, out);
    addInstruments(pose, state, look, out);
    addCavities(plan, pose, state, look, out);
    addCement(plan, pose, state, look, out);
    addTrunk(pose, state, look, out);
    setSection(plan, pose, state, look, out);
}

} // namespace spineviz
