#include "core/content/Captions.h"

#include "core/content/CaptionContext.h"

#include "core/anatomy/SpineLevels.h"

#include <cstdio>

// Sources of the numbers below (full list in docs/clinical-content.md; all taken from
// shared/reference/clinical.md and anatomy.md). Each number in the text has its source in a comment
// on the same or the previous line. Patient wording is our own; facts come from the patient
// information pages in shared/seeds (cited as "seed NNN").

namespace spineviz {
namespace caption_detail {

Context contextOf(const ProcedureOptions& options) {
    Context c;
    c.kyphoplasty = options.procedure == Procedure::Kyphoplasty;
    c.bilateral = options.access == Access::Bilateral;
    c.grade = options.grade < 1 ? 1 : options.grade > 3 ? 3 : options.grade;
    c.morphology = options.morphology;
    const auto index = levelIndex(options.level);
    if (index) c.region = isThoracic(options.level) ? Region::Thoracic : Region::Lumbar;
    if (c.region == Region::Thoracic) {
        const auto t5 = levelIndex("T5"), t8 = levelIndex("T8");
        c.midThoracic = t5 && t8 && *index >= *t5 && *index <= *t8;
    }
    if (c.region == Region::Lumbar) c.lumbarNumber = options.level[1] - '0';
    c.named = isTreatableLevel(options.level);
    c.level = c.named ? options.level : "the treated level";
    c.vertebra = c.named ? "the " + options.level + " vertebra" : "the treated vertebra";
    c.bone = c.named ? "the bone called " + options.level : "the broken bone";
    return c;
}

// Sentences joined with single spaces; empty ones are skipped.
std::string join(std::initializer_list<std::string> sentences) {
    std::string out;
    for (const std::string& s : sentences) {
        if (s.empty()) continue;
        if (!out.empty()) out += ' ';
        out += s;
    }
    return out;
}

std::string fixed(float value, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, double(value));
    return buf;
}

// ---------------------------------------------------------------------------------------------------

PhaseCaption healthy(const Context& c) {
    PhaseCaption p;
    p.title = "Healthy spine";
    std::string canal, canalPlain;
    if (c.region == Region::Thoracic) {
        canal = "The spinal canal carries the spinal cord, and each nerve root leaves below its pedicle through "
                "the intervertebral foramen.";
        canalPlain = "Behind them, a bony tunnel protects your spinal cord.";
    } else if (c.lumbarNumber == 1) {
        canal = "At L1 the spinal canal holds the conus medullaris, the tapering end of the cord, surrounded by "
                "the nerve roots of the cauda equina.";
        canalPlain = "Behind them, a bony tunnel protects the end of your spinal cord and its nerves.";
    } else if (c.region == Region::Lumbar) {
        canal = "Below the conus the spinal canal holds the cauda equina rather than the cord, and each nerve root "
                "leaves below its pedicle through the intervertebral foramen.";
        canalPlain = "Behind them, a bony tunnel protects the nerves that run to your legs.";
    } else {
        canal = "The spinal canal, bounded by the posterior wall, the pedicles and the laminae, protects the "
                "neural elements.";
        canalPlain = "Behind them, a bony tunnel protects your nerves.";
    }
    p.clinician = join({
        "Normal anatomy of " + c.vertebra + ": a vertebral body of cortical shell around trabecular (cancellous) "
            "bone, closed by the superior and inferior endplates, with an intervertebral disc above and below.",
        std::string("The pedicles join the body to the posterior elements (laminae, spinous and transverse "
                    "processes, and the articular processes that form the facet joints)") +
            pick(c.region == Region::Thoracic, ", and the ribs articulate at the costal facets.", "."),
        canal,
        "The anterior, middle and posterior body heights seen now are the baseline for grading the fracture "
        "and for measuring height restored.",
    });
    p.patient = join({
        c.named ? "Your spine is a stack of bones called vertebrae, and this model looks closely at " + c.level + "."
                : std::string("Your spine is a stack of bones called vertebrae."),
        "Each one has a strong outer shell and a lighter inside, like a honeycomb.",
        "Soft discs between the bones act as cushions.",
        canalPlain,
    });
    return p;
}

PhaseCaption fracture(const Context& c) {
    PhaseCaption p;
    p.title = "Compression fracture";
    // Genant semi-quantitative grades by height loss (qims.amegroups.com/article/view/24006/22821):
    // grade 1 mild 20-25%, grade 2 moderate 25-40%, grade 3 severe > 40%.
    static const char* const kGradeWord[] = {"Mild", "Moderate", "Severe"};
    static const char* const kGradeLoss[] = {"20–25%", "25–40%", "more than 40%"};
    static const char* const kGradePlain[] = {"a little", "a fair amount", "much"};
    const int g = c.grade - 1;
    std::string shape, shapePlain;
    switch (c.morphology) {
    case Morphology::Wedge:
        shape = "Wedge morphology: the anterior height is lost while the posterior wall holds, so the wedge angle "
                "and the local kyphosis increase and the posture stoops.";
        shapePlain = "The front of the bone has sunk more than the back, so it is now shaped like a wedge.";
        break;
    case Morphology::Biconcave:
        shape = "Biconcave morphology: both endplates are depressed centrally, so the middle height is lost more "
                "than the anterior or posterior height and the local kyphosis changes less than in a wedge.";
        shapePlain = "The middle of the bone has sunk in from above and below, while its edges stay taller.";
        break;
    case Morphology::Crush:
        shape = "Crush morphology: anterior, middle and posterior heights are all reduced, so the whole body is "
                "shortened and the posterior wall itself is involved.";
        shapePlain = "The whole bone has been pressed down evenly, so it is flatter than before.";
        break;
    }
    // Retropulsion into the canal is a contraindication (seed 001; clinical.md "Fracture grading").
    const bool severe = c.grade == 3 || c.morphology == Morphology::Crush;
    p.clinician = join({
        std::string(kGradeWord[g]) + " compression fracture of " + c.vertebra + ", Genant grade " +
            std::to_string(c.grade) + " (" + kGradeLoss[g] + " loss of vertebral height).",
        shape,
        "Before augmentation, MRI should confirm an unhealed, painful fracture; a fragment or tumour in the "
        "spinal canal is a contraindication.",
        severe ? "With severe or crush collapse, check the posterior wall on CT for retropulsion, and expect little "
                 "working space for instruments."
               : "",
    });
    p.patient = join({
        "Here " + c.bone + " has cracked and been pressed down, which doctors call a compression fracture.",
        shapePlain,
        std::string("It has lost ") + kGradePlain[g] + " of its height, which can cause back pain and make you stoop.",
        "This often happens when bones have become thinner and weaker, a condition called osteoporosis.",
    });
    return p;
}

PhaseCaption preparation(const Context& c) {
    PhaseCaption p;
    p.title = "Getting ready";
    // A fresh fracture is mobile, taller lying down (clinical.md "Fracture grading").
    // True AP and lateral views: Thieme 10.1055/s-0044-1796645. About 1 cm incisions: kyphon.com patient pages.
    p.clinician = join({
        "The patient lies prone on a radiolucent table with chest and pelvic bolsters; a fresh, mobile fracture "
        "may regain some height from this position alone.",
        std::string("Anaesthesia is local with sedation, or general; local anaesthetic is infiltrated down to the "
                    "periosteum over ") +
            pick(c.bilateral, "both pedicles.", "the pedicle."),
        "The C-arm is set for a true AP view of " + c.level + " (spinous process midway between the pedicles, "
            "endplates as single lines) and a true lateral view (posterior wall as a single line).",
        std::string(pick(c.bilateral,
                         "The skin is marked over both pedicles and two stab incisions of about 1 cm are made",
                         "The skin is marked over one pedicle and one stab incision of about 1 cm is made")) +
            pick(c.region == Region::Thoracic, ", more laterally if an extrapedicular route is planned.", "."),
    });
    p.patient = join({
        "You lie on your front on a padded table.",
        "You have an injection to numb your back and medicine to help you relax, or you may be fully asleep.",
        "An X-ray machine is moved around you so the doctor can see the bone from the front and from the side.",
        pick(c.bilateral, "The doctor then makes a tiny cut, about 1 cm long, on both sides of your spine.",
             "The doctor then makes one tiny cut, about 1 cm long, on one side of your spine."),
    });
    return p;
}

} // namespace caption_detail

