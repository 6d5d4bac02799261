#pragma once
// The surgical instruments of kyphoplasty and vertebroplasty as 3D models, GL-free. Each model is a
// list of named parts, each a closed, outward-wound 2-manifold mesh (the X-ray view integrates path
// lengths through them) with one material. Sizes and their sources: InstrumentDimensions.h and
// docs/instruments.md.
//
// Frame (every instrument): metres; right-handed.
//  - The working tip is at the origin: for needles, cannulas, the drill, the balloon tamp and the
//    bone filler it is the most distal point, on the shaft axis (for the bevelled vertebroplasty
//    needle the axis point level with the bevel's point).
//  - +Z is the insertion direction (from the handle toward the tip), so the shaft and the handle lie
//    along -Z. The shaft axis is the Z axis.
//  - +Y is the handle's "up": T-handle crossbars lie along +-X, the tamp's side port points up and
//    back, the syringe's gauge faces back along the tubing.
//  The procedure places the origin at the tip position and rotates +Z onto the pedicle trajectory.
//  The InflationSyringe stays outside the patient: its origin is where its tubing attaches to the
//  balloon tamp's inflation port; place it with worldFromTamp * tamp.attachFrame.
//
// Models are pure functions of (kind, params): the same input gives the same bytes. Building one
// takes well under a millisecond (the balloon tamp, rebuilt every frame while inflating, ~0.25 ms).

#include "core/mesh/MeshData.h"

#include <glm/mat4x4.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace spineviz {

enum class InstrumentKind { Trocar, WorkingCannula, Drill, BalloonTamp, InflationSyringe, BoneFiller, VertebroplastyNeedle };
inline constexpr InstrumentKind kAllInstrumentKinds[] = {
    InstrumentKind::Trocar,           InstrumentKind::WorkingCannula, InstrumentKind::Drill,
    InstrumentKind::BalloonTamp,      InstrumentKind::InflationSyringe, InstrumentKind::BoneFiller,
    InstrumentKind::VertebroplastyNeedle};

// What a part is made of, for shading and X-ray attenuation.
enum class PartMaterial {
    Steel,            // stainless cannulas, stylets, drill
    HandlePlastic,    // handles, hubs, Y-adapter (white / light grey)
    HandleAccent,     // coloured or dark details: stylet caps, knobs, depth marks, dial ticks, needle, stopper
    ClearPlastic,     // syringe barrel, bone-filler tube, Luer parts
    Balloon,          // the inflated polymer balloon filled with contrast medium (translucent, radiopaque)
    RadiopaqueMarker, // the balloon's metal marker bands
    Cement,           // PMMA bone cement with barium sulfate
    GaugeFace,        // the pressure gauge's dial
    Tubing,           // flexible high-pressure line, tamp catheter
};

struct InstrumentPart {
    std::string name; // stable, e.g. "cannula", "stylet", "balloon", "marker_distal"
    MeshData mesh;    // closed 2-manifold, positive volume, normals filled
    PartMaterial material = PartMaterial::Steel;
};

struct InstrumentParams {
    // BalloonTamp: contrast inside the balloon (clamped to 0..balloonMaxVolumeMl), nominal length
    // (10, 15 or 20 mm) and rated volume (3 mL Xpander, 2 mL Express).
    float balloonVolumeMl = 0.0f;
    float balloonNominalLengthMm = 15.0f;
    float balloonMaxVolumeMl = 3.0f;
    // InflationSyringe: gauge reading (0..400 psi) and plunger position (0 = drawn back, barrel full;
    // 1 = screwed fully home).
    float pressurePsi = 0.0f;
    float plungerTravel = 0.0f;
    // BoneFiller: fraction of its tube still holding cement (1 = full as loaded, 0 = emptied); the
    // plunger's tip sits behind the cement column.
    float cementFill = 1.0f;
    // Trocar and VertebroplastyNeedle: needle gauge (11-13 for vertebroplasty, 15 for upper
    // thoracic pedicles; 8-15 supported, others fall back to 11).
    int needleGauge = 11;
    // Reflect across the YZ plane (x -> -x) with the winding kept outward, e.g. to lay the syringe
    // on the other side. The gauge still reads clockwise.
    bool mirrored = false;
};

struct InstrumentModel {
    InstrumentKind kind = InstrumentKind::Trocar;
    std::vector<InstrumentPart> parts; // some parts exist only in some states (e.g. no cement when empty)
    float length = 0.0f;               // metres, from the tip (z = 0) to the back end (z = -length)
    // BalloonTamp: the inflation port's frame (origin at the port's mouth, +Z pointing into the port,
    // +X as the tamp's +X): the syringe's frame. Identity for the other instruments.
    glm::mat4 attachFrame{1.0f};

    const InstrumentPart* findPart(const std::string& name) const;
    std::size_t triangleCount() const;
};

InstrumentModel buildInstrument(InstrumentKind kind, const InstrumentParams& params = {});

const char* instrumentName(InstrumentKind kind);      // "Trocar", "Working cannula", ...
const char* partMaterialName(PartMaterial material);  // "steel", "handle_plastic", ...
bool isInsertable(InstrumentKind kind);               // every instrument but the syringe

// The gauge needle's angle in degrees, clockwise from 12 o'clock as seen facing the dial:
// -135 at 0 psi to +135 at 400 psi (clamped).
float gaugeNeedleAngleDeg(float psi);

// The balloon of a BalloonTamp built with these params, in the tamp's frame.
struct BalloonShape {
    float proximalZ = 0.0f;        // metres; the balloon spans [proximalZ, distalZ] (its necks); it
                                   // grows a little in length as it fills
    float distalZ = 0.0f;
    float maxRadius = 0.0f;        // metres
    float exponent = 2.0f;         // its outline is close to a superellipse of this exponent
                                   // (2 an ellipse, larger a fuller, sleeve-like one)
    float envelopeVolumeMl = 0.0f; // the mesh's enclosed volume: the requested volume, or the folded
                                   // balloon's (~0.1 mL) when less is requested
    float contrastFraction = 0.0f; // requested / envelope volume: how much of the envelope is contrast
};
BalloonShape balloonShape(const InstrumentParams& params);

} // namespace spineviz
