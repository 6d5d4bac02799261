#include "core/scene/GltfAccessors.h"

#include "core/scene/GltfLimits.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace spineviz::gltf {
namespace {

using gltf_limits::kMaxZeroElements;

int componentCountOf(int type) {
    switch (type) {
    case TINYGLTF_TYPE_SCALAR: return 1;
    case TINYGLTF_TYPE_VEC2: return 2;
    case TINYGLTF_TYPE_VEC3: return 3;
    case TINYGLTF_TYPE_VEC4: return 4;
    default: return 0;
    }
}

int componentSizeOf(int componentType) {
    switch (componentType) {
    case TINYGLTF_COMPONENT_TYPE_BYTE:
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: return 1;
    case TINYGLTF_COMPONENT_TYPE_SHORT:
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: return 2;
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
    case TINYGLTF_COMPONENT_TYPE_FLOAT: return 4;
    default: return 0;
    }
}

bool addChecked(std::uint64_t a, std::uint64_t b, std::uint64_t& sum) {
    if (a > std::numeric_limits<std::uint64_t>::max() - b) return false;
    sum = a + b;
    return true;
}

// The bytes of an accessor after checking that its whole range lies inside its view and buffer.
struct Span {
    const std::uint8_t* data = nullptr; // null when the accessor has no buffer view (all zeros)
    std::size_t count = 0;
    std::size_t stride = 0;
    int componentType = 0;
    bool normalized = false;
};

bool locate(const tinygltf::Model& model, int index, int expectedComponents, Span& span, std::string& error) {
    if (index < 0 || index >= static_cast<int>(model.accessors.size())) {
        error = "accessor " + std::to_string(index) + " does not exist";
        return false;
    }
    const tinygltf::Accessor& accessor = model.accessors[index];
    const std::string name = "accessor " + std::to_string(index);
    if (accessor.sparse.isSparse) {
        error = name + " is sparse, which spineviz does not support";
        return false;
    }
    if (componentCountOf(accessor.type) != expectedComponents) {
        error = name + " has the wrong element type";
        return false;
    }
    const int componentSize = componentSizeOf(accessor.componentType);
    if (componentSize == 0) {
        error = name + " has an unknown component type";
        return false;
    }
    span.count = accessor.count;
    span.componentType = accessor.componentType;
    span.normalized = accessor.normalized;
    const std::uint64_t elementSize = std::uint64_t(componentSize) * std::uint64_t(expectedComponents);
    if (accessor.bufferView < 0) {
        // All zeros by the specification; nothing bounds the count, so cap it.
        if (span.count > kMaxZeroElements) {
            error = name + " declares too many elements without data";
            return false;
        }
        return true;
    }
    if (accessor.bufferView >= static_cast<int>(model.bufferViews.size())) {
        error = name + " refers to a missing buffer view";
        return false;
    }
    const tinygltf::BufferView& view = model.bufferViews[accessor.bufferView];
    if (view.buffer < 0 || view.buffer >= static_cast<int>(model.buffers.size())) {
        error = name + " refers to a missing buffer";
        return false;
    }
    const tinygltf::Buffer& buffer = model.buffers[view.buffer];
    const std::uint64_t stride = view.byteStride ? view.byteStride : elementSize;
    std::uint64_t viewEnd = 0, accessorEnd = 0;
    bool ok = stride >= elementSize && addChecked(view.byteOffset, view.byteLength, viewEnd) &&
              viewEnd <= buffer.data.size();
    if (ok && span.count > 0) {
        const std::uint64_t last = std::uint64_t(span.count - 1);
        ok = last <= std::numeric_limits<std::uint64_t>::max() / stride &&
             addChecked(accessor.byteOffset, last * stride, accessorEnd) &&
             addChecked(accessorEnd, elementSize, accessorEnd) && accessorEnd <= view.byteLength;
    }
    if (!ok) {
        error = name + " reaches outside its buffer";
        return false;
    }
    span.data = buffer.data.data() + view.byteOffset + accessor.byteOffset;
    span.stride = static_cast<std::size_t>(stride);
    return true;
}

template <typename T>
T loadUnaligned(const std::uint8_t* p) {
    T value;
    std::memcpy(&value, p, sizeof(T));
    return value;
}

float componentAsFloat(const std::uint8_t* p, int componentType, bool normalized) {
    switch (componentType) {
    case TINYGLTF_COMPONENT_TYPE_FLOAT: return loadUnaligned<float>(p);
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: {
        const float v = loadUnaligned<std::uint8_t>(p);
        return normalized ? v / 255.0f : v;
    }
    case TINYGLTF_COMPONENT_TYPE_BYTE: {
        const float v = loadUnaligned<std::int8_t>(p);
        return normalized ? std::max(v / 127.0f, -1.0f) : v;
    }
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
        const float v = loadUnaligned<std::uint16_t>(p);
        return normalized ? v / 65535.0f : v;
    }
    case TINYGLTF_COMPONENT_TYPE_SHORT: {
        const float v = loadUnaligned<std::int16_t>(p);
        return normalized ? std::max(v / 32767.0f, -1.0f) : v;
    }
    default: return static_cast<float>(loadUnaligned<std::uint32_t>(p));
    }
}

} // namespace

std::size_t accessorCount(const tinygltf::Model& model, int accessor) {
    if (accessor < 0 || accessor >= static_cast<int>(model.accessors.size())) return 0;
    return model.accessors[accessor].count;
}

bool readFloats(const tinygltf::Model& model, int accessor, int components, std::vector<float>& out,
                std::string& error) {
    Span span;
    if (!locate(model, accessor, components, span, error)) return false;
    if (span.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT) {
        error = "accessor " + std::to_string(accessor) + " holds unsigned ints where floats are expected";
        return false;
    }
    out.assign(span.count * std::size_t(components), 0.0f);
    if (!span.data) return true;
    const int size = componentSizeOf(span.componentType);
    for (std::size_t i = 0; i < span.count; ++i)
        for (int c = 0; c < components; ++c)
            out[i * components + c] = componentAsFloat(span.data + i * span.stride + c * size, span.componentType,
                                                       span.normalized);
    return true;
}

bool readIndices(const tinygltf::Model& model, int accessor, std::vector<std::uint32_t>& out, std::string& error) {
    Span span;
    if (!locate(model, accessor, 1, span, error)) return false;
    const int type = span.componentType;
    if (type != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE && type != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
        type != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT) {
        error = "index accessor " + std::to_string(accessor) + " is not of an unsigned integer type";
        return false;
    }
    out.assign(span.count, 0u);
    if (!span.data) return true;
    for (std::size_t i = 0; i < span.count; ++i) {
        const std::uint8_t* p = span.data + i * span.stride;
        out[i] = type == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE    ? loadUnaligned<std::uint8_t>(p)
                 : type == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT ? loadUnaligned<std::uint16_t>(p)
                                                                  : loadUnaligned<std::uint32_t>(p);
    }
    return true;
}

} // namespace spineviz::gltf
