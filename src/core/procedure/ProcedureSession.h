#pragma once
// One procedure on one model: the options, the plan they give, the player's time, and the state at
// that time (computed once per time). The UI and the app talk to this; changing options restarts
// cleanly.

#include "core/anatomy/SpineAnatomy.h"
#include "core/procedure/ProcedurePlayer.h"
#include "core/procedure/ProcedureState.h"
#include "core/procedure/SpinePose.h"
#include "core/sim/CementOptions.h"

#include <memory>
#include <optional>
#include <string>

namespace spineviz {

class CementModel;

class ProcedureSession {
public:
    // Uses the cement flow model (CementFlowModel) unless another is given.
    ProcedureSession(const Scene& scene, std::shared_ptr<const CementModel> cementModel = nullptr);

    // Why no procedure can run on this model ("" if one can).
    std::string unavailableReason() const;
    bool available() const { return unavailableReason().empty(); }
    std::vector<std::string> treatableLevels() const { return anatomy_.treatableLevels(); }

    // Applies options: a new plan, the player back at the start. Returns "" or why not (the old
    // options stay).
    std::string setOptions(const ProcedureOptions& options);
    const ProcedureOptions& options() const { return options_; }
    // Applies cement options (cement, injection start, volume, flow, bone): re-plans the current
    // options if there are any, keeping the player's time. Returns "" or why not.
    std::string setCementOptions(const CementOptions& options);
    const CementOptions& cementOptions() const { return cementOptions_; }

    ProcedurePlayer& player() { return player_; }
    const ProcedurePlayer& player() const { return player_; }
    const ProcedurePlan& plan() const { return *plan_; }
    const SpinePose& pose() const { return pose_; }
    const SpineAnatomy& anatomy() const { return anatomy_; }
    bool hasPlan() const { return plan_ != nullptr; }

    // The state at the player's time.
    const ProcedureState& state();

private:
    const Scene& scene_;
    SpineAnatomy anatomy_;
    std::shared_ptr<const CementModel> cementModel_;
    ProcedureOptions options_;
    CementOptions cementOptions_;
    std::unique_ptr<ProcedurePlan> plan_;
    SpinePose pose_;
    ProcedurePlayer player_;
    std::optional<ProcedureState> state_;
    double stateTime_ = -1.0;
};

} // namespace spineviz
