#pragma once
// The contract between the procedure panels and the app: what the panels show (read-only) and what
// the user asked for (requests the app carries out). Panels never change the session themselves.

#include "core/procedure/InsideView.h"
#include "core/procedure/PhaseView.h"
#include "core/procedure/ProcedureOptions.h"
#include "core/procedure/Timeline.h"
#include "core/sim/CementOptions.h"

#include <optional>
#include <string>
#include <vector>

namespace spineviz {

enum class Audience { Clinician, Patient }; // which voice the captions use, and how much is shown

struct ProcedureView {
    const ProcedureOptions* options = nullptr;
    const CementOptions* cement = nullptr;
    std::vector<std::string> levels; // treatable levels in this model
    const Timeline* timeline = nullptr;
    double time = 0.0;
    bool playing = false;
    float speed = 1.0f;
    InsideView inside = InsideView::Auto;
    SectionMode section = SectionMode::Sagittal;
    bool followCamera = true;
    Audience audience = Audience::Clinician;
    bool learnOpen = false;
    bool labels = false; // parts of the treated vertebra named in the 3D view
    bool looping = false; // the waiting-room loop: from the beginning, slowly, over and over
};

struct ProcedureRequests {
    std::optional<ProcedureOptions> options; // restart with these
    std::optional<CementOptions> cement;     // re-plan the injection, keep the time
    std::optional<double> seek;
    std::optional<int> jumpToPhase;
    bool togglePlay = false, next = false, previous = false, restart = false;
    std::optional<float> speed;
    std::optional<InsideView> inside;
    std::optional<SectionMode> section;
    std::optional<bool> followCamera;
    std::optional<Audience> audience;
    std::optional<bool> learnOpen;
    std::optional<bool> labels;
    std::optional<bool> loop;
    std::optional<bool> practice; // start practice mode on this case

    // Later requests of the same kind win; flags accumulate.
    void merge(const ProcedureRequests& other);
};

} // namespace spineviz
