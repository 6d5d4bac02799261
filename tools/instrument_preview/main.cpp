// Writes each instrument as a .glb (in its own frame: tip at the origin, insertion along +Z) and a
// few composed scenes laid out for the app's "left" view (screen right = -Z, up = +Y):
//   lineup.glb    every insertable instrument, side by side
//   tips.glb      the distal 14 mm of each insertable instrument
//   balloons.glb  the 15/3 balloon at 0, 1, 2 and 3 mL with its marker bands, left to right
//   syringe.glb   the inflation syringe, gauge turned toward the viewer
//   kyphoplasty.glb  working cannula + inflated balloon tamp + syringe on its inflation port
// Usage: instrument_preview OUT_DIR

#include "core/instruments/Instrument.h"
#include "core/instruments/InstrumentDimensions.h"
#include "core/instruments/MeshBuilder.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <tiny_gltf.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace spineviz;

struct Look {
    glm::vec4 color;
    float metallic;
    float roughness;
};

// Believable colours for the preview (the app's renderer picks its own for the procedure).
Look lookOf(PartMaterial material) {
    switch (material) {
    case PartMaterial::Steel: return {{0.75f, 0.75f, 0.78f, 1.0f}, 1.0f, 0.3f};
    case PartMaterial::HandlePlastic: return {{0.90f, 0.90f, 0.88f, 1.0f}, 0.0f, 0.55f};
    case PartMaterial::HandleAccent: return {{0.20f, 0.30f, 0.48f, 1.0f}, 0.0f, 0.45f};
    case PartMaterial::ClearPlastic: return {{0.85f, 0.90f, 0.95f, 0.35f}, 0.0f, 0.15f};
    case PartMaterial::Balloon: return {{0.55f, 0.75f, 0.95f, 0.55f}, 0.0f, 0.3f};
    case PartMaterial::RadiopaqueMarker: return {{0.25f, 0.25f, 0.27f, 1.0f}, 1.0f, 0.4f};
    case PartMaterial::Cement: return {{0.93f, 0.91f, 0.85f, 1.0f}, 0.0f, 0.7f};
    case PartMaterial::GaugeFace: return {{0.97f, 0.97f, 0.95f, 1.0f}, 0.0f, 0.6f};
    case PartMaterial::Tubing: return {{0.88f, 0.92f, 0.96f, 0.6f}, 0.0f, 0.3f};
    }
    return {{1.0f, 0.0f, 1.0f, 1.0f}, 0.0f, 0.5f};
}

class GlbWriter {
public:
    GlbWriter() {
        model_.asset.version = "2.0";
        model_.asset.generator = "spineviz instrument_preview";
        model_.scenes.emplace_back();
        model_.defaultScene = 0;
        model_.buffers.emplace_back();
    }

    void add(const InstrumentModel& instrument, const glm::mat4& place, const std::string& prefix) {
        for (const InstrumentPart& part : instrument.parts) add(part.mesh, part.material, place, prefix + "/" + part.name);
    }

