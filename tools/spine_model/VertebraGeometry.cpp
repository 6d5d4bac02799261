#include "VertebraGeometry.h"

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include <algorithm>
#include <cmath>

namespace spine_model {
namespace {

// Shape choices that are not measurements (all estimates, chosen against anatomy atlases; see
// docs/anatomy.md): thoracic bodies are heart-shaped and shallowly concave; lumbar ones kidney-shaped
// (a squarer, concave posterior wall) with a deeper bowl.
BodyParams bodyParamsFor(const LevelMorphometry& m, int levelIndex) {
    BodyParams b;
    b.anteriorHeight = m.anteriorHeight;
    b.posteriorHeight = m.posteriorHeight;
    b.width = m.endplateWidth;
    b.depth = m.endplateDepth;
    const bool lumbar = levelIndex >= 12;
    // T10-T12 turn from heart- to kidney-shaped.
    const float taper[] = {0.18f, 0.26f, 0.3f, 0.3f, 0.3f, 0.3f, 0.28f, 0.26f, 0.24f, 0.2f, 0.14f, 0.08f};
    b.heartTaper = lumbar ? 0.0f : taper[levelIndex];
    b.notch = lumbar ? 2.6f : 1.4f;
    b.squareness = lumbar ? 2.9f : 2.4f;
    b.waist = lumbar ? 0.085f : 0.065f;
    b.concavity = lumbar ? 1.2f : 0.8f;
    return b;
}

PedicleGeometry pedicleFor(const LevelMorphometry& m, const BodyParams& body, float side, bool lumbar) {
    PedicleGeometry p;
    p.width = m.pedicleWidth;
    p.height = m.pedicleHeight;
    const float medial = glm::radians(static_cast<float>(m.pedicleMedialAngle));
    const float sagittal = glm::radians(static_cast<float>(m.pedicleSagittalAngle));
    p.axis = glm::normalize(glm::vec3(-side * std::sin(medial) * std::cos(sagittal), -std::sin(sagittal), std::cos(medial) * std::cos(sagittal)));
    // Pedicles leave the upper part of the body: their top lies 1-1.5 mm below the superior rim.
    const float y = 0.5f * body.posteriorHeight - 0.5f * p.height - (lumbar ? 1.5f : 1.0f);
    const float canalDepth = m.canalDepth;
    // The canal's width is the distance between the pedicles' medial walls, measured transversely at
    // the isthmus; a converging pedicle's section along x is wider than its width by 1/cos(medial).
    p.isthmus = glm::vec3(side * (0.5f * m.canalWidth + 0.5f * p.width / std::cos(medial)), y,
                          -0.5f * body.depth - (lumbar ? 0.42f : 0.4f) * canalDepth);
    p.front = p.isthmus + p.axis * (0.45f * canalDepth + 8.0f);
    // Back into the articular pillar (its rounded end reaching on by the pedicle's half height).
    p.back = p.isthmus - p.axis * (lumbar ? 6.0f : 5.0f);
    return p;
}

} // namespace

VertebraGeometry makeVertebraGeometry(int levelIndex) {
    const LevelMorphometry& m = levelTable().at(static_cast<std::size_t>(levelIndex));
    VertebraGeometry g;
    g.levelIndex = levelIndex;
    g.thoracic = levelIndex <= 10;
    g.superiorThoracic = levelIndex <= 11;
    g.inferiorLumbar = levelIndex >= 11;
    g.lumbarness = levelIndex <= 9 ? 0.0f : levelIndex == 10 ? 0.25f : levelIndex == 11 ? 0.6f : 1.0f;
    const bool lumbar = levelIndex >= 12;
    g.body = bodyParamsFor(m, levelIndex);
    g.corticalThickness = m.corticalThickness;
    for (int s = 0; s < 2; ++s) g.pedicles[s] = pedicleFor(m, g.body, sideSign(s), lumbar);

    const float cw = m.canalWidth, cd = m.canalDepth, pw = m.pedicleWidth;
    const float hp = g.body.posteriorHeight;
    const float zPost = -0.5f * g.body.depth;
    g.canalApexZ = zPost - cd;
    g.canalHalf = glm::vec2(0.5f * cw, 0.5f * cd);
    // Lumbar canals turn from oval (L1) to triangular (L5); thoracic ones are round.
    g.canalTriangularity = lumbar ? 0.45f + 0.55f * static_cast<float>(levelIndex - 12) / 4.0f : 0.0f;
    const PedicleGeometry& ped = g.pedicles[0];

    // Laminae: plates from the articular pillar to the midline, their upper edge anterior (sloping
    // 20 deg from vertical in the lumbar spine, 35 in the thoracic), meeting in the midline where the
    // spinous process arises. The canal's depth is defined at their mid-height.
    g.laminaHalfThickness = lumbar ? 3.1f : 2.3f + 0.4f * g.lumbarness;
    const float top = ped.isthmus.y + (lumbar ? -1.0f : 2.0f);
    const float bottom = -0.5f * hp - (lumbar ? 2.0f : 1.0f);
    g.measureY = 0.5f * (top + bottom);
    const float slope = std::tan(glm::radians(lumbar ? 15.0f : 26.0f - 8.0f * g.lumbarness)); // dz/dy of the lamina
    g.laminaSlope = slope;
    g.laminaTop = top;
    g.laminaBottom = bottom;
    // In the axial view the inner surface runs from the lateral recess to the midline, 1.5 mm proud of
    // the canal's outline there (the canal carves it to the exact depth).
    // The lateral edge starts behind the pedicle, at the pillar, so the canal between the pedicles
    // keeps its full width.
    // (At the pedicles' height, the lamina's inner face stays well behind their isthmus: its rim
    // comes forward of the face by up to its thickness where the lamina runs obliquely.)
    const float behindIsthmus = ped.isthmus.z - 2.5f - g.laminaHalfThickness - (ped.isthmus.y - g.measureY) * slope;
    const glm::vec2 lateralIn(0.5f * cw - 1.5f, std::min(ped.back.z + (lumbar ? 0.0f : 1.0f), behindIsthmus));
    const glm::vec2 medialIn(0.0f, g.canalApexZ + 1.5f);
    glm::vec2 along = medialIn - lateralIn;
    glm::vec2 out(along.y, -along.x); // perpendicular; made to point posteriorly
    out = glm::normalize(out);
    if (out.y > 0.0f) out = -out;
    const glm::vec2 lateralMid = lateralIn + out * g.laminaHalfThickness;
    // The medial edge runs past the midline so the two laminae overlap there.
    const glm::vec2 medialMid = medialIn + out * g.laminaHalfThickness + glm::normalize(along) * 2.0f;
    auto laminaPoint = [&](const glm::vec2& xz, float y) { return glm::vec3(xz.x, y, xz.y + (y - g.measureY) * slope); };
    const float lateralTop = top + (lumbar ? 2.0f : 1.0f), lateralBottom = bottom + (lumbar ? 2.0f : 0.0f);

    const float spinousAngle = glm::radians(static_cast<float>(m.spinousAngle));
    g.spinousBase = glm::vec3(0.0f, g.measureY, g.canalApexZ - 2.0f * g.laminaHalfThickness);
    g.spinousTip = g.spinousBase + static_cast<float>(m.spinousLength) * glm::vec3(0.0f, -std::sin(spinousAngle), -std::cos(spinousAngle));
    g.spinousBaseHeight = top - bottom;

    for (int s = 0; s < 2; ++s) {
        const float side = sideSign(s);
        ArchSide& a = g.arch[s];
        const PedicleGeometry& p = g.pedicles[s];
        a.pillar = p.back;
        a.lamina = {mirrorX(laminaPoint(lateralMid, lateralTop), s), mirrorX(laminaPoint(medialMid, top), s),
                    mirrorX(laminaPoint(medialMid, bottom), s), mirrorX(laminaPoint(lateralMid, lateralBottom), s)};
        // Articular facets, as designed (the joints shared with the neighbours are placed between
        // these and the neighbours' own, see Layout).
        if (g.superiorThoracic)
            a.superiorFacet = glm::vec3(side * (0.5f * cw + 0.5f * pw + 0.3f), 0.5f * hp + 1.0f, a.pillar.z - 2.5f);
        else
            a.superiorFacet = glm::vec3(side * (0.5f * cw + 4.5f), 0.5f * hp + 1.5f, zPost - 0.85f * cd);
        if (g.inferiorLumbar)
            a.inferiorFacet = glm::vec3(side * (0.5f * cw + 2.0f), -0.5f * hp - 5.5f, zPost - 0.85f * cd - 1.0f);
        else
            a.inferiorFacet = glm::vec3(side * (0.5f * cw + 0.5f * pw + 0.3f), -0.5f * hp - 3.0f, a.pillar.z - 4.0f);

        const float tp = m.transverseProcess;
        if (g.thoracic) {
            // Stout, posterolateral (more backward further down) and a little upward.
            const float back = glm::radians(15.0f + 2.5f * static_cast<float>(std::min(levelIndex, 10)));
            const float up = glm::radians(levelIndex < 6 ? 10.0f : 6.0f);
            a.transverseBase = a.pillar + glm::vec3(side * 1.5f, 2.0f, -1.5f);
            const glm::vec3 dir(side * std::cos(back) * std::cos(up), std::sin(up), -std::sin(back) * std::cos(up));
            // Kaur does not say where the length starts: it is laid off from the pedicle's medial wall
            // (the canal's side), which gives T7 a tip-to-tip width of ~75 mm; at least 12 mm from the base
            // where the interpolated T8-T11 values would leave stubs.
            const float fromBase = tp - (side * a.transverseBase.x - 0.5f * cw) / std::max(std::abs(dir.x), 0.3f);
            a.transverseTip = a.transverseBase + dir * std::max(fromBase, 12.0f);
        } else if (!lumbar) {
            // T12: a short tubercle-like process, backward and lateral (length laid off as above).
            a.transverseBase = a.pillar + glm::vec3(side * 1.5f, 0.5f, -1.0f);
            const glm::vec3 dir = glm::normalize(glm::vec3(side * 0.8f, 0.1f, -0.6f));
            const float fromBase = tp - (side * a.transverseBase.x - 0.5f * cw) / std::abs(dir.x);
            a.transverseTip = a.transverseBase + dir * std::max(fromBase, 6.0f);
        } else {
            // Lumbar: long, flat, lateral, a little backward and upward; the table gives the tip-to-tip width.
            const bool l5 = levelIndex == kLevelCount - 1;
            a.transverseBase = a.pillar + glm::vec3(side * 2.0f, -1.0f, 3.0f);
            a.transverseTip = glm::vec3(side * 0.5f * tp, a.transverseBase.y + (l5 ? 6.0f : 2.0f), a.transverseBase.z - (l5 ? 2.0f : 5.0f));
        }
    }
    return g;
}

} // namespace spine_model
