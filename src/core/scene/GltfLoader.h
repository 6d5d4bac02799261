#pragma once
// Parses a glTF 2.0 model (.glb or .gltf) into a Scene on the CPU; GPU upload is the renderer's job.
// Any failure yields a one-line reason and no scene: broken or hostile files never crash the app.

#include "core/scene/Scene.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace spineviz {

struct LoadResult {
    std::optional<Scene> scene;
    std::string error; // one line, "PATH: reason", set when scene is empty
    std::string warning;
    explicit operator bool() const { return scene.has_value(); }
};

LoadResult loadGltf(const std::string& path);

// Loads from bytes already in memory. External files are looked up in `baseDir` and must stay
// inside it; `label` names the source in messages.
LoadResult loadGltfFromMemory(const std::uint8_t* data, std::size_t size, const std::string& baseDir,
                              const std::string& label);

} // namespace spineviz