    void add(const MeshData& mesh, PartMaterial material, const glm::mat4& place, const std::string& name) {
        tinygltf::Primitive primitive;
        primitive.mode = TINYGLTF_MODE_TRIANGLES;
        primitive.material = materialIndex(material);
        const int positions = accessor(mesh.positions.data(), mesh.positions.size() * sizeof(glm::vec3), TINYGLTF_TARGET_ARRAY_BUFFER,
                                       TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, mesh.positions.size());
        glm::vec3 lo(1e30f), hi(-1e30f);
        for (const glm::vec3& p : mesh.positions) {
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
        }
        model_.accessors[static_cast<std::size_t>(positions)].minValues = {static_cast<double>(lo.x), static_cast<double>(lo.y), static_cast<double>(lo.z)};
        model_.accessors[static_cast<std::size_t>(positions)].maxValues = {static_cast<double>(hi.x), static_cast<double>(hi.y), static_cast<double>(hi.z)};
        primitive.attributes["POSITION"] = positions;
        primitive.attributes["NORMAL"] = accessor(mesh.normals.data(), mesh.normals.size() * sizeof(glm::vec3), TINYGLTF_TARGET_ARRAY_BUFFER,
                                                  TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, mesh.normals.size());
        primitive.indices = accessor(mesh.indices.data(), mesh.indices.size() * sizeof(std::uint32_t), TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER,
                                     TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT, TINYGLTF_TYPE_SCALAR, mesh.indices.size());
        tinygltf::Mesh gltfMesh;
        gltfMesh.name = name;
        gltfMesh.primitives.push_back(primitive);
        model_.meshes.push_back(gltfMesh);
        tinygltf::Node node;
        node.name = name;
        node.mesh = static_cast<int>(model_.meshes.size()) - 1;
        if (place != glm::mat4(1.0f)) node.matrix.assign(glm::value_ptr(place), glm::value_ptr(place) + 16);
        model_.nodes.push_back(node);
        model_.scenes[0].nodes.push_back(static_cast<int>(model_.nodes.size()) - 1);
    }

    bool write(const std::string& path) {
        tinygltf::TinyGLTF writer;
        return writer.WriteGltfSceneToFile(&model_, path, true, true, false, true);
    }

private:
    int materialIndex(PartMaterial material) {
        const int key = static_cast<int>(material);
        if (materials_.size() <= static_cast<std::size_t>(key)) materials_.resize(static_cast<std::size_t>(key) + 1, -1);
        int& index = materials_[static_cast<std::size_t>(key)];
        if (index >= 0) return index;
        const Look look = lookOf(material);
        tinygltf::Material m;
        m.name = partMaterialName(material);
        m.pbrMetallicRoughness.baseColorFactor = {static_cast<double>(look.color.x), static_cast<double>(look.color.y),
                                                   static_cast<double>(look.color.z), static_cast<double>(look.color.w)};
        m.pbrMetallicRoughness.metallicFactor = static_cast<double>(look.metallic);
        m.pbrMetallicRoughness.roughnessFactor = static_cast<double>(look.roughness);
        if (look.color.w < 1.0f) m.alphaMode = "BLEND";
        model_.materials.push_back(m);
        index = static_cast<int>(model_.materials.size()) - 1;
        return index;
    }

    int accessor(const void* data, std::size_t bytes, int target, int componentType, int type, std::size_t count) {
        std::vector<unsigned char>& buffer = model_.buffers[0].data;
        while (buffer.size() % 4) buffer.push_back(0);
        tinygltf::BufferView view;
        view.buffer = 0;
        view.byteOffset = buffer.size();
        view.byteLength = bytes;
        view.target = target;
        const auto* begin = static_cast<const unsigned char*>(data);
        buffer.insert(buffer.end(), begin, begin + bytes);
        model_.bufferViews.push_back(view);
        tinygltf::Accessor a;
        a.bufferView = static_cast<int>(model_.bufferViews.size()) - 1;
        a.componentType = componentType;
        a.type = type;
        a.count = count;
        model_.accessors.push_back(a);
        return static_cast<int>(model_.accessors.size()) - 1;
    }

    tinygltf::Model model_;
    std::vector<int> materials_;
};

std::string slug(const char* name) {
    std::string s;
    for (const char* c = name; *c; ++c) s += *c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
    return s;
}

