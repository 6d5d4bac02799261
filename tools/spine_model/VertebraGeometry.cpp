#include "VertebraGeometry.h"

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include <cmath>

namespace spine_model {
namespace {

// Shape choices that are not measurements (all estimates, chosen by eye against anatomy atlases):
// thoracic bodies are heart-shaped and shallowly concave; lumbar ones kidney-shaped with a deeper bowl.
BodyParams bodyParamsFor(const LevelMorphometry& m, bool thoracic, int levelIndex) {
    BodyParams b;
    b.anteriorHeight = m.anteriorHeight;
    b.posteriorHeight = m.posteriorHeight;
    b.width = m.endplateWidth;
    b.depth = m.endplateDepth;
    // T11 and T12 are transitional: their bodies turn from heart- to kidney-shaped.
    b.heartTaper = !thoracic ? 0.08f : levelIndex == 10 ? 0.2f : levelIndex == 11 ? 0.12f : 0.35f;
    b.notch = thoracic ? 2.0f : 3.0f;
    b.waist = thoracic ? 0.07f : 0.09f;
    b.concavity = thoracic ? 0.8f : 1.2f;
    return b;
}

PedicleGeometry pedicleFor(const LevelMorphometry& m, const BodyParams& body, float side) {
    PedicleGeometry p;
    p.width = m.pedicleWidth;
    p.height = m.pedicleHeight;
    const float medial = glm::radians(static_cast<float>(m.pedicleMedialAngle));
    const float sagittal = glm::radians(static_cast<float>(m.pedicleSagittalAngle));
    p.axis = glm::normalize(glm::vec3(-side * std::sin(medial) * std::cos(sagittal), -std::sin(sagittal), std::cos(medial) * std::cos(sagittal)));
    // Pedicles leave the upper part of the body: their top lies ~1 mm below the superior rim.
    const float y = 0.5f * body.posteriorHeight - 0.5f * p.height - 1.0f;
    const float canalDepth = m.canalDepth;
    p.isthmus = glm::vec3(side * 0.5f * (m.canalWidth + p.width), y, -0.5f * body.depth - 0.45f * canalDepth);
    p.front = p.isthmus + p.axis * (0.45f * canalDepth + 8.0f);
    p.back = p.isthmus - p.axis * (0.25f * canalDepth + 2.0f);
    return p;
}

} // namespace

VertebraGeometry makeVertebraGeometry(int levelIndex) {
    const LevelMorphometry& m = levelTable().at(static_cast<std::size_t>(levelIndex));
    VertebraGeometry g;
    g.levelIndex = levelIndex;
    g.thoracic = m.level[0] == 'T';
    g.body = bodyParamsFor(m, g.thoracic, levelIndex);
    g.corticalThickness = m.corticalThickness;
    for (int s = 0; s < 2; ++s) g.pedicles[s] = pedicleFor(m, g.body, sideSign(s));

    const float halfDepth = 0.5f * g.body.depth;
    g.canalCentre = glm::vec2(0.0f, -halfDepth - 0.5f * m.canalDepth);
    g.canalHalf = glm::vec2(0.5f * m.canalWidth, 0.5f * m.canalDepth);

    const float pedicleY = g.pedicles[0].isthmus.y;
    g.lamina = g.thoracic ? glm::vec2(3.0f, 9.0f) : glm::vec2(3.6f, 11.0f);
    g.laminaTilt = glm::radians(g.thoracic ? 28.0f : 15.0f);
    g.laminaMid = glm::vec3(0.0f, pedicleY - (g.thoracic ? 4.0f : 5.0f), -halfDepth - m.canalDepth - g.lamina.x);

    const float spinous = glm::radians(static_cast<float>(m.spinousAngle));
    g.spinousTip = g.laminaMid + static_cast<float>(m.spinousLength) * glm::vec3(0.0f, -std::sin(spinous), -std::cos(spinous));

    for (int s = 0; s < 2; ++s) {
        const float side = sideSign(s);
        const glm::vec3 root = g.pedicles[s].back;
        if (g.thoracic) {
            // Thoracic transverse processes run out, back and a little up, ending in a club.
            g.transverseBase[s] = root + glm::vec3(side * 2.0f, 1.5f, -1.0f);
            const glm::vec3 dir = glm::normalize(glm::vec3(side * 1.0f, 0.2f, -0.55f));
            g.transverseTip[s] = g.transverseBase[s] + dir * static_cast<float>(m.transverseProcess);
        } else {
            // Lumbar ones are long, thin and almost purely lateral; the table gives tip-to-tip width.
            g.transverseBase[s] = root + glm::vec3(side * 2.0f, 0.0f, 2.0f);
            const float tipX = side * 0.5f * static_cast<float>(m.transverseProcess);
            g.transverseTip[s] = glm::vec3(tipX, g.transverseBase[s].y + 2.0f, g.transverseBase[s].z - 5.0f);
        }
    }
    return g;
}

} // namespace spine_model
