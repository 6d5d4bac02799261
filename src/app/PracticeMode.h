#pragma once
// Practice mode inside the app (`--trainee`, or "Practice the access" in the panel): the procedure
// held at the access step while the trainee places each needle; the trainee's trocars replace the
// planned instruments in the 3D and X-ray views; keys and the panel steer them; the report and, once
// finished, the breaches in red and the ideal paths are drawn. The exercise itself lives in the
// core (core/trainee/PracticeSession).

#include "core/procedure/ProcedureSession.h"
#include "core/trainee/PracticeSession.h"
#include "core/xray/FluoroSession.h"
#include "render/PracticeMarks.h"
#include "ui/PracticePanel.h"
#include "ui/UiInsets.h"

#include <SDL.h>

#include <string>

namespace spineviz {

class PracticeMode {
public:
    // Starts a fresh attempt on the session's case, or looks back on `attempt` (finished, scored);
    // "" or why it cannot be practised.
    std::string start(const Scene& scene, ProcedureSession& session, const TraineePlan* attempt = nullptr);
    void stop() { practice_ = PracticeSession{}; }
    bool active() const { return practice_.active(); }
    const PracticeSession& session() const { return practice_; }

    void advance(double seconds) { practice_.addTime(seconds); }
    void noteExposure(const xray::ExposureCounter& exposure);
    // The state to draw: the session's, with the trainee's trocars for the planned instruments.
    ProcedureState stateToDraw(ProcedureSession& session) const;
    void appendMarks(const ProcedureSession& session, FrameScene& frame);
    // Practice keys (arrows aim, Ctrl+arrows move the entry, W/Q advance/withdraw, Tab, Enter); S, L
    // and X stay the X-ray's. True when the key was practice mode's.
    bool handleKey(const SDL_Keysym& key);
    // Ctrl+click: docks the needle where a world-space ray from the camera meets the treated bone.
    bool pickEntry(const ProcedureSession& session, const glm::vec3& origin, const glm::vec3& direction);
    // Draws the panel; returns false when the trainee asks to go back to watching.
    bool drawUi(const ProcedureSession& session, UiInsets& insets);
    bool shotRequested() { return std::exchange(shotRequested_, false); }

private:
    void apply(const PracticeRequests& r);
    glm::mat4 nodeToWorld(const ProcedureSession& session) const;

    const Scene* scene_ = nullptr;
    ProcedureSession* procedure_ = nullptr;
    PracticeSession practice_;
    PracticeMarksDrawer marks_;
    bool showIdeal_ = true;
    bool xrayTaken_ = false;
    bool shotRequested_ = false;
    bool leave_ = false;
};

} // namespace spineviz
