#pragma once
// Playback of the procedure's timeline: play, pause, speed, step between phases, jump, scrub.
// It only moves a time; what is shown at that time comes from computeState(plan, time), so every
// way of reaching a time shows the same thing.

#include "core/procedure/Timeline.h"

namespace spineviz {

class ProcedurePlayer {
public:
    static constexpr float kMinSpeed = 0.25f, kMaxSpeed = 4.0f;

    explicit ProcedurePlayer(Timeline timeline = Timeline(Procedure::Kyphoplasty)) : timeline_(std::move(timeline)) {}

    // A new timeline (options changed): back to the start, paused.
    void reset(Timeline timeline);
    const Timeline& timeline() const { return timeline_; }

    void play();
    void pause() { playing_ = false; }
    void togglePlay() { playing_ ? pause() : play(); }
    bool playing() const { return playing_; }
    void setSpeed(float speed);
    float speed() const { return speed_; }

    // Advances by wall-clock seconds when playing; pauses at the end.
    void advance(double seconds);
    void seek(double time);
    void restart();
    void jumpToPhase(int index); // to the phase's start
    void nextPhase();
    void previousPhase();        // to this phase's start, or the previous phase's if already near it

    double time() const { return time_; }
    PhaseTime phase() const { return timeline_.at(time_); }
    bool atEnd() const { return time_ >= timeline_.duration(); }

private:
    Timeline timeline_;
    double time_ = 0.0;
    float speed_ = 1.0f;
    bool playing_ = false;
};

} // namespace spineviz
