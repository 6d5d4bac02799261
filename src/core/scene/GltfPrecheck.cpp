#include "core/scene/GltfPrecheck.h"

#include "core/scene/ExternalUri.h"
#include "core/scene/GltfLimits.h"

#include <cmath>

namespace spineviz::gltf {
namespace {

using json = nlohmann::json;
using namespace gltf_limits;
namespace fs = std::filesystem;

struct Refusal {
    std::string message;
};

[[noreturn]] void refuse(std::string message) { throw Refusal{std::move(message)}; }

std::string str(std::uint64_t v) { return std::to_string(v); }

std::string itemOf(const char* array, std::size_t index) { return std::string(array) + "[" + str(index) + "]"; }

// An optional top-level array, refused past its limit before anything walks it.
const json& arrayOf(const json& doc, const char* key, std::size_t limit) {
    static const json empty = json::array();
    const auto it = doc.find(key);
    if (it == doc.end()) return empty;
    if (!it->is_array()) refuse(std::string("'") + key + "' is not an array");
    if (it->size() > limit)
        refuse("the model has " + str(it->size()) + " " + key + ", more than the " + str(limit) + " spineviz accepts");
    return *it;
}

const json& objectIn(const json& array, std::size_t index, const char* name) {
    if (!array[index].is_object()) refuse(itemOf(name, index) + " is not an object");
    return array[index];
}

bool has(const json& object, const char* key) { return object.find(key) != object.end(); }

// A non-negative whole number (glTF writes them as integers; 24.0 is accepted too).
std::uint64_t wholeAt(const json& object, const char* key, const std::string& item, std::uint64_t fallback, bool required) {
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required) refuse(item + "." + key + " is missing");
        return fallback;
    }
    if (it->is_number_unsigned()) return it->get<std::uint64_t>();
    if (it->is_number_float()) {
        const double d = it->get<double>();
        if (d >= 0.0 && d <= 9.0e15 && d == std::floor(d)) return static_cast<std::uint64_t>(d);
    }
    refuse(item + "." + key + " is not a non-negative whole number");
}

// An index into another array, or -1 when absent.
int indexAt(const json& object, const char* key, const std::string& item, std::size_t count, const char* target) {
    if (!has(object, key)) return -1;
    const std::uint64_t index = wholeAt(object, key, item, 0, true);
    if (index >= count) refuse(item + "." + key + " refers to " + target + "[" + str(index) + "], which does not exist");
    return static_cast<int>(index);
}

void addChecked(std::uint64_t& total, std::uint64_t amount, std::uint64_t limit, const char* what) {
    total = amount > limit || total > limit - amount ? limit + 1 : total + amount;
    if (total > limit) refuse("the model asks for more than " + str(limit) + " " + what + " (spineviz's limit; see docs/reliability.md)");
}

// Bytes a base64 data uri decodes to, or refused when it is not one tinygltf can read.
std::uint64_t dataUriBytes(const std::string& uri, const std::string& item) {
    const std::size_t comma = uri.find(',');
    if (comma == std::string::npos || uri.compare(comma - std::min<std::size_t>(comma, 7), 7, ";base64") != 0)
        refuse(item + ".uri is a data uri that is not base64");
    std::uint64_t chars = uri.size() - comma - 1;
    std::uint64_t padding = 0;
    for (std::size_t i = uri.size(); i > comma + 1 && uri[i - 1] == '=' && padding < 2; --i) ++padding;
    chars -= padding;
    return chars / 4 * 3 + (chars % 4 == 3 ? 2 : chars % 4 == 2 ? 1 : 0);
}

class Precheck {
public:
    Precheck(const json& doc, const ModelContainer& container, ModelUsage& usage)
        : doc_(doc), container_(container), usage_(usage) {}

