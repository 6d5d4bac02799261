// spine_model_preview: renders a .glb with a CPU rasteriser to PNG, for judging the generated model
// without the app.
//   spine_model_preview --model PATH --out PNG [--view lateral|right|anterior|posterior|superior|inferior|oblique|posterolateral]
//                       [--node NAME] [--context] [--cut] [--size WxH] [--hide MATERIAL[,..]] [--wire]
// With --node the view is in that node's own frame and only it (and its children) is drawn, unless --context.

#include "preview/Rasteriser.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <stb/stb_image_write.h>
#include <tiny_gltf.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>

using namespace spine_model::preview;

namespace {

struct DrawItem {
    std::vector<glm::vec3> positions, normals;
    std::vector<std::uint32_t> indices;
    glm::vec3 colour;
    std::string material;
};

template <typename T>
std::vector<T> readAccessor(const tinygltf::Model& model, int index) {
    const tinygltf::Accessor& a = model.accessors[static_cast<std::size_t>(index)];
    const tinygltf::BufferView& v = model.bufferViews[static_cast<std::size_t>(a.bufferView)];
    const unsigned char* data = model.buffers[static_cast<std::size_t>(v.buffer)].data.data() + v.byteOffset + a.byteOffset;
    std::vector<T> out(a.count);
    std::memcpy(out.data(), data, a.count * sizeof(T));
    return out;
}

std::vector<std::uint32_t> readIndices(const tinygltf::Model& model, int index) {
    const tinygltf::Accessor& a = model.accessors[static_cast<std::size_t>(index)];
    if (a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT) {
        const std::vector<std::uint16_t> small = readAccessor<std::uint16_t>(model, index);
        return {small.begin(), small.end()};
    }
    return readAccessor<std::uint32_t>(model, index);
}

glm::mat4 localMatrix(const tinygltf::Node& n) {
    glm::mat4 m(1.0f);
    if (n.translation.size() == 3) m = glm::translate(m, glm::vec3(n.translation[0], n.translation[1], n.translation[2]));
    if (n.rotation.size() == 4)
        m *= glm::mat4_cast(glm::quat(static_cast<float>(n.rotation[3]), static_cast<float>(n.rotation[0]), static_cast<float>(n.rotation[1]), static_cast<float>(n.rotation[2])));
    return m;
}

void collectWorld(const tinygltf::Model& model, int node, const glm::mat4& parent, std::map<int, glm::mat4>& world, std::map<int, int>& parentOf) {
    const glm::mat4 m = parent * localMatrix(model.nodes[static_cast<std::size_t>(node)]);
    world[node] = m;
    for (int c : model.nodes[static_cast<std::size_t>(node)].children) {
        parentOf[c] = node;
        collectWorld(model, c, m, world, parentOf);
    }
}

Camera cameraFor(const std::string& view) {
    Camera c;
    if (view == "lateral") c.forward = {-1, 0, 0};
    else if (view == "right") c.forward = {1, 0, 0};
    else if (view == "anterior") c.forward = {0, 0, -1};
    else if (view == "posterior") c.forward = {0, 0, 1};
    else if (view == "superior") c.forward = {0, -1, 0}, c.up = {0, 0, 1};
    else if (view == "inferior") c.forward = {0, 1, 0}, c.up = {0, 0, 1};
    else if (view == "oblique") c.forward = glm::normalize(glm::vec3(-0.8f, -0.35f, -0.9f));
    else if (view == "posterolateral") c.forward = glm::normalize(glm::vec3(-0.8f, -0.3f, 0.9f));
    else if (view == "posterosuperior") c.forward = glm::normalize(glm::vec3(-0.4f, -0.9f, 0.5f)), c.up = {0, 0, 1};
    return c;
}

std::vector<std::uint8_t> renderView(const std::vector<DrawItem>& items, const std::string& view, int width, int height, bool frameFocusOnly,
                                     bool cut, bool wire) {
    Camera camera = cameraFor(view);
    const glm::vec3 right = glm::normalize(glm::cross(camera.forward, camera.up));
    const glm::vec3 up = glm::cross(right, camera.forward);
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (const DrawItem& item : items)
        for (const glm::vec3& p : item.positions) {
            if (frameFocusOnly && glm::length(p) > 0.09f) continue; // frame the focus, not its neighbours
            const glm::vec2 s(glm::dot(p, right), glm::dot(p, up));
            lo = glm::min(lo, s), hi = glm::max(hi, s);
        }
    const glm::vec2 mid = 0.5f * (lo + hi);
    camera.centre = right * mid.x + up * mid.y;
    const float aspect = static_cast<float>(width) / static_cast<float>(height);
    camera.halfHeight = 0.54f * std::max(hi.y - lo.y, (hi.x - lo.x) / aspect);
    camera.centre -= camera.forward * 1.0f; // keep depth positive for everything

    Rasteriser raster(width, height, 3);
    raster.setWireframe(wire);
    const glm::vec4 plane(1.0f, 0.0f, 0.0f, 0.0f); // --cut removes x > 0 (the left half) in the view frame
    for (const DrawItem& item : items) raster.drawMesh(item.positions, item.normals, item.indices, item.colour, camera, cut ? &plane : nullptr);
    return raster.resolve(glm::vec3(0.015f, 0.018f, 0.024f));
}

} // namespace

