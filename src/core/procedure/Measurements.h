#pragma once
// The numbers a surgeon reads off the procedure at any moment, and their JSON form for
// --measurements.

#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace spineviz {

struct Measurements {
    std::string procedure, level, phase;
    std::string fractureAge;         // "acute", "chronic"
    std::string bone;                // "osteoporotic", "osteopenic", "normal"
    std::string accessRoute;         // "transpedicular", or "extrapedicular" when the instrument is too wide for the pedicle
    int accessGauge = 11;            // of the instrument through the pedicle (kyphoplasty: the working cannula)
    float accessInstrumentMm = 0.0f, pedicleWidthMm = 0.0f;
    int phaseNumber = 1;             // 1-based, as shown in the phase list
    double timeSeconds = 0.0;        // on the animation timeline
    float anteriorHeightMm = 0.0f, middleHeightMm = 0.0f, posteriorHeightMm = 0.0f;
    float healthyAnteriorHeightMm = 0.0f, healthyMiddleHeightMm = 0.0f, healthyPosteriorHeightMm = 0.0f;
    float heightLossPercent = 0.0f;  // worst wall, against the healthy body
    int genantGrade = 0;             // reached now (0 = no fracture)
    float wedgeAngleDeg = 0.0f;      // kyphotic angle of the body
    float healthyWedgeAngleDeg = 0.0f;
    float heightRestoredPercent = 0.0f; // of the height the fracture took, at the worst wall
    float balloonPressurePsi = 0.0f; // per balloon (all balloons are filled alike)
    float balloonVolumeMl = 0.0f;    // all balloons together
    int balloons = 0;
    std::string balloonStop;         // why inflation stopped ("target volume", "rated pressure", "cortex near", "maximum volume"), once it has
    float balloonFinalVolumeMl = 0.0f;   // per balloon, where inflation stopped (kyphoplasty)
    float balloonFinalPressurePsi = 0.0f;
    float cementVolumeMl = 0.0f;     // injected so far (= cementInjectedMl)
    float cementTargetMl = 0.0f;     // what this injection will have put in when it stops
    float cementMinutesSinceMixing = 0.0f; // 0 before mixing
    float cementCure = 0.0f;         // 0 liquid .. 1 set
    std::string cementKind;          // "high-viscosity", "low-viscosity" ("" without a cement model)
    std::string cementPhase;         // "liquid", "paste", "setting", "set" ("" before mixing)
    float cementViscosityPaS = 0.0f; // model fit (docs/cement.md)
    float cementInjectedMl = 0.0f;   // pushed in so far = retained + leaked
    float cementRetainedMl = 0.0f;   // inside the vertebral body
    float cementLeakedMl = 0.0f;     // outside it (visible leaks and traces)
    float cementTraceMl = 0.0f;      // of that, in exits too small to be seen as a leak (under kVisibleLeakMl each)
    float cementPressureKPa = 0.0f;  // injection pressure in the bone at the tip (model; the cannula's own loss excluded)
    float cementInjectedLeftMl = 0.0f, cementInjectedRightMl = 0.0f; // through each needle or cannula

    // A visible leak (at least kVisibleLeakMl) at this time (anatomical frame of the treated vertebra, healthy pose, mm).
    struct Leak {
        std::string type;   // "basivertebral", "segmental", "paravertebral", "intradiscal", "canal"
        std::string code;   // Yeom 2003 letter: B, S, C, D (canal: C)
        std::string title;  // for labels
        float volumeMl = 0.0f;
        float startSeconds = 0.0f; // into the injection
        glm::vec3 positionMm{0.0f}; // centre of the leaked cement now
        glm::vec3 exitMm{0.0f};     // where it left the body
    };
    std::vector<Leak> cementLeaks;

    nlohmann::json toJson() const;
};

} // namespace spineviz
