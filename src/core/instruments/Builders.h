#pragma once
// Internal: one builder per instrument. They work in millimetres in the instrument frame of
// Instrument.h (tip at the origin, insertion along +Z, handle "up" +Y); buildInstrument scales the
// result to metres, mirrors it when asked and measures its length.

#include "core/instruments/Instrument.h"
#include "core/instruments/MeshBuilder.h"

#include <glm/mat4x4.hpp>

#include <string>
#include <vector>

namespace spineviz::instruments {

struct PartsMm {
    std::vector<InstrumentPart> parts;
    glm::mat4 attachFrame{1.0f}; // translation in mm
    void add(std::string name, MeshData mesh, PartMaterial material) {
        if (!mesh.empty()) parts.push_back({std::move(name), std::move(mesh), material});
    }
};

PartsMm buildTrocarMm(const InstrumentParams& params);
PartsMm buildVertebroplastyNeedleMm(const InstrumentParams& params);
PartsMm buildWorkingCannulaMm(const InstrumentParams& params);
PartsMm buildDrillMm(const InstrumentParams& params);
PartsMm buildBoneFillerMm(const InstrumentParams& params);
PartsMm buildBalloonTampMm(const InstrumentParams& params);
PartsMm buildInflationSyringeMm(const InstrumentParams& params);

// The balloon in mm (shared by the tamp builder and balloonShape()).
struct BalloonMm {
    MeshData mesh;       // the envelope: a closed solid around the inner shaft and marker bands
    float proximalZ = 0; // neck positions: the ends of its span
    float distalZ = 0;
    float markerProximalZ = 0; // the folded balloon's ends, where the marker bands sit
    float markerDistalZ = 0;
    double exponent = 2; // of the superellipse its outline follows (2: an ellipse; more: fuller)
    float maxRadius = 0;
    double envelopeVolume = 0; // mm^3
    double requestedVolume = 0;
};
BalloonMm buildBalloonMm(const InstrumentParams& params, bool withMesh);

// Shared pieces.
MeshData moved(MeshData mesh, const glm::mat4& transform);

} // namespace spineviz::instruments