int main(int argc, char** argv) {
    std::string modelPath, outPath, view = "lateral", focus, hide;
    int width = 900, height = 1200;
    bool context = false, cut = false, wire = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--model") modelPath = next();
        else if (a == "--out") outPath = next();
        else if (a == "--view") view = next();
        else if (a == "--node") focus = next();
        else if (a == "--context") context = true;
        else if (a == "--cut") cut = true;
        else if (a == "--wire") wire = true;
        else if (a == "--hide") hide = "," + next() + ",";
        else if (a == "--size") std::sscanf(next().c_str(), "%dx%d", &width, &height);
        else { std::fprintf(stderr, "unknown argument %s\n", a.c_str()); return 2; }
    }
    tinygltf::Model model;
    tinygltf::TinyGLTF loader;
    std::string err, warn;
    if (!loader.LoadBinaryFromFile(&model, &err, &warn, modelPath)) {
        std::fprintf(stderr, "cannot load %s: %s\n", modelPath.c_str(), err.c_str());
        return 1;
    }
    std::map<int, glm::mat4> world;
    std::map<int, int> parentOf;
    for (int root : model.scenes[0].nodes) collectWorld(model, root, glm::mat4(1.0f), world, parentOf);

    glm::mat4 viewFrame(1.0f);
    int focusNode = -1;
    for (const auto& [node, m] : world)
        if (model.nodes[static_cast<std::size_t>(node)].name == focus) focusNode = node, viewFrame = glm::inverse(m);
    auto underFocus = [&](int node) {
        for (int n = node;; n = parentOf.at(n)) {
            if (n == focusNode) return true;
            if (!parentOf.count(n)) return false;
        }
    };

    std::vector<DrawItem> items;
    for (const auto& [node, m] : world) {
        const tinygltf::Node& n = model.nodes[static_cast<std::size_t>(node)];
        if (n.mesh < 0) continue;
        if (focusNode >= 0 && !context && !underFocus(node)) continue;
        const glm::mat4 toView = viewFrame * m;
        for (const tinygltf::Primitive& p : model.meshes[static_cast<std::size_t>(n.mesh)].primitives) {
            DrawItem item;
            const tinygltf::Material& mat = model.materials[static_cast<std::size_t>(p.material)];
            item.material = mat.name;
            if (hide.find("," + mat.name + ",") != std::string::npos) continue;
            const auto& f = mat.pbrMetallicRoughness.baseColorFactor;
            item.colour = glm::vec3(f[0], f[1], f[2]);
            item.positions = readAccessor<glm::vec3>(model, p.attributes.at("POSITION"));
            item.normals = readAccessor<glm::vec3>(model, p.attributes.at("NORMAL"));
            item.indices = readIndices(model, p.indices);
            for (auto& v : item.positions) v = glm::vec3(toView * glm::vec4(v, 1.0f));
            for (auto& v : item.normals) v = glm::normalize(glm::vec3(toView * glm::vec4(v, 0.0f)));
            items.push_back(std::move(item));
        }
    }

    // Several comma-separated views are tiled left to right.
    std::vector<std::string> views;
    for (std::size_t from = 0;;) {
        const std::size_t comma = view.find(',', from);
        views.push_back(view.substr(from, comma - from));
        if (comma == std::string::npos) break;
        from = comma + 1;
    }
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * views.size() * height * 3);
    for (std::size_t v = 0; v < views.size(); ++v) {
        const std::vector<std::uint8_t> tile = renderView(items, views[v], width, height, focusNode >= 0 && context, cut, wire);
        for (int y = 0; y < height; ++y)
            std::memcpy(&pixels[(static_cast<std::size_t>(y) * width * views.size() + v * width) * 3], &tile[static_cast<std::size_t>(y) * width * 3],
                        static_cast<std::size_t>(width) * 3);
    }
    width *= static_cast<int>(views.size());
    if (!stbi_write_png(outPath.c_str(), width, height, 3, pixels.data(), width * 3)) {
        std::fprintf(stderr, "cannot write %s\n", outPath.c_str());
        return 1;
    }
    return 0;
}
