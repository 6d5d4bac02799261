#include "core/instruments/Instrument.h"

#include "core/instruments/Builders.h"
#include "core/instruments/InstrumentDimensions.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <utility>

namespace spineviz {

const InstrumentPart* InstrumentModel::findPart(const std::string& name) const {
    for (const InstrumentPart& part : parts)
        if (part.name == name) return &part;
    return nullptr;
}

std::size_t InstrumentModel::triangleCount() const {
    std::size_t count = 0;
    for (const InstrumentPart& part : parts) count += part.mesh.triangleCount();
    return count;
}

InstrumentModel buildInstrument(InstrumentKind kind, const InstrumentParams& params) {
    using namespace instruments;
    PartsMm mm;
    switch (kind) {
    case InstrumentKind::Trocar: mm = buildTrocarMm(params); break;
    case InstrumentKind::WorkingCannula: mm = buildWorkingCannulaMm(params); break;
    case InstrumentKind::Drill: mm = buildDrillMm(params); break;
    case InstrumentKind::BalloonTamp: mm = buildBalloonTampMm(params); break;
    case InstrumentKind::InflationSyringe: mm = buildInflationSyringeMm(params); break;
    case InstrumentKind::BoneFiller: mm = buildBoneFillerMm(params); break;
    case InstrumentKind::VertebroplastyNeedle: mm = buildVertebroplastyNeedleMm(params); break;
    }

    // Millimetres to metres, and the optional reflection (transformMesh keeps the winding outward).
    const glm::vec3 scale(params.mirrored ? -0.001f : 0.001f, 0.001f, 0.001f);
    InstrumentModel model;
    model.kind = kind;
    model.parts = std::move(mm.parts);
    float minZ = 0.0f;
    for (InstrumentPart& part : model.parts) {
        for (glm::vec3& p : part.mesh.positions) {
            p *= scale;
            minZ = std::min(minZ, p.z);
        }
        if (params.mirrored)
            for (glm::vec3& n : part.mesh.normals) n.x = -n.x;
        if (params.mirrored)
            for (std::size_t t = 0; t + 2 < part.mesh.indices.size(); t += 3) std::swap(part.mesh.indices[t + 1], part.mesh.indices[t + 2]);
    }
    model.length = -minZ;
    // The attach frame: translation to metres; a reflection conjugates the rotation (x -> -x on both
    // sides) so the frame stays right-handed.
    glm::mat4 frame = mm.attachFrame;
    frame[3] = glm::vec4(glm::vec3(frame[3]) * 0.001f, 1.0f);
    if (params.mirrored) {
        const glm::mat4 flip = glm::scale(glm::mat4(1.0f), glm::vec3(-1.0f, 1.0f, 1.0f));
        frame = flip * frame * flip;
    }
    model.attachFrame = frame;
    return model;
}

const char* instrumentName(InstrumentKind kind) {
    switch (kind) {
    case InstrumentKind::Trocar: return "Trocar";
    case InstrumentKind::WorkingCannula: return "Working cannula";
    case InstrumentKind::Drill: return "Drill";
    case InstrumentKind::BalloonTamp: return "Balloon tamp";
    case InstrumentKind::InflationSyringe: return "Inflation syringe";
    case InstrumentKind::BoneFiller: return "Bone filler";
    case InstrumentKind::VertebroplastyNeedle: return "Vertebroplasty needle";
    }
    return "Instrument";
}

const char* partMaterialName(PartMaterial material) {
    switch (material) {
    case PartMaterial::Steel: return "steel";
    case PartMaterial::HandlePlastic: return "handle_plastic";
    case PartMaterial::HandleAccent: return "handle_accent";
    case PartMaterial::ClearPlastic: return "clear_plastic";
    case PartMaterial::Balloon: return "balloon";
    case PartMaterial::RadiopaqueMarker: return "radiopaque_marker";
    case PartMaterial::Cement: return "cement";
    case PartMaterial::GaugeFace: return "gauge_face";
    case PartMaterial::Tubing: return "tubing";
    }
    return "unknown";
}

bool isInsertable(InstrumentKind kind) { return kind != InstrumentKind::InflationSyringe; }

float gaugeNeedleAngleDeg(float psi) {
    namespace dims = instrument_dims;
    const float fraction = std::clamp(psi / dims::kGaugeFullScalePsi, 0.0f, 1.0f);
    return dims::kGaugeSweepDeg * (fraction - 0.5f);
}

BalloonShape balloonShape(const InstrumentParams& params) {
    const instruments::BalloonMm balloon = instruments::buildBalloonMm(params, false);
    BalloonShape shape;
    shape.proximalZ = 0.001f * balloon.proximalZ;
    shape.distalZ = 0.001f * balloon.distalZ;
    shape.maxRadius = 0.001f * balloon.maxRadius;
    shape.exponent = static_cast<float>(balloon.exponent);
    shape.envelopeVolumeMl = static_cast<float>(balloon.envelopeVolume / 1000.0);
    shape.contrastFraction = balloon.envelopeVolume > 0.0 ? static_cast<float>(balloon.requestedVolume / balloon.envelopeVolume) : 0.0f;
    return shape;
}

} // namespace spineviz
