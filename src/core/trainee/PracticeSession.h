#pragma once
// Practice mode's state, GL-free: the trainee's needles as they are placed, aimed and advanced, the
// X-ray exposure each one took, the live checks (the medial-wall rule, breaches so far, the fit) and
// the report when the trainee is done. The app turns input into these calls and draws the result;
// the same report comes out of `--trainee-plan --score` for the same attempt.

#include "core/procedure/ProcedureOptions.h"
#include "core/trainee/AccessTarget.h"
#include "core/trainee/TraineeCase.h"
#include "core/trainee/TraineeScore.h"

#include <optional>
#include <vector>

namespace spineviz {

struct PracticeChecks {
    MedialWallRule medialRule;     // at the tip's present depth
    std::vector<Breach> breaches;  // along the needle so far
    bool tooTight = false;
    float toTarget = 0.0f;         // metres from the tip to the target (negative past it along the path)
    bool atTarget = false;         // within kAtTarget of the target
    bool pastPosteriorWall = false; // on the lateral view, the tip is in the body
};

class PracticeSession {
public:
    // Within this of the target, the tip is there (a needle's own diameter).
    static constexpr float kAtTarget = 0.003f;
    static constexpr float kMaxDepth = 0.080f;

    PracticeSession() = default;
    // A fresh attempt for this case: each needle the access uses starts at the skin above its pedicle,
    // docked a little off the ideal entry and aimed straight in, so the trainee must find both.
    PracticeSession(const TraineeCase& where, const ProcedureOptions& options);
    // A finished attempt to look back on: `attempt`'s needles (one or two), scored; the access
    // follows the attempt's needle count.
    PracticeSession(const TraineeCase& where, const ProcedureOptions& options, const TraineePlan& attempt);

    bool active() const { return where_.bone != nullptr; }
    const ProcedureOptions& options() const { return options_; }
    const std::vector<NeedleAttempt>& needles() const { return plan_.needles; }
    const TraineePlan& plan() const { return plan_; }
    int activeNeedle() const { return active_; }
    void selectNeedle(int index);
    const AccessTarget& target(int index) const { return targets_[std::size_t(index)]; }

    // Moves the active needle's entry over the back (anatomical metres: x left, y up) and docks it
    // on the bone under it; or docks it where the trainee clicked on the bone (node frame).
    void moveEntry(float dx, float dy);
    void setEntry(const glm::vec3& onBone);
    // Turns the active needle's aim: medially (+) or laterally, cranially (+) or caudally (radians).
    void aim(float medial, float cranial);
    // Advances (+) or withdraws (-) the active needle's tip, metres; clamped to 0..kMaxDepth.
    void advance(float metres);

    // The fluoroscope's running counters: what was added since the last call goes to the active needle.
    void noteExposure(int shots, double fluoroSeconds);
    void addTime(double seconds);

    const PracticeChecks& checks() const; // of the active needle, recomputed when it moved
    bool finished() const { return report_.has_value(); }
    const TraineeReport& finish();        // scores the attempt as it stands
    const std::optional<TraineeReport>& report() const { return report_; }

private:
    void dock(NeedleAttempt& needle) const;

    TraineeCase where_;
    ProcedureOptions options_;
    TraineePlan plan_;
    std::vector<AccessTarget> targets_;
    int active_ = 0;
    int shotsSeen_ = 0;
    double fluoroSeen_ = 0.0;
    double seconds_ = 0.0;
    mutable bool checksStale_ = true;
    mutable PracticeChecks checks_;
    std::optional<TraineeReport> report_;
};

} // namespace spineviz
