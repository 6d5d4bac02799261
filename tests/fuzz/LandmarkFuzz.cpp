// libFuzzer target for vertebra landmarks, the values a patient's model brings with it. The input is
// either JSON text (the node's extras) or, when it does not start with '{', patches of the bundled
// L1 landmarks: 9-byte records (field selector, IEEE double), so the fuzzer reaches the plausibility
// checks and, for values that pass, the procedure plan. A value that passes must never reach the
// cement model non-finite, non-positive or inconsistent: the recording model aborts if it does.

#include "L1LandmarksJson.h"
#include "core/anatomy/SpineAnatomy.h"
#include "core/procedure/ProcedurePlan.h"
#include "core/sim/CementModel.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;

json l1Template() { return json::parse(spineviz::test::l1LandmarksJson()); }

// Every number in the template, as a JSON pointer, so a patch can address it.
void numberPointers(const json& value, const std::string& at, std::vector<std::string>& out) {
    if (value.is_number()) out.push_back(at);
    if (value.is_object())
        for (auto it = value.begin(); it != value.end(); ++it) numberPointers(*it, at + "/" + it.key(), out);
    if (value.is_array())
        for (std::size_t i = 0; i < value.size(); ++i) numberPointers(value[i], at + "/" + std::to_string(i), out);
}

bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

void require(bool ok) {
    if (!ok) std::abort();
}

// Stands in for the cement model: checks what it is given, returns an empty field.
class RecordingModel : public spineviz::CementModel {
public:
    spineviz::CementField fill(const spineviz::CementSetup& s) const override {
        const spineviz::BodyFrame& b = s.body;
        require(std::isfinite(s.targetVolumeMl) && s.targetVolumeMl > 0.0f && s.targetVolumeMl < 30.0f);
        require(std::isfinite(s.corticalThickness) && s.corticalThickness > 0.0f);
        require(std::isfinite(s.canalWidth) && s.canalWidth > 0.0f);
        require(b.superiorY > b.inferiorY && b.anteriorZ > b.posteriorZ && b.width > 0.0f && b.depth > 0.0f);
        for (const glm::vec3& t : s.tips) require(finite(t));
        for (const glm::vec3& a : s.tipAxes) require(finite(a));
        for (const spineviz::Ellipsoid& e : s.cavities)
            require(finite(e.centre) && finite(e.axis) && std::isfinite(e.halfLength) && std::isfinite(e.radius) && e.radius >= 0.0f);
        return {};
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const json base = l1Template();
    static const std::vector<std::string> pointers = [] {
        std::vector<std::string> out;
        numberPointers(base, "", out);
        return out;
    }();
    json extras;
    if (size > 0 && data[0] == '{') {
        extras = json::parse(data, data + size, nullptr, false);
        if (extras.is_discarded()) return 0;
    } else {
        extras = base;
        for (std::size_t i = 0; i + 9 <= size && i < 9 * 16; i += 9) {
            double value;
            std::memcpy(&value, data + i + 1, sizeof value);
            extras[json::json_pointer(pointers[data[i] % pointers.size()])] = value;
        }
    }

    spineviz::Scene scene;
    spineviz::Node node;
    node.name = "vertebrae_L1";
    node.extras = extras;
    node.sourceIndex = 7;
    scene.nodes.push_back(node);
    scene.roots.push_back(0);
    const spineviz::SpineAnatomy anatomy = spineviz::SpineAnatomy::fromScene(scene);
    const spineviz::VertebraNode* vertebra = anatomy.vertebra("L1");
    if (!vertebra) {
        // A node with spineviz landmarks that fails must say which item and why.
        if (extras.is_object() && extras.contains("spineviz")) require(anatomy.landmarkProblem().rfind("nodes[7].extras.spineviz", 0) == 0);
        return 0;
    }
    const spineviz::BodyFrame body = spineviz::BodyFrame::fromLandmarks(vertebra->landmarks);
    RecordingModel model;
    { // one procedure per input keeps the fuzzer fast; the input's size picks which
        spineviz::ProcedureOptions options;
        options.procedure = size % 2 ? spineviz::Procedure::Kyphoplasty : spineviz::Procedure::Vertebroplasty;
        options.grade = 1 + (size % 3);
        options.seed = static_cast<std::uint32_t>(size);
        const spineviz::ProcedurePlan plan = spineviz::ProcedurePlan::make(options, vertebra->landmarks, body, model);
        require(std::isfinite(plan.cementTargetMl) && plan.cementTargetMl > 0.0f);
    }
    return 0;
}
