#include "core/trainee/TraineeScore.h"

#include "core/instruments/InstrumentDimensions.h"
#include "core/trainee/AccessTarget.h"

#include <glm/geometric.hpp>
#include <glm/vec4.hpp>

#include <algorithm>
#include <cmath>

namespace spineviz {
namespace {

using json = nlohmann::json;
namespace dims = instrument_dims;

constexpr float kDegrees = 57.29578f;

glm::vec3 dirToAnatomical(const VertebraLandmarks& l, const glm::vec3& d) {
    return glm::normalize(glm::vec3(l.localToAnatomical() * glm::vec4(d, 0.0f)));
}

// Medial turns towards the midline: +x for the right pedicle, -x for the left (x is the patient's left).
float medialSign(Side side) { return side == Side::Left ? -1.0f : 1.0f; }

NeedleResult judgeNeedle(const NeedleAttempt& needle, const MeshData& bone, const VertebraLandmarks& l,
                         const ProcedureOptions& options) {
    const AccessTarget target = accessTarget(l, options, needle.side);
    NeedleResult r;
    r.side = needle.side;
    r.instrumentDiameter = traineeInstrumentDiameter(options.procedure);
    const std::optional<float> contact = boneContact(bone, needle);
    r.missedBone = !contact;
    const glm::vec3 docked = needle.entry + needle.direction * std::max(contact.value_or(0.0f), 0.0f);
    r.entryError = glm::distance(docked, target.entryLocal);
    r.targetError = glm::distance(needle.tip(), target.targetLocal);
    r.angleError = std::acos(std::clamp(glm::dot(needle.direction, target.axisLocal), -1.0f, 1.0f));
    const glm::vec3 aim = dirToAnatomical(l, needle.direction), ideal = target.path.axis;
    r.axialError = medialSign(needle.side) * (std::atan2(aim.x, aim.z) - std::atan2(ideal.x, ideal.z));
    r.sagittalError = std::atan2(aim.y, aim.z) - std::atan2(ideal.y, ideal.z);
    r.breaches = findBreaches(bone, l, needle, 0.5f * r.instrumentDiameter);
    r.medialRule = checkMedialWallRule(l, needle);
    r.tooTight = tooTightFor(l.pedicle(needle.side), r.instrumentDiameter);
    return r;
}

float linearCredit(float weight, float error, float zeroAt) { return weight * std::clamp(1.0f - error / zeroAt, 0.0f, 1.0f); }

float gradePenalty(char grade, const ScoreWeights& w) {
    switch (grade) {
    case 'B': return w.gradeB;
    case 'C': return w.gradeC;
    case 'D': return w.gradeD;
    case 'E': return w.gradeE;
    default: return 0.0f;
    }
}

ScoreParts scoreParts(const TraineeReport& report, const ScoreWeights& w) {
    ScoreParts parts;
    float safetyLost = 0.0f;
    for (const NeedleResult& n : report.needles) {
        const float share = 1.0f / float(report.needles.size());
        parts.entry += share * (n.missedBone ? 0.0f : linearCredit(w.entry, n.entryError, w.entryZeroAt));
        parts.target += share * linearCredit(w.target, n.targetError, w.targetZeroAt);
        parts.angle += share * linearCredit(w.angle, n.angleError, w.angleZeroAt);
        for (const Breach& b : n.breaches) safetyLost += gradePenalty(breachGrade(b.depth), w);
        if (n.medialRule.broken) safetyLost += w.ruleBroken;
    }
    parts.safety = std::max(0.0f, w.safety - safetyLost);
    parts.exposure = std::max(0.0f, w.exposure - w.perShot * float(report.shots) - w.perFluoroSecond * float(report.fluoroSeconds));
    return parts;
}

// Rounded for the report; dividing by a whole number keeps 3.05 printing as 3.05, and + 0.0 turns -0 into 0.
double roundTo(double v, double step) {
    const double perUnit = std::round(1.0 / step);
    return std::round(v * perUnit) / perUnit + 0.0;
}

} // namespace

float traineeInstrumentDiameter(Procedure procedure) {
    const int gauge = procedure == Procedure::Kyphoplasty ? dims::kWorkingCannulaGauge : dims::kTrocarGauge;
    return dims::gaugeSize(gauge).outerMm * 1e-3f;
}

TraineeReport scoreAttempt(const TraineePlan& plan, const MeshData& bone, const VertebraLandmarks& landmarks,
                           const ProcedureOptions& options, const ScoreWeights& weights) {
    ProcedureOptions ideal = options;
    ideal.level = plan.level;
    ideal.access = plan.needles.size() >= 2 ? Access::Bilateral : Access::Unilateral;
    TraineeReport report;
    report.level = plan.level;
    report.procedure = options.procedure;
    for (const NeedleAttempt& needle : plan.needles) {
        report.needles.push_back(judgeNeedle(needle, bone, landmarks, ideal));
        report.shots += needle.shots;
        report.fluoroSeconds += needle.fluoroSeconds;
    }
    report.doseMsv = kDoseMsvPerFluoroSecond * (report.fluoroSeconds + kFluoroSecondsPerShot * report.shots);
    report.parts = scoreParts(report, weights);
    report.score = report.parts.total();
    return report;
}

json traineeReportJson(const TraineeReport& report) {
    json breaches = json::array(), rules = json::array(), needles = json::array();
    float entry = 0, target = 0, angle = 0, axial = 0, sagittal = 0;
    for (const NeedleResult& n : report.needles) {
        json nb = json::array();
        for (const Breach& b : n.breaches) {
            const json item = {{"side", sideName(n.side)},
                               {"wall", wallName(b.wall)},
                               {"depth_mm", roundTo(b.depth * 1e3, 0.1)},
                               {"at_mm", roundTo(b.at * 1e3, 0.1)},
                               {"grade", std::string(1, breachGrade(b.depth))}};
            breaches.push_back(item);
            nb.push_back(item);
        }
        if (n.medialRule.broken)
            rules.push_back({{"side", sideName(n.side)},
                             {"rule", "medial_wall_before_posterior_wall"},
                             {"at_mm", roundTo(n.medialRule.at * 1e3, 0.1)},
                             {"behind_posterior_wall_mm", roundTo(n.medialRule.behindPosteriorWall * 1e3, 0.1)}});
        needles.push_back({{"side", sideName(n.side)},
                           {"entry_error_mm", roundTo(n.entryError * 1e3, 0.1)},
                           {"target_error_mm", roundTo(n.targetError * 1e3, 0.1)},
                           {"angle_error_deg", roundTo(n.angleError * kDegrees, 0.1)},
                           {"axial_error_deg", roundTo(n.axialError * kDegrees, 0.1)},
                           {"sagittal_error_deg", roundTo(n.sagittalError * kDegrees, 0.1)},
                           {"missed_bone", n.missedBone},
                           {"instrument_diameter_mm", roundTo(n.instrumentDiameter * 1e3, 0.01)},
                           {"instrument_too_wide_for_pedicle", n.tooTight},
                           {"breaches", nb}});
        const float share = 1.0f / float(report.needles.size());
        entry += share * n.entryError;
        target += share * n.targetError;
        angle += share * n.angleError;
        axial += share * n.axialError;
        sagittal += share * n.sagittalError;
    }
    json out = {{"level", report.level},
                {"procedure", procedureName(report.procedure)},
                {"score", roundTo(report.score, 0.1)},
                {"score_parts",
                 {{"entry", roundTo(report.parts.entry, 0.1)},
                  {"target", roundTo(report.parts.target, 0.1)},
                  {"angle", roundTo(report.parts.angle, 0.1)},
                  {"safety", roundTo(report.parts.safety, 0.1)},
                  {"exposure", roundTo(report.parts.exposure, 0.1)}}},
                {"entry_error_mm", roundTo(entry * 1e3, 0.1)},
                {"target_error_mm", roundTo(target * 1e3, 0.1)},
                {"angle_error_deg", roundTo(angle * kDegrees, 0.1)},
                {"axial_error_deg", roundTo(axial * kDegrees, 0.1)},
                {"sagittal_error_deg", roundTo(sagittal * kDegrees, 0.1)},
                {"breaches", breaches},
                {"rule_violations", rules},
                {"shots", report.shots},
                {"fluoro_seconds", roundTo(report.fluoroSeconds, 0.1)},
                {"dose_msv_estimate", roundTo(report.doseMsv, 0.001)},
                {"needles", needles}};
    if (report.seconds >= 0.0) out["time_s"] = roundTo(report.seconds, 0.1);
    return out;
}

} // namespace spineviz
