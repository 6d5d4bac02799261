#pragma once
// The fluoroscopy a trainee runs, GL-free: two C-arm views (AP and lateral to start with, as with
// the two C-arms of a biplane kyphoplasty set-up), where each C-arm points, whether its beam is on,
// and the exposure counters trainees are scored on.
//
// Beam and images, as on a real C-arm:
//  - "Live" is the fluoroscopy pedal held down: while it is on, that view's image follows the
//    procedure frame by frame, and its beam time adds to the fluoroscopy time.
//  - "Shot" takes a single image (one exposure): it counts as one shot and adds no fluoroscopy
//    time.
//  - With the beam off the monitor keeps the last image (last-image hold); moving the C-arm does
//    not change the picture until the next shot or live run.
// Fluoroscopy time adds up per tube: two views live for one second is two seconds. A reminder is
// due every five minutes of it, as fluoroscopes must sound one (US 21 CFR 1020.32(h)(2)).

#include "core/xray/CArm.h"
#include "core/xray/XrayLook.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace spineviz::xray {

inline constexpr int kFluoroViews = 2;

struct ExposureCounter {
    int shots = 0;
    double fluoroSeconds = 0.0;
    int remindersAcknowledged = 0;

    static constexpr double kReminderSeconds = 300.0;
    bool reminderDue() const { return fluoroSeconds >= kReminderSeconds * (remindersAcknowledged + 1); }
    void acknowledgeReminder() { remindersAcknowledged = static_cast<int>(fluoroSeconds / kReminderSeconds); }
};

// "m:ss" (or "h:mm:ss"), for the panel.
std::string formatFluoroTime(double seconds);

struct FluoroViewState {
    bool shown = true;
    CArmPreset preset = CArmPreset::TrueAp;
    CArmPose pose;
    bool live = true;
    bool shotPending = false;
    bool hasImage = false;
    std::uint32_t imagesTaken = 0; // frames acquired: seeds each image's noise
};

// What the command line's --fluoro asks for.
enum class FluoroChoice { Off, Ap, Lateral, Both, OwlsEyeLeft, OwlsEyeRight };
std::optional<FluoroChoice> parseFluoroChoice(const std::string& text);
const char* fluoroChoiceNames(); // "ap|lateral|both|off|owl-left|owl-right"

class FluoroSession {
public:
    FluoroSession();

    bool open() const { return open_; }
    void setOpen(bool open) { open_ = open; }
    // Opens with the views the command line names (Off closes).
    void choose(FluoroChoice choice);

    // The treated vertebra; views on a preset re-aim when it changes (another level, a new model).
    void setAnatomy(const XrayAnatomy& anatomy, const glm::vec3& fallbackCentre);
    const XrayAnatomy& anatomy() const { return anatomy_; }

    const FluoroViewState& view(int i) const { return views_[static_cast<std::size_t>(i)]; }
    void setShown(int i, bool shown) { views_[static_cast<std::size_t>(i)].shown = shown; }
    void setPreset(int i, CArmPreset preset);
    // Turns the C-arm to these angles about its isocentre (the view becomes Custom).
    void setAngles(int i, float orbital, float angular);

    void setLive(int i, bool live) { views_[static_cast<std::size_t>(i)].live = live; }
    bool anyLive() const;
    void setAllLive(bool live);
    // One exposure of view i: counted now, acquired at the next render.
    void takeShot(int i);
    void takeShotAll();

    // Beam time: every shown view that is live adds `seconds` while the panel is open.
    void advance(double seconds);
    // Whether view i needs a new image this frame, and the renderer's report that it made one.
    bool needsImage(int i) const;
    void imageAcquired(int i);

    CArmView carmView(int i) const { return viewOf(view(i).pose, geometry); }
    const ExposureCounter& exposure() const { return exposure_; }
    void acknowledgeReminder() { exposure_.acknowledgeReminder(); }
    void resetExposure() { exposure_ = ExposureCounter{}; }

    // The intensifier's magnification mode (a smaller input field, the same distances).
    bool magnified() const { return geometry.detectorDiameter < CArmGeometry::kNormalField; }
    void setMagnified(bool on) { geometry.detectorDiameter = on ? CArmGeometry::kMagnifiedField : CArmGeometry::kNormalField; }

    CArmGeometry geometry;
    XrayLook look;
    bool carmTrueSize = false; // draw the C-arm in the 3D view at its real size (else a quarter)

private:
    void aim(FluoroViewState& v) const;

    bool open_ = false;
    std::array<FluoroViewState, kFluoroViews> views_;
    XrayAnatomy anatomy_;
    glm::vec3 fallbackCentre_{0.0f};
    ExposureCounter exposure_;
};

} // namespace spineviz::xray