    void run() {
        refuseRequiredExtensions();
        nodes_ = &arrayOf(doc_, "nodes", kMaxNodes);
        meshes_ = &arrayOf(doc_, "meshes", kMaxMeshes);
        accessors_ = &arrayOf(doc_, "accessors", kMaxAccessors);
        views_ = &arrayOf(doc_, "bufferViews", kMaxBufferViews);
        buffers_ = &arrayOf(doc_, "buffers", kMaxBuffers);
        images_ = &arrayOf(doc_, "images", kMaxImages);
        textures_ = &arrayOf(doc_, "textures", kMaxTextures);
        materials_ = &arrayOf(doc_, "materials", kMaxMaterials);
        arrayOf(doc_, "scenes", kMaxScenes);
        usage_.buffers.assign(buffers_->size(), false);
        usage_.images.assign(images_->size(), {});
        usage_.imageUsed.assign(images_->size(), false);
        usedViews_.assign(views_->size(), false);
        usedMaterials_.assign(materials_->size(), false);

        std::vector<bool> usedMeshes(meshes_->size(), false);
        for (std::size_t n = 0; n < nodes_->size(); ++n) {
            const int mesh = indexAt(objectIn(*nodes_, n, "nodes"), "mesh", itemOf("nodes", n), meshes_->size(), "meshes");
            if (mesh >= 0) usedMeshes[mesh] = true;
        }
        // Outermost first: buffers, then the views into them, then what reads the views.
        for (std::size_t b = 0; b < buffers_->size(); ++b) bufferLength(b);
        for (std::size_t v = 0; v < views_->size(); ++v) checkView(v);
        for (std::size_t m = 0; m < meshes_->size(); ++m)
            if (usedMeshes[m]) checkMesh(m);
        for (std::size_t m = 0; m < materials_->size(); ++m)
            if (usedMaterials_[m]) checkMaterial(m);
        for (std::size_t v = 0; v < views_->size(); ++v)
            if (usedViews_[v]) usage_.buffers[viewBuffers_[v]] = true;
        for (std::size_t b = 0; b < buffers_->size(); ++b)
            if (usage_.buffers[b]) checkBufferSource(b);
    }

private:
    void refuseRequiredExtensions() {
        const auto it = doc_.find("extensionsRequired");
        if (it == doc_.end() || !it->is_array()) return;
        for (const json& name : *it)
            refuse("the model requires the glTF extension " + (name.is_string() ? "'" + name.get<std::string>() + "'" : "(unnamed)") +
                   ", which spineviz does not support");
    }

    // Elements of a used accessor; its buffer view becomes used.
    std::uint64_t accessorElements(int index, const std::string& user) {
        const std::string item = itemOf("accessors", index);
        const json& accessor = objectIn(*accessors_, index, "accessors");
        if (has(accessor, "sparse")) refuse(item + " (used by " + user + ") is sparse, which spineviz does not support");
        const std::uint64_t count = wholeAt(accessor, "count", item, 0, true);
        const int view = indexAt(accessor, "bufferView", item, views_->size(), "bufferViews");
        if (view >= 0) {
            usedViews_[view] = true;
            checkAccessorRange(accessor, item, count, view);
        } else if (count > kMaxZeroElements)
            refuse(item + " declares " + str(count) + " elements without data (the limit is " + str(kMaxZeroElements) + ")");
        return count;
    }

    // The accessor's last element ends inside its buffer view (overflow-safe).
    void checkAccessorRange(const json& accessor, const std::string& item, std::uint64_t count, int view) {
        const std::uint64_t componentType = wholeAt(accessor, "componentType", item, 0, true);
        const std::uint64_t componentBytes = componentType == 5120 || componentType == 5121   ? 1
                                             : componentType == 5122 || componentType == 5123 ? 2
                                             : componentType == 5125 || componentType == 5126 ? 4
                                                                                              : 0;
        if (componentBytes == 0) refuse(item + ".componentType " + str(componentType) + " is not a glTF component type");
        const auto type = accessor.find("type");
        const std::string typeName = type != accessor.end() && type->is_string() ? type->get<std::string>() : "";
        const std::uint64_t components = typeName == "SCALAR" ? 1 : typeName == "VEC2" ? 2 : typeName == "VEC3" ? 3
                                         : typeName == "VEC4" ? 4 : typeName == "MAT2" ? 4 : typeName == "MAT3" ? 9
                                         : typeName == "MAT4" ? 16 : 0;
        if (components == 0) refuse(item + ".type is not a glTF accessor type");
        const std::string viewItem = itemOf("bufferViews", view);
        const json& v = objectIn(*views_, view, "bufferViews");
        const std::uint64_t viewLength = wholeAt(v, "byteLength", viewItem, 0, true);
        const std::uint64_t element = componentBytes * components;
        const std::uint64_t stride = wholeAt(v, "byteStride", viewItem, element, false);
        const std::uint64_t offset = wholeAt(accessor, "byteOffset", item, 0, false);
        if (count == 0) return;
        const bool inside = stride >= element && offset <= viewLength && count - 1 <= (viewLength - offset) / stride &&
                            offset + (count - 1) * stride + element <= viewLength;
        if (!inside)
            refuse(item + " (" + str(count) + " elements from byte " + str(offset) + ") reaches outside " + viewItem + " (" +
                   str(viewLength) + " bytes)");
    }

