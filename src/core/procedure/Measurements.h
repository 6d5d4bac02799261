#pragma once
// The numbers a surgeon reads off the procedure at any moment, and their JSON form for
// --measurements.

#include <nlohmann/json.hpp>

#include <string>

namespace spineviz {

struct Measurements {
    std::string procedure, level, phase;
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
    float cementVolumeMl = 0.0f;     // injected so far
    float cementTargetMl = 0.0f;
    float cementMinutesSinceMixing = 0.0f; // 0 before mixing
    float cementCure = 0.0f;         // 0 liquid .. 1 set

    nlohmann::json toJson() const;
};

} // namespace spineviz
