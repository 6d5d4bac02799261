#include "core/trainee/TraineePlan.h"

#include "core/trainee/AccessTarget.h"

#include <cmath>

namespace spineviz {
namespace {

using json = nlohmann::json;

// Limits of a plausible plan (metres unless named): the entry within reach of the vertebra, a needle
// no longer than a trocar, counts a session could reach.
constexpr float kMaxEntryDistance = 0.30f;   // from the body centre
constexpr float kMinDepthMm = 1.0f, kMaxDepthMm = 150.0f;
constexpr int kMaxShots = 10000;
constexpr double kMaxFluoroSeconds = 36000.0; // ten hours

struct PlanError {
    std::string message;
};

[[noreturn]] void fail(const std::string& item, const std::string& why) { throw PlanError{item + ": " + why}; }

const json& member(const json& object, const std::string& item, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) fail(item + "." + key, "missing");
    return *it;
}

double finiteNumber(const json& value, const std::string& item) {
    if (!value.is_number()) fail(item, "is not a number");
    const double v = value.get<double>();
    if (!std::isfinite(v)) fail(item, "is not finite");
    return v;
}

glm::vec3 vec3(const json& value, const std::string& item) {
    if (!value.is_array() || value.size() != 3) fail(item, "is not an [x, y, z] array");
    glm::vec3 v;
    for (int i = 0; i < 3; ++i) {
        const double c = finiteNumber(value[std::size_t(i)], item + "[" + std::to_string(i) + "]");
        if (std::abs(c) > 1e3) fail(item, "is out of range (metres expected)");
        v[i] = float(c);
    }
    return v;
}

int count(const json& object, const std::string& item, const char* key, int max) {
    const auto it = object.find(key);
    if (it == object.end()) return 0;
    if (!it->is_number_integer() && !it->is_number_unsigned()) fail(item + "." + key, "is not a whole number");
    const long long v = it->get<long long>();
    if (v < 0 || v > max) fail(item + "." + key, "must be between 0 and " + std::to_string(max));
    return int(v);
}

NeedleAttempt parseNeedle(const json& object, const std::string& item) {
    if (!object.is_object()) fail(item, "is not an object");
    NeedleAttempt needle;
    const json& side = member(object, item, "side");
    if (side == "left") needle.side = Side::Left;
    else if (side == "right") needle.side = Side::Right;
    else fail(item + ".side", "is not one of left|right");
    needle.entry = vec3(member(object, item, "entry"), item + ".entry");
    if (glm::length(needle.entry) > kMaxEntryDistance)
        fail(item + ".entry", "is more than 30 cm from the vertebral body (metres in the vertebra's frame expected)");
    const glm::vec3 direction = vec3(member(object, item, "direction"), item + ".direction");
    if (glm::length(direction) < 1e-6f) fail(item + ".direction", "has zero length");
    needle.direction = glm::normalize(direction);
    const double depthMm = finiteNumber(member(object, item, "depth_mm"), item + ".depth_mm");
    if (depthMm < kMinDepthMm || depthMm > kMaxDepthMm) fail(item + ".depth_mm", "must be between 1 and 150");
    needle.depth = float(depthMm * 1e-3);
    needle.shots = count(object, item, "shots", kMaxShots);
    if (const auto it = object.find("fluoro_seconds"); it != object.end()) {
        needle.fluoroSeconds = finiteNumber(*it, item + ".fluoro_seconds");
        if (needle.fluoroSeconds < 0.0 || needle.fluoroSeconds > kMaxFluoroSeconds)
            fail(item + ".fluoro_seconds", "must be between 0 and 36000");
    }
    return needle;
}

std::string levelOf(const json& object, const std::string& item) {
    const json& level = member(object, item, "level");
    if (!level.is_string() || !isTreatableLevel(level.get<std::string>())) fail(item + ".level", "is not a level from T5 to L5");
    return level.get<std::string>();
}

} // namespace

std::optional<TraineePlan> parseTraineePlan(const json& plan, std::string& error) {
    try {
        TraineePlan out;
        if (plan.is_object()) {
            out.level = levelOf(plan, "plan");
            out.needles.push_back(parseNeedle(plan, "plan"));
        } else if (plan.is_array()) {
            if (plan.empty() || plan.size() > 2) fail("plan", "must list one or two needles (one per pedicle)");
            for (std::size_t i = 0; i < plan.size(); ++i) {
                const std::string item = "needles[" + std::to_string(i) + "]";
                if (!plan[i].is_object()) fail(item, "is not an object");
                const std::string level = levelOf(plan[i], item);
                if (i > 0 && level != out.level) fail(item + ".level", "differs from the first needle's " + out.level);
                out.level = level;
                out.needles.push_back(parseNeedle(plan[i], item));
            }
            if (out.needles.size() == 2 && out.needles[0].side == out.needles[1].side)
                fail("needles[1].side", "repeats the first needle's side: one needle per pedicle");
        } else {
            fail("plan", "is not an object or a list of objects");
        }
        return out;
    } catch (const PlanError& e) {
        error = e.message;
        return std::nullopt;
    }
}

TraineePlan idealTraineePlan(const VertebraLandmarks& landmarks, const ProcedureOptions& options, int shotsPerNeedle) {
    TraineePlan plan;
    plan.level = options.level;
    const bool both = options.access == Access::Bilateral;
    for (Side side : both ? std::vector<Side>{Side::Left, Side::Right} : std::vector<Side>{Side::Left}) {
        const AccessTarget target = accessTarget(landmarks, options, side);
        NeedleAttempt needle;
        needle.side = side;
        needle.entry = target.entryLocal;
        needle.direction = target.axisLocal;
        needle.depth = glm::distance(target.entryLocal, target.targetLocal);
        needle.shots = shotsPerNeedle;
        plan.needles.push_back(needle);
    }
    return plan;
}

json traineePlanJson(const TraineePlan& plan) {
    json out = json::array();
    for (const NeedleAttempt& n : plan.needles) {
        out.push_back({{"level", plan.level},
                       {"side", sideName(n.side)},
                       {"entry", {n.entry.x, n.entry.y, n.entry.z}},
                       {"direction", {n.direction.x, n.direction.y, n.direction.z}},
                       {"depth_mm", n.depth * 1e3f},
                       {"shots", n.shots},
                       {"fluoro_seconds", n.fluoroSeconds}});
    }
    return out;
}

} // namespace spineviz