    void checkMesh(std::size_t m) {
        const std::string meshItem = itemOf("meshes", m);
        const json& mesh = objectIn(*meshes_, m, "meshes");
        const auto primitives = mesh.find("primitives");
        if (primitives == mesh.end() || !primitives->is_array()) refuse(meshItem + ".primitives is not an array");
        primitiveCount_ += primitives->size();
        if (primitiveCount_ > kMaxPrimitives)
            refuse("the model's meshes have more than " + str(kMaxPrimitives) + " primitives, the most spineviz accepts");
        for (std::size_t p = 0; p < primitives->size(); ++p) {
            const std::string item = meshItem + ".primitives[" + str(p) + "]";
            if (!(*primitives)[p].is_object()) refuse(item + " is not an object");
            checkPrimitive((*primitives)[p], item);
        }
    }

    void checkPrimitive(const json& primitive, const std::string& item) {
        const auto attributes = primitive.find("attributes");
        if (attributes == primitive.end() || !attributes->is_object()) refuse(item + ".attributes is not an object");
        const std::string at = item + ".attributes";
        const int position = indexAt(*attributes, "POSITION", at, accessors_->size(), "accessors");
        if (position < 0) refuse(at + " has no POSITION");
        const std::uint64_t vertices = accessorElements(position, at + ".POSITION");
        addChecked(usage_.vertices, vertices, kMaxVertices, "vertices");
        for (const char* name : {"NORMAL", "TEXCOORD_0"}) {
            const int accessor = indexAt(*attributes, name, at, accessors_->size(), "accessors");
            if (accessor < 0) continue;
            const std::uint64_t count = accessorElements(accessor, at + "." + name);
            if (count != vertices)
                refuse(at + "." + name + " has " + str(count) + " elements but POSITION has " + str(vertices));
        }
        const int indices = indexAt(primitive, "indices", item, accessors_->size(), "accessors");
        const std::uint64_t n = indices >= 0 ? accessorElements(indices, item + ".indices") : vertices;
        addChecked(usage_.indices, n, kMaxIndices, "indices");
        const std::uint64_t mode = wholeAt(primitive, "mode", item, 4, false);
        const std::uint64_t triangles = mode == 4 ? n / 3 : (mode == 5 || mode == 6) && n >= 3 ? n - 2 : 0;
        addChecked(usage_.triangles, triangles, kMaxTriangles, "triangles");
        const int material = indexAt(primitive, "material", item, materials_->size(), "materials");
        if (material >= 0) usedMaterials_[material] = true;
    }

    // The base colour texture is the only one spineviz shows; its image becomes used.
    void checkMaterial(std::size_t m) {
        const std::string item = itemOf("materials", m);
        const json& material = objectIn(*materials_, m, "materials");
        const auto pbr = material.find("pbrMetallicRoughness");
        if (pbr == material.end() || !pbr->is_object()) return;
        const auto texture = pbr->find("baseColorTexture");
        if (texture == pbr->end()) return;
        if (!texture->is_object()) refuse(item + ".pbrMetallicRoughness.baseColorTexture is not an object");
        const int t = indexAt(*texture, "index", item + ".pbrMetallicRoughness.baseColorTexture", textures_->size(), "textures");
        if (t < 0) return;
        const int image = indexAt(objectIn(*textures_, t, "textures"), "source", itemOf("textures", t), images_->size(), "images");
        if (image >= 0 && !usage_.imageUsed[image]) useImage(image);
    }

    void useImage(int index) {
        const std::string item = itemOf("images", index);
        const json& image = objectIn(*images_, index, "images");
        ImageSource& source = usage_.images[index];
        usage_.imageUsed[index] = true;
        const auto mime = image.find("mimeType");
        if (mime != image.end() && mime->is_string()) source.mimeType = mime->get<std::string>();
        source.bufferView = indexAt(image, "bufferView", item, views_->size(), "bufferViews");
        const auto uri = image.find("uri");
        if ((source.bufferView >= 0) == (uri != image.end())) refuse(item + " needs exactly one of 'uri' and 'bufferView'");
        if (source.bufferView >= 0) {
            usedViews_[source.bufferView] = true;
            return;
        }
        if (!uri->is_string()) refuse(item + ".uri is not a string");
        source.uri = uri->get<std::string>();
        if (isDataUri(source.uri)) return;
        addChecked(usage_.bytesRead, externalFileBytes(source.uri, item), kMaxBytesRead, "bytes of buffers and images read");
    }

