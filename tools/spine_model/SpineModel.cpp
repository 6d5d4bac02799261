#include "SpineModel.h"

#include "DiscShape.h"
#include "Landmarks.h"
#include "Layout.h"
#include "NeuralShape.h"
#include "RibShape.h"
#include "SacrumShape.h"
#include "SurfaceMesher.h"
#include "VertebraShape.h"

#include "core/anatomy/ModelFormat.h"
#include "core/anatomy/SpineLevels.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <exception>
#include <memory>
#include <map>
#include <mutex>
#include <thread>

namespace spine_model {
namespace fmt = spineviz::model_format;
namespace {

enum MaterialIndex { kBone, kTrabecular, kAnnulus, kNucleus, kDural, kNerve };

std::vector<SceneMaterial> materials() {
    // Linear base colours; roughness as for wet, matte tissue.
    return {
        {fmt::kMaterialBone, {0.80f, 0.74f, 0.62f, 1.0f}, 0.0f, 0.65f},
        {fmt::kMaterialTrabecular, {0.62f, 0.34f, 0.26f, 1.0f}, 0.0f, 0.80f},
        {fmt::kMaterialAnnulus, {0.80f, 0.84f, 0.90f, 1.0f}, 0.0f, 0.55f},
        {fmt::kMaterialNucleus, {0.60f, 0.68f, 0.80f, 1.0f}, 0.0f, 0.40f},
        {fmt::kMaterialDuralSac, {0.93f, 0.86f, 0.58f, 1.0f}, 0.0f, 0.60f},
        {fmt::kMaterialNerve, {0.95f, 0.78f, 0.22f, 1.0f}, 0.0f, 0.60f},
    };
}

constexpr float kCostalJointSpace = 0.8f; // mm, between a rib's head or tubercle and its costal facet (estimate)

// Meshing quality per part (sampling step and simplification bound, mm): the bones get the finest.
// The bones' outer surfaces also have their chords kept within 0.1 mm of the surface, so landmarks on
// the field lie on the mesh.
MeshingOptions boneOuter() { return {0.6f, 0.05f, 0, true}; }
MeshingOptions boneInner() { return {1.0f, 0.12f, 0}; }
MeshingOptions ribSurface() { return {0.6f, 0.06f, 0}; }
MeshingOptions sacrumOuter() { return {0.6f, 0.05f, 0, true}; }
MeshingOptions discOuter() { return {0.6f, 0.08f, 0}; }
MeshingOptions nucleusSurface() { return {0.7f, 0.1f, 0}; }
MeshingOptions cordSurface() { return {0.6f, 0.06f, 0}; }
MeshingOptions caudaSurface() { return {0.5f, 0.08f, 0}; }
MeshingOptions rootSurface() { return {0.45f, 0.06f, 0}; }

// A node to be written: its transform, extras and one mesh to extract, plus child nodes (identity
// transforms) with their own meshes.
struct NodeSpec {
    std::string name;
    glm::mat4 pose{1.0f};  // relative to the parent (roots: world), mm
    nlohmann::json extras; // null: none
    Field field;           // in the node frame, mm
    Box bounds;
    float isoLevel = 0.0f;
    MeshingOptions options;
    int material = kBone;
    std::vector<NodeSpec> children;
};

nlohmann::json kindExtras(const char* kind) { return {{fmt::kExtrasRoot, {{fmt::kFormat, fmt::kVersion}, {fmt::kKind, kind}}}}; }

// Builds the node specs (fields, bounds, extras) of the whole model, or of the wanted nodes only.
class PartsBuilder {
public:
    PartsBuilder(const SpineLayout& layout, const std::vector<std::string>& only) : layout_(layout), only_(only) {}

