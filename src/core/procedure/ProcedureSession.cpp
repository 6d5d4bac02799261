#include "core/procedure/ProcedureSession.h"

#include "core/sim/SimpleCementModel.h"

namespace spineviz {

ProcedureSession::ProcedureSession(const Scene& scene, std::shared_ptr<const CementModel> cementModel)
    : scene_(scene), anatomy_(SpineAnatomy::fromScene(scene)),
      cementModel_(cementModel ? std::move(cementModel) : std::make_shared<SimpleCementModel>()) {}

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
    plan_ = std::make_unique<ProcedurePlan>(ProcedurePlan::make(options, vertebra->landmarks, pose.frame(), *cementModel_));
    pose_ = std::move(pose);
    options_ = options;
    player_.reset(plan_->timeline);
    state_.reset();
    stateTime_ = -1.0;
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
