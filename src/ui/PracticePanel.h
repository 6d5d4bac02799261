#pragma once
// Practice mode's panel: what to do next, the needle in hand (side, depth, distance to the target),
// the live safety checks with the rule they come from, the controls (also on keys), and the score
// report when the trainee finishes. It reads the session and returns requests; the app applies them.

#include "core/trainee/PracticeSession.h"
#include "ui/UiInsets.h"

#include <optional>

namespace spineviz {

struct PracticeRequests {
    std::optional<int> selectNeedle;
    float moveX = 0.0f, moveY = 0.0f;  // entry, anatomical metres (x the patient's left, y up)
    float aimMedial = 0.0f, aimCranial = 0.0f; // radians
    float advance = 0.0f;              // metres
    bool shot = false;                 // one AP and one lateral exposure
    bool finish = false, restart = false, leave = false;
    std::optional<bool> showIdeal;     // draw the ideal paths beside the attempt once finished

    void merge(const PracticeRequests& other);
};

// Step sizes the panel and the keys use (coarse; Shift gives fine).
inline constexpr float kPracticeMoveStep = 0.001f, kPracticeFineMove = 0.00025f;
inline constexpr float kPracticeAimStep = 0.0349f, kPracticeFineAim = 0.0087f; // 2 and 0.5 degrees
inline constexpr float kPracticeAdvanceStep = 0.002f, kPracticeFineAdvance = 0.0005f;

// The one-line instruction for where the attempt stands (also used by the app's caption).
const char* practiceInstruction(const PracticeSession& session, bool xrayTaken);

PracticeRequests drawPracticePanel(const PracticeSession& session, bool xrayTaken, bool showIdeal, UiInsets* insets);

} // namespace spineviz