// The part of a mesh in front of the plane z = zMin: triangles are cut by the plane (a
// preview-only cut; the result is open and unwelded).
MeshData clipBehind(const MeshData& mesh, float zMin) {
    MeshData out;
    struct Corner {
        glm::vec3 p, n;
    };
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        std::vector<Corner> polygon;
        for (std::size_t k = 0; k < 3; ++k) {
            const std::uint32_t a = mesh.indices[t + k], b = mesh.indices[t + (k + 1) % 3];
            const Corner ca{mesh.positions[a], mesh.normals[a]}, cb{mesh.positions[b], mesh.normals[b]};
            const bool inA = ca.p.z >= zMin, inB = cb.p.z >= zMin;
            if (inA) polygon.push_back(ca);
            if (inA != inB) {
                const float s = (zMin - ca.p.z) / (cb.p.z - ca.p.z);
                polygon.push_back({ca.p + s * (cb.p - ca.p), glm::normalize(ca.n + s * (cb.n - ca.n))});
            }
        }
        for (std::size_t k = 1; k + 1 < polygon.size(); ++k)
            for (const Corner* c : {&polygon[0], &polygon[k], &polygon[k + 1]}) {
                out.indices.push_back(static_cast<std::uint32_t>(out.positions.size()));
                out.positions.push_back(c->p);
                out.normals.push_back(c->n);
            }
    }
    return out;
}