    std::vector<NodeSpec> build() {
        for (int i = 0; i < kLevelCount; ++i) addVertebra(i);
        addSacrum();
        for (int i = 0; i < kLevelCount; ++i) addDisc(i);
        addNeural();
        for (const RibAttachment& rib : layout_.ribs) addRib(rib);
        for (int i = 0; i < kLevelCount; ++i)
            for (int side = 0; side < 2; ++side) addNerveRoot(i, side);
        return std::move(nodes_);
    }

private:
    bool wanted(const std::string& name) const { return only_.empty() || std::find(only_.begin(), only_.end(), name) != only_.end(); }

    // A rib's head as a socket (a joint space larger) in the frame `toLocal` maps world points into.
    static Socket headSocket(const SpineLayout& layout, const RibAttachment& rib, const glm::mat4& toLocal) {
        const glm::mat4 m = toLocal * layout.vertebraPose[static_cast<std::size_t>(rib.vertebra)];
        Socket socket;
        socket.centre = glm::vec3(toLocal * glm::vec4(rib.head, 1.0f));
        socket.radii = rib.headRadii + glm::vec3(kCostalJointSpace);
        for (int k = 0; k < 3; ++k) {
            glm::vec3 axis(0.0f);
            axis[k] = 1.0f;
            socket.axes[k] = glm::normalize(glm::vec3(m * glm::vec4(axis, 0.0f)));
        }
        return socket;
    }

    // Sockets for the rib heads and tubercles that meet this vertebra, in its frame.
    std::vector<Socket> costalSockets(int level) const {
        std::vector<Socket> sockets;
        const glm::mat4 toLocal = glm::inverse(layout_.vertebraPose[static_cast<std::size_t>(level)]);
        for (const RibAttachment& rib : layout_.ribs) {
            if (rib.vertebra == level || rib.upperVertebra == level) sockets.push_back(headSocket(layout_, rib, toLocal));
            if (rib.vertebra == level && rib.hasTubercle)
                sockets.push_back({glm::vec3(toLocal * glm::vec4(rib.tubercle, 1.0f)), glm::vec3(rib.tubercleRadius + kCostalJointSpace)});
        }
        return sockets;
    }

    // Rib heads level with the disc below `upperLevel`, in the disc's frame.
    std::vector<Socket> discSockets(int upperLevel) const {
        std::vector<Socket> sockets;
        const glm::mat4 toLocal = glm::inverse(layout_.discPose[static_cast<std::size_t>(upperLevel)]);
        for (const RibAttachment& rib : layout_.ribs)
            if (rib.upperVertebra == upperLevel) sockets.push_back(headSocket(layout_, rib, toLocal));
        return sockets;
    }

    std::array<FacetJoint, 2> localJoints(int jointIndex, const glm::mat4& pose) const {
        const glm::mat4 toLocal = glm::inverse(pose);
        const auto& j = layout_.joints[static_cast<std::size_t>(jointIndex)];
        return {transformJoint(j[0], toLocal), transformJoint(j[1], toLocal)};
    }

    // The outer surface on the node itself and the trabecular surface on a child.
    static void addBoneSurfaces(NodeSpec& node, const Field& bone, const Box& bounds, float cortical) {
        node.field = bone;
        node.bounds = bounds;
        node.options = boneOuter();
        node.material = kBone;
        NodeSpec inner;
        inner.name = node.name + "_trabecular";
        inner.extras = kindExtras(fmt::kKindTrabecular);
        inner.field = bone;
        inner.bounds = bounds;
        inner.isoLevel = -cortical;
        inner.options = boneInner();
        inner.material = kTrabecular;
        node.children.push_back(std::move(inner));
    }

    void addVertebra(int i) {
        const std::string level(spineviz::kVertebraLevels[static_cast<std::size_t>(i)]);
        const std::string name = spineviz::vertebraNodeName(level);
        if (!wanted(name)) return;
        const glm::mat4& pose = layout_.vertebraPose[static_cast<std::size_t>(i)];
        const VertebraGeometry& g = layout_.vertebrae[static_cast<std::size_t>(i)];
        auto shape = std::make_shared<const VertebraShape>(g, localJoints(i, pose), localJoints(i + 1, pose), costalSockets(i));
        const Field bone = [shape](const glm::vec3& p) { return shape->distance(p); };
        const Field body = [shape](const glm::vec3& p) { return shape->bodyDistance(p); };
        NodeSpec node;
        node.name = name;
        node.pose = pose;
        node.extras = vertebraExtras(level, fmt::kKindVertebra, bone, body, shape->body(), &g, g.corticalThickness);
        addBoneSurfaces(node, bone, shape->bounds(), g.corticalThickness);
        nodes_.push_back(std::move(node));
    }