namespace {

using namespace caption_detail;

PhaseCaption captionOf(const Context& c, PhaseId phase) {
    switch (phase) {
    case PhaseId::Healthy: return healthy(c);
    case PhaseId::Fracture: return fracture(c);
    case PhaseId::Preparation: return preparation(c);
    case PhaseId::Access: return access(c);
    case PhaseId::Drilling: return drilling(c);
    case PhaseId::BalloonInsertion: return balloonInsertion(c);
    case PhaseId::Inflation: return inflation(c);
    case PhaseId::Deflation: return deflation(c);
    case PhaseId::Cement: return cement(c);
    case PhaseId::Hardening: return hardening(c);
    case PhaseId::Removal: return removal(c);
    case PhaseId::Outcome: return outcome(c);
    }
    return {};
}

} // namespace

PhaseCaption phaseCaption(const ProcedureOptions& options, PhaseId phase) {
    if (!procedureHasPhase(options.procedure, phase)) return {};
    return captionOf(contextOf(options), phase);
}

PhaseCaption phaseCaption(const ProcedurePlan& plan, const ProcedureState& state) {
    const PhaseId phase = state.phase.id;
    if (!procedureHasPhase(plan.options.procedure, phase)) return {};
    Context c = contextOf(plan.options);
    c.now = &state.measurements;
    c.pedicleKnown = true;
    c.pedicle = plan.pedicleFit;
    return captionOf(c, phase);
}

} // namespace spineviz