glm::mat4 rotation(float degrees, const glm::vec3& axis) { return glm::rotate(glm::mat4(1.0f), glm::radians(degrees), axis); }
glm::mat4 translation(const glm::vec3& t) { return glm::translate(glm::mat4(1.0f), t); }

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: instrument_preview OUT_DIR\n");
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    bool ok = true;

    InstrumentParams state; // a representative mid-procedure state
    state.balloonVolumeMl = 2.0f;
    state.pressurePsi = 180.0f;
    state.plungerTravel = 0.4f;
    state.cementFill = 0.7f;

    for (InstrumentKind kind : kAllInstrumentKinds) {
        const InstrumentModel model = buildInstrument(kind, state);
        GlbWriter glb;
        glb.add(model, glm::mat4(1.0f), slug(instrumentName(kind)));
        const std::string path = (out / (slug(instrumentName(kind)) + ".glb")).string();
        ok = glb.write(path) && ok;
        std::printf("%-24s %6zu triangles  length %.1f mm  -> %s\n", instrumentName(kind), model.triangleCount(), 1000.0 * static_cast<double>(model.length),
                    path.c_str());
    }

    // Lineup: tips to the left, stacked downwards, each turned so its handle shows at three-quarters.
    {
        GlbWriter glb;
        const InstrumentKind order[] = {InstrumentKind::Trocar,      InstrumentKind::VertebroplastyNeedle, InstrumentKind::WorkingCannula,
                                        InstrumentKind::Drill,       InstrumentKind::BalloonTamp,          InstrumentKind::BoneFiller};
        float y = 0.0f;
        for (InstrumentKind kind : order) {
            const glm::mat4 place = translation(glm::vec3(0.0f, y, 0.0f)) * rotation(-35.0f, glm::vec3(0, 1, 0)) *
                                    rotation(70.0f, glm::vec3(0, 0, 1));
            glb.add(buildInstrument(kind, state), place, slug(instrumentName(kind)));
            y -= 0.045f;
        }
        ok = glb.write((out / "lineup.glb").string()) && ok;
    }

    // Tips: the distal 14 mm of each insertable instrument, turned a little to show their ends.
    // Left column: trocar, vertebroplasty needle, working cannula; right: drill, folded balloon tamp, bone filler.
    {
        GlbWriter glb;
        const InstrumentKind order[] = {InstrumentKind::Trocar,      InstrumentKind::VertebroplastyNeedle, InstrumentKind::WorkingCannula,
                                        InstrumentKind::Drill,       InstrumentKind::BalloonTamp,          InstrumentKind::BoneFiller};
        InstrumentParams tipState = state;
        tipState.balloonVolumeMl = 0.0f;
        int slot = 0;
        for (InstrumentKind kind : order) { // two columns of three
            const InstrumentModel model = buildInstrument(kind, tipState);
            const glm::vec3 at(0.0f, -0.009f * static_cast<float>(slot % 3), -0.024f * static_cast<float>(slot / 3));
            ++slot;
            const glm::mat4 place = translation(at) * rotation(35.0f, glm::vec3(0, 1, 0)) * rotation(-20.0f, glm::vec3(1, 0, 0)) *
                                    translation(glm::vec3(0.0f, 0.0f, 0.007f));
            for (const InstrumentPart& part : model.parts) {
                const MeshData clipped = clipBehind(part.mesh, -0.014f);
                if (!clipped.empty()) glb.add(clipped, part.material, place, slug(instrumentName(kind)) + "/" + part.name);
            }
        }
        ok = glb.write((out / "tips.glb").string()) && ok;
    }

    // Balloons at 0, 1, 2, 3 mL (15/3), with the front 30 mm of the catheter.
    {
        GlbWriter glb;
        for (int ml = 0; ml <= 3; ++ml) {
            InstrumentParams p;
            p.balloonVolumeMl = static_cast<float>(ml);
            const InstrumentModel tamp = buildInstrument(InstrumentKind::BalloonTamp, p);
            const glm::mat4 place = translation(glm::vec3(0.0f, 0.0f, -0.034f * static_cast<float>(ml))) *
                                    rotation(-30.0f, glm::vec3(0, 1, 0));
            const std::string prefix = "balloon_" + std::to_string(ml) + "ml";
            for (const char* name : {"balloon", "marker_distal", "marker_proximal"})
                glb.add(tamp.findPart(name)->mesh, tamp.findPart(name)->material, place, prefix + "/" + name);
            const BalloonShape shape = balloonShape(p);
            const float zStub = 1000.0f * shape.proximalZ - 12.0f;
            glb.add(instruments::lathe({{0.0f, 0.0f}, {0.5f, -0.5f}, {0.5f, zStub, true}, {0.0f, zStub}}, 20), PartMaterial::Tubing,
                    place * glm::scale(glm::mat4(1.0f), glm::vec3(0.001f)), prefix + "/inner_shaft");
            glb.add(instruments::tube(0.9f, 1.3f, 1000.0f * shape.proximalZ - 0.02f, zStub, 28), PartMaterial::Tubing,
                    place * glm::scale(glm::mat4(1.0f), glm::vec3(0.001f)), prefix + "/catheter");
            std::printf("balloon %d mL: envelope %.3f mL, max diameter %.1f mm, length %.1f mm\n", ml, static_cast<double>(shape.envelopeVolumeMl),
                        2000.0 * static_cast<double>(shape.maxRadius), 1000.0 * static_cast<double>(shape.distalZ - shape.proximalZ));
        }
        ok = glb.write((out / "balloons.glb").string()) && ok;
    }

    // The syringe with its gauge toward the left-view camera (+X): turn its -Z facing dial to +X.
    {
        GlbWriter glb;
        glb.add(buildInstrument(InstrumentKind::InflationSyringe, state), rotation(-70.0f, glm::vec3(0, 1, 0)) *
                    rotation(15.0f, glm::vec3(1, 0, 0)), "inflation_syringe");
        ok = glb.write((out / "syringe.glb").string()) && ok;
    }

    // Kyphoplasty set-up: the tamp through the working cannula, its balloon inflated 4 mm beyond the
    // cannula tip, the syringe on the tamp's inflation port.
    {
        GlbWriter glb;
        const glm::mat4 view = rotation(-40.0f, glm::vec3(0, 1, 0)) * rotation(90.0f, glm::vec3(0, 0, 1));
        glb.add(buildInstrument(InstrumentKind::WorkingCannula, state), view, "working_cannula");
        const BalloonShape shape = balloonShape(state);
        const glm::mat4 tampAt = view * translation(glm::vec3(0.0f, 0.0f, 0.004f - shape.proximalZ));
        glb.add(buildInstrument(InstrumentKind::BalloonTamp, state), tampAt, "balloon_tamp");
        const InstrumentModel tamp = buildInstrument(InstrumentKind::BalloonTamp, state);
        glb.add(buildInstrument(InstrumentKind::InflationSyringe, state), tampAt * tamp.attachFrame, "inflation_syringe");
        ok = glb.write((out / "kyphoplasty.glb").string()) && ok;
    }
    if (!ok) std::fprintf(stderr, "instrument_preview: a file could not be written\n");
    return ok ? 0 : 1;
}
