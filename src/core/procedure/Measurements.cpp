#include "core/procedure/Measurements.h"

#include "core/sim/Leak.h"

#include <cmath>

namespace spineviz {
namespace {

// Rounded for people: tenths of a millimetre, degree or millilitre.
double tenth(double v) { return std::round(v * 10.0) / 10.0; }
double hundredth(double v) { return std::round(v * 100.0) / 100.0; }
double thousandth(double v) { return std::round(v * 1000.0) / 1000.0; }

} // namespace

nlohmann::json Measurements::toJson() const {
    nlohmann::json j;
    j["procedure"] = procedure;
    j["level"] = level;
    j["phase"] = phase;
    j["phase_number"] = phaseNumber;
    j["fracture_age"] = fractureAge;
    j["bone"] = bone;
    j["access_route"] = accessRoute;
    j["access_gauge"] = accessGauge;
    j["access_instrument_mm"] = hundredth(accessInstrumentMm);
    j["pedicle_width_mm"] = tenth(pedicleWidthMm);
    j["time_s"] = tenth(timeSeconds);
    j["anterior_height_mm"] = tenth(anteriorHeightMm);
    j["middle_height_mm"] = tenth(middleHeightMm);
    j["posterior_height_mm"] = tenth(posteriorHeightMm);
    j["healthy_heights_mm"] = {tenth(healthyAnteriorHeightMm), tenth(healthyMiddleHeightMm), tenth(healthyPosteriorHeightMm)};
    j["height_loss_percent"] = tenth(heightLossPercent);
    j["genant_grade"] = genantGrade;
    j["wedge_angle_deg"] = tenth(wedgeAngleDeg);
    j["healthy_wedge_angle_deg"] = tenth(healthyWedgeAngleDeg);
    j["height_restored_percent"] = tenth(heightRestoredPercent);
    j["balloon_pressure_psi"] = tenth(balloonPressurePsi);
    j["balloon_pressure_atm"] = std::round(balloonPressurePsi / 14.6959 * 100.0) / 100.0;
    j["balloon_volume_ml"] = std::round(balloonVolumeMl * 100.0) / 100.0;
    j["balloons"] = balloons;
    j["balloon_stop"] = balloonStop;
    j["balloon_final_volume_ml"] = hundredth(balloonFinalVolumeMl);
    j["balloon_final_pressure_psi"] = tenth(balloonFinalPressurePsi);
    j["cement_volume_ml"] = std::round(cementVolumeMl * 100.0) / 100.0;
    j["cement_target_ml"] = std::round(cementTargetMl * 100.0) / 100.0;
    j["cement_minutes_since_mixing"] = tenth(cementMinutesSinceMixing);
    j["cement_cure"] = std::round(cementCure * 100.0) / 100.0;
    j["cement_kind"] = cementKind;
    j["cement_phase"] = cementPhase;
    j["cement_viscosity_pa_s"] = std::round(cementViscosityPaS);
    j["cement_injected_ml"] = hundredth(cementInjectedMl);
    j["cement_retained_ml"] = hundredth(cementRetainedMl);
    j["cement_leaked_ml"] = thousandth(cementLeakedMl);
    j["cement_trace_ml"] = thousandth(cementTraceMl);
    j["cement_leak_threshold_ml"] = hundredth(kVisibleLeakMl);
    j["cement_pressure_kpa"] = tenth(cementPressureKPa);
    j["cement_injected_ml_left"] = hundredth(cementInjectedLeftMl);
    j["cement_injected_ml_right"] = hundredth(cementInjectedRightMl);
    nlohmann::json leaks = nlohmann::json::array();
    for (const Leak& l : cementLeaks)
        leaks.push_back({{"type", l.type},
                         {"code", l.code},
                         {"title", l.title},
                         {"volume_ml", thousandth(l.volumeMl)},
                         {"start_s", tenth(l.startSeconds)},
                         {"position_mm", {tenth(l.positionMm.x), tenth(l.positionMm.y), tenth(l.positionMm.z)}},
                         {"exit_mm", {tenth(l.exitMm.x), tenth(l.exitMm.y), tenth(l.exitMm.z)}}});
    j["cement_leaks"] = leaks;
    return j;
}

} // namespace spineviz
