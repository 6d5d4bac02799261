#include "core/procedure/ProcedureSession.h"

#include "core/sim/CementFlowModel.h"

#include <algorithm>

namespace spineviz {

ProcedureSession::ProcedureSession(const Scene& scene, std::shared_ptr<const CementModel> cementModel)
    : scene_(scene), anatomy_(SpineAnatomy::fromScene(scene)),
      cementModel_(cementModel ? std::move(cementModel) : std::make_shared<CementFlowModel>()) {}

std::string ProcedureSession::unavailableReason() const {
    if (anatomy_.treatableLevels().empty())
        return "this model has no vertebrae with spineviz landmarks (see docs/model-format.md)";
    return "";
}

std::string ProcedureSession::setOptions(const ProcedureOptions& options) {
    const std::string problem = anatomy_.problemWith(options.level);
    if (!problem.empty()) return problem;
    if (options.grade < 1 || options.grade > 3) return "the Genant grade must be 1, 2 or 3";
    const VertebraNode* vertebra = anatomy_.vertebra(options.level);
    SpinePose pose(scene_, anatomy_, options.level);
    plan_ = std::make_unique<ProcedurePlan>(ProcedurePlan::make(options, vertebra->landmarks, pose.frame(), *cementModel_, cementOptions_));
    pose_ = std::move(pose);
    options_ = options;
    player_.reset(plan_->timeline);
    state_.reset();
    stateTime_ = -1.0;
    return "";
}

std::string ProcedureSession::setCementOptions(const CementOptions& options) {
    if (options.flowMlPerMinute <= 0.0f || options.flowMlPerMinute > 20.0f) return "the cement flow must be between 0 and 20 mL/min";
    if (options.injectionStartMinutes && (*options.injectionStartMinutes < 0.0f || *options.injectionStartMinutes > 20.0f))
        return "the injection must start 0 to 20 minutes after mixing";
    if (options.volumeTargetMl && (*options.volumeTargetMl <= 0.0f || *options.volumeTargetMl > 15.0f))
        return "the cement volume must be between 0 and 15 mL";
    const CementOptions previous = cementOptions_;
    cementOptions_ = options;
    if (!plan_) return "";
    const double time = player_.time();
    const std::string problem = setOptions(options_);
    if (!problem.empty()) {
        cementOptions_ = previous;
        return problem;
    }
    player_.seek(std::min(time, plan_->timeline.duration()));
    return "";
}

const ProcedureState& ProcedureSession::state() {
    if (!state_ || stateTime_ != player_.time()) {
        state_ = computeState(*plan_, player_.time());
        stateTime_ = player_.time();
    }
    return *state_;
}

} // namespace spineviz