    // Size of a file a uri names beside the model, refused when absent or outside the folder.
    std::uint64_t externalFileBytes(const std::string& uri, const std::string& item) {
        const std::string problem = externalUriProblem(uri);
        if (!problem.empty()) refuse(item + ".uri refused: " + problem);
        const fs::path path = container_.folder / decodeUriPath(uri);
        std::error_code ec;
        if (!pathIsInside(path, container_.folder) || !fs::is_regular_file(path, ec))
            refuse(item + ".uri names '" + uri + "', which is not a file beside the model");
        const std::uint64_t size = fs::file_size(path, ec);
        if (ec) refuse(item + ".uri names '" + uri + "', which cannot be read");
        if (size > kMaxFileBytes) refuse(item + ".uri names '" + uri + "', which is larger than " + str(kMaxFileBytes >> 20) + " MiB");
        return size;
    }

    void checkView(std::size_t v) {
        const std::string item = itemOf("bufferViews", v);
        const json& view = objectIn(*views_, v, "bufferViews");
        const int buffer = indexAt(view, "buffer", item, buffers_->size(), "buffers");
        if (buffer < 0) refuse(item + ".buffer is missing");
        const std::uint64_t offset = wholeAt(view, "byteOffset", item, 0, false);
        const std::uint64_t length = wholeAt(view, "byteLength", item, 0, true);
        const std::uint64_t stride = wholeAt(view, "byteStride", item, 4, false);
        if (length == 0) refuse(item + ".byteLength is 0 (a buffer view holds at least 1 byte)");
        if (stride < 4 || stride > 252 || stride % 4 != 0) refuse(item + ".byteStride is " + str(stride) + " (allowed: 4 to 252, a multiple of 4)");
        const std::uint64_t bufferLength = wholeAt(objectIn(*buffers_, buffer, "buffers"), "byteLength", itemOf("buffers", buffer), 0, true);
        if (offset > bufferLength || length > bufferLength - offset)
            refuse(item + " (bytes " + str(offset) + " to " + str(offset + length) + ") reaches past the end of buffers[" + str(buffer) +
                   "] (" + str(bufferLength) + " bytes)");
        viewBuffers_.push_back(buffer);
    }

    std::uint64_t bufferLength(std::size_t b) {
        const std::string item = itemOf("buffers", b);
        const std::uint64_t length = wholeAt(objectIn(*buffers_, b, "buffers"), "byteLength", item, 0, true);
        if (length == 0) refuse(item + ".byteLength is 0 (a buffer holds at least 1 byte)");
        return length;
    }

    // Where a used buffer's bytes come from, and that they are really there (unused buffers are
    // never read: tinygltf gets a one-byte stand-in).
    void checkBufferSource(std::size_t b) {
        const std::string item = itemOf("buffers", b);
        const json& buffer = (*buffers_)[b];
        const std::uint64_t length = bufferLength(b);
        const auto uri = buffer.find("uri");
        std::uint64_t real = 0;
        if (uri == buffer.end()) {
            if (!container_.binary) refuse(item + " has no uri (only a .glb's buffers may use its BIN chunk)");
            if (!container_.hasBinChunk) refuse(item + " has no uri but the .glb has no BIN chunk");
            if (length > container_.binChunkBytes)
                refuse(item + ".byteLength is " + str(length) + " but the file's BIN chunk holds " + str(container_.binChunkBytes) + " bytes");
            real = length;
        } else {
            if (!uri->is_string()) refuse(item + ".uri is not a string");
            const std::string text = uri->get<std::string>();
            if (isDataUri(text)) {
                real = dataUriBytes(text, item);
                if (real != length) refuse(item + ".byteLength is " + str(length) + " but its data uri holds " + str(real) + " bytes");
            } else {
                real = externalFileBytes(text, item);
                if (real != length) refuse(item + ".byteLength is " + str(length) + " but '" + text + "' has " + str(real) + " bytes");
            }
        }
        addChecked(usage_.bytesRead, real, kMaxBytesRead, "bytes of buffers and images read");
    }

    const json& doc_;
    const ModelContainer& container_;
    ModelUsage& usage_;
    const json *nodes_ = nullptr, *meshes_ = nullptr, *accessors_ = nullptr, *views_ = nullptr, *buffers_ = nullptr;
    const json *images_ = nullptr, *textures_ = nullptr, *materials_ = nullptr;
    std::vector<bool> usedViews_, usedMaterials_;
    std::vector<int> viewBuffers_;
    std::size_t primitiveCount_ = 0;
};

} // namespace

bool precheckModel(const json& doc, const ModelContainer& container, ModelUsage& usage, std::string& error) {
    try {
        Precheck(doc, container, usage).run();
        return true;
    } catch (const Refusal& refusal) {
        error = refusal.message;
        return false;
    }
}

} // namespace spineviz::gltf