    void addSacrum() {
        const std::string name = "sacrum";
        if (!wanted(name)) return;
        const glm::mat4& pose = layout_.sacrumPose;
        const std::array<glm::vec3, 2> anchors = {layout_.sacrum.jointAnchor[0], layout_.sacrum.jointAnchor[1]};
        auto shape = std::make_shared<const SacrumShape>(layout_.sacrum.body, localJoints(kLevelCount, pose), anchors);
        const Field bone = [shape](const glm::vec3& p) { return shape->distance(p); };
        const Field body = [shape](const glm::vec3& p) { return shape->bodyDistance(p); };
        const float cortical = levelTable().back().corticalThickness;
        NodeSpec node;
        node.name = name;
        node.pose = pose;
        node.extras = vertebraExtras("S1", fmt::kKindSacrum, bone, body, shape->body(), nullptr, cortical);
        addBoneSurfaces(node, bone, shape->bounds(), cortical);
        node.options = sacrumOuter(); // a large, smooth bone
        nodes_.push_back(std::move(node));
    }

    void addDisc(int i) {
        const std::string upper(spineviz::kVertebraLevels[static_cast<std::size_t>(i)]);
        const std::string lower = i + 1 < kLevelCount ? std::string(spineviz::kVertebraLevels[static_cast<std::size_t>(i + 1)]) : "S1";
        const std::string name = spineviz::discNodeName(upper, lower);
        if (!wanted(name)) return;
        const glm::mat4& pose = layout_.discPose[static_cast<std::size_t>(i)];
        auto upperBody = std::make_shared<const BodyShape>(bodyParamsOf(layout_, i));
        auto lowerBody = std::make_shared<const BodyShape>(bodyParamsOf(layout_, i + 1));
        auto disc = std::make_shared<const DiscShape>(*upperBody, glm::inverse(bonePose(layout_, i)) * pose, *lowerBody,
                                                      glm::inverse(bonePose(layout_, i + 1)) * pose, layout_.discPlaneGap[static_cast<std::size_t>(i)],
                                                      discSockets(i));
        const Box box{-disc->halfExtent(), disc->halfExtent()};
        NodeSpec node;
        node.name = name;
        node.pose = pose;
        node.extras = {{fmt::kExtrasRoot, {{fmt::kFormat, fmt::kVersion}, {fmt::kKind, fmt::kKindDisc}, {fmt::kUpper, upper}, {fmt::kLower, lower}}}};
        // The lambdas keep the bodies alive along with the disc that refers to them.
        node.field = [disc, upperBody, lowerBody](const glm::vec3& p) { return disc->annulus(p); };
        node.bounds = box;
        node.options = discOuter();
        node.material = kAnnulus;
        NodeSpec inner;
        inner.name = name + "_nucleus";
        inner.extras = kindExtras(fmt::kKindNucleus);
        inner.field = [disc, upperBody, lowerBody](const glm::vec3& p) { return disc->nucleus(p); };
        inner.bounds = box;
        inner.options = nucleusSurface();
        inner.material = kNucleus;
        node.children.push_back(std::move(inner));
        nodes_.push_back(std::move(node));
    }

    void addNeural() {
        if (!wanted("spinal_cord") && !wanted("cauda_equina")) return;
        auto neural = std::make_shared<const NeuralShape>(layout_);
        if (wanted("spinal_cord")) {
            NodeSpec node;
            node.name = "spinal_cord";
            node.extras = kindExtras(fmt::kKindDuralSac);
            node.field = [neural](const glm::vec3& p) { return neural->cord(p); };
            node.bounds = neural->cordBounds();
            node.options = cordSurface();
            node.material = kDural;
            nodes_.push_back(std::move(node));
        }
        if (wanted("cauda_equina")) {
            NodeSpec node;
            node.name = "cauda_equina";
            node.extras = kindExtras(fmt::kKindCaudaEquina);
            node.field = [neural](const glm::vec3& p) { return neural->caudaEquina(p); };
            node.bounds = neural->caudaBounds();
            node.options = caudaSurface();
            node.material = kNerve;
            nodes_.push_back(std::move(node));
        }
    }

    void addRib(const RibAttachment& rib) {
        const std::string name = std::string("rib_") + (rib.side == 0 ? "left_" : "right_") + std::to_string(rib.number);
        if (!wanted(name)) return;
        const glm::mat4& pose = layout_.vertebraPose[static_cast<std::size_t>(rib.vertebra)];
        auto shape = std::make_shared<const RibShape>(rib, glm::inverse(pose));
        NodeSpec node;
        node.name = name;
        node.pose = pose;
        node.extras = {{fmt::kExtrasRoot,
                        {{fmt::kFormat, fmt::kVersion}, {fmt::kKind, fmt::kKindRib}, {fmt::kLevel, spineviz::kVertebraLevels[static_cast<std::size_t>(rib.vertebra)]}}}};
        node.field = [shape](const glm::vec3& p) { return shape->distance(p); };
        node.bounds = shape->bounds();
        node.options = ribSurface();
        node.material = kBone;
        nodes_.push_back(std::move(node));
    }

    void addNerveRoot(int level, int side) {
        const std::string levelName(spineviz::kVertebraLevels[static_cast<std::size_t>(level)]);
        const std::string name = "nerve_root_" + levelName + (side == 0 ? "_left" : "_right");
        if (!wanted(name)) return;
        auto shape = std::make_shared<const NerveRootShape>(layout_.vertebrae[static_cast<std::size_t>(level)], side);
        NodeSpec node;
        node.name = name;
        node.pose = layout_.vertebraPose[static_cast<std::size_t>(level)];
        node.extras = {{fmt::kExtrasRoot, {{fmt::kFormat, fmt::kVersion}, {fmt::kKind, fmt::kKindNerveRoot}, {fmt::kLevel, levelName}}}};
        node.field = [shape](const glm::vec3& p) { return shape->distance(p); };
        node.bounds = shape->bounds();
        node.options = rootSurface();
        node.material = kNerve;
        nodes_.push_back(std::move(node));
    }

    const SpineLayout& layout_;
    std::vector<std::string> only_;
    std::vector<NodeSpec> nodes_;
};

// CPU time of the calling thread (the machine may be shared: wall time says little per part).
double threadSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

struct MeshTask {
    const NodeSpec* spec = nullptr;
    spineviz::MeshData mesh;
    MeshingStats stats;
    double seconds = 0.0;
};

void collectTasks(const NodeSpec& spec, std::vector<MeshTask>& tasks) {
    tasks.push_back({&spec, {}, {}, 0.0});
    for (const NodeSpec& child : spec.children) collectTasks(child, tasks);
}

// Meshes every task on `threads` threads. Each mesh depends only on its own spec, so the result does
// not depend on the thread count or on scheduling.
void meshAll(std::vector<MeshTask>& tasks, int threads) {
    // Largest first, for balance.
    std::vector<std::size_t> order(tasks.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto volume = [&tasks](std::size_t i) {
        const glm::vec3 e = tasks[i].spec->bounds.hi - tasks[i].spec->bounds.lo;
        const float cell = tasks[i].spec->options.cell;
        return e.x * e.y * e.z / (cell * cell * cell);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return volume(a) > volume(b); });
    std::atomic<std::size_t> next{0};
    std::mutex errorMutex;
    std::exception_ptr error;
    auto worker = [&]() {
        for (std::size_t k = next++; k < order.size(); k = next++) {
            MeshTask& task = tasks[order[k]];
            try {
                const double started = threadSeconds();
                const NodeSpec& s = *task.spec;
                task.mesh = meshField(s.name, s.field, s.bounds, {{s.isoLevel, s.options}}, &task.stats).front();
                task.seconds = threadSeconds() - started;
            } catch (...) {
                const std::lock_guard<std::mutex> lock(errorMutex);
                if (!error) error = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::max(threads, 1); ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

class SceneWriter {
public:
    explicit SceneWriter(std::vector<MeshTask>& tasks) {
        scene_.materials = materials();
        for (MeshTask& t : tasks) meshes_[t.spec] = &t;
    }

    Scene write(const std::vector<NodeSpec>& nodes) {
        for (const NodeSpec& n : nodes) scene_.roots.push_back(addNode(n));
        return std::move(scene_);
    }

private:
    int addNode(const NodeSpec& spec) {
        SceneNode node;
        node.name = spec.name;
        node.translation = glm::vec3(spec.pose[3]) * 0.001f;
        node.rotation = glm::quat_cast(glm::mat3(spec.pose));
        node.extras = spec.extras;
        spineviz::MeshData mesh = std::move(meshes_.at(&spec)->mesh);
        for (glm::vec3& p : mesh.positions) p *= 0.001f;
        scene_.meshes.push_back({spec.name, std::move(mesh), spec.material});
        node.mesh = static_cast<int>(scene_.meshes.size() - 1);
        for (const NodeSpec& child : spec.children) node.children.push_back(addNode(child));
        scene_.nodes.push_back(std::move(node));
        return static_cast<int>(scene_.nodes.size() - 1);
    }

    Scene scene_;
    std::map<const NodeSpec*, MeshTask*> meshes_;
};

} // namespace

Scene buildSpineScene(const BuildOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const SpineLayout layout = layoutSpine();
    const std::vector<NodeSpec> nodes = PartsBuilder(layout, options.onlyNodes).build();
    std::vector<MeshTask> tasks;
    for (const NodeSpec& n : nodes) collectTasks(n, tasks);
    meshAll(tasks, options.threads);
    if (options.verbose) {
        std::size_t total = 0;
        for (const MeshTask& t : tasks) {
            total += t.mesh.triangleCount();
            std::fprintf(stderr, "%-28s %6.2f s cpu  %8zu -> %6zu triangles%s\n", t.spec->name.c_str(), t.seconds, t.stats.rawTriangles,
                         t.mesh.triangleCount(), t.stats.specksRemoved ? (" (" + std::to_string(t.stats.specksRemoved) + " specks dropped)").c_str() : "");
        }
        std::fprintf(stderr, "%zu triangles in %.1f s (sacral slope %.1f deg)\n", total,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), static_cast<double>(layout.sacralSlopeDegrees));
    }
    return SceneWriter(tasks).write(nodes);
}

struct SpineFields::Impl {
    SpineLayout layout;
    std::vector<NodeSpec> nodes;
    std::vector<PartField> parts;

    void collect(const NodeSpec& spec, const glm::mat4& parent) {
        const glm::mat4 pose = parent * spec.pose;
        parts.push_back({spec.name, pose, [field = spec.field, iso = spec.isoLevel](const glm::vec3& p) { return field(p) - iso; }, spec.bounds});
        for (const NodeSpec& child : spec.children) collect(child, pose);
    }
};

SpineFields::SpineFields() {
    auto impl = std::make_shared<Impl>();
    impl->layout = layoutSpine();
    impl->nodes = PartsBuilder(impl->layout, {}).build();
    for (const NodeSpec& n : impl->nodes) impl->collect(n, glm::mat4(1.0f));
    impl_ = std::move(impl);
}

const SpineLayout& SpineFields::layout() const { return impl_->layout; }

const PartField* SpineFields::find(const std::string& name) const {
    for (const PartField& p : impl_->parts)
        if (p.name == name) return &p;
    return nullptr;
}

const std::vector<PartField>& SpineFields::parts() const { return impl_->parts; }

} // namespace spine_model
