#include "core/content/Captions.h"

#include "core/anatomy/SpineLevels.h"

#include <initializer_list>

// Sources of the numbers below (full list in docs/clinical-content.md; all taken from
// shared/reference/clinical.md and anatomy.md). Each number in the text has its source in a comment
// on the same or the previous line. Patient wording is our own; facts come from the patient
// information pages in shared/seeds (cited as "seed NNN").

namespace spineviz {
namespace {

enum class Region { Thoracic, Lumbar, Unknown };

// Everything a caption varies on, worked out once.
struct Context {
    bool kyphoplasty = true;
    bool bilateral = true;
    Region region = Region::Unknown;
    bool midThoracic = false; // T5-T8: the narrowest pedicles of the treatable levels
    bool named = false;       // the level is a treatable level, so the text may name it
    std::string level;        // "L1", or "the treated level"
    std::string vertebra;     // "the L1 vertebra", or "the treated vertebra"
    std::string bone;         // patient: "the bone called L1", or "the broken bone"
    int lumbarNumber = 0;     // 1..5 at L1..L5, else 0
    int grade = 2;
    Morphology morphology = Morphology::Wedge;
};

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

const char* pick(bool condition, const char* yes, const char* no) { return condition ? yes : no; }

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

PhaseCaption access(const Context& c) {
    PhaseCaption p;
    p.title = "Reaching the bone";
    const bool kp = c.kyphoplasty;
    // Vertebroplasty needle 11-13 gauge (AJNR 2004, PMC7976525); tip in the anterior third
    // (openradiology.org). Kyphoplasty: trocar to the posterior third, then the working cannula (issue 4).
    // Docking on the superolateral aspect of the pedicle: radiologykey.com, "Spine percutaneous
    // interventions" (the transpedicular needle technique); the medial unilateral aim: openradiology.org.
    const std::string instrument = kp ? "a trocar" : "an 11–13-gauge vertebroplasty needle";
    std::string first;
    if (c.bilateral)
        first = "Bilateral access to " + c.level + " through both pedicles: under AP and lateral fluoroscopy " +
                instrument + " is docked at the superolateral margin of each pedicle and advanced " +
                pick(kp, "to the posterior third of the vertebral body.", "into the vertebral body.");
    else
        first = "Unilateral access to " + c.level + " through one pedicle: under AP and lateral fluoroscopy " +
                instrument + " is docked at the superolateral margin of the pedicle and advanced on a more medial "
                "trajectory, aiming towards the midline, " +
                pick(kp, "to the posterior third of the vertebral body.", "into the vertebral body.");
    std::string neural = "the spinal cord";
    if (c.lumbarNumber == 1) neural = "the conus medullaris";
    else if (c.region == Region::Lumbar) neural = "the cauda equina";
    else if (c.region == Region::Unknown) neural = "the neural elements";
    // Safety rule taught to trainees (alpfmedical.info, via clinical.md "Access and imaging").
    const std::string safety =
        "Safety rule: on AP the tip must not cross the medial pedicle wall before the lateral view shows it past "
        "the posterior vertebral wall; a medial breach endangers " + neural +
        ", an inferior breach the exiting nerve root.";
    const std::string third =
        kp ? std::string(pick(c.bilateral, "A working cannula is then passed over each trocar",
                              "The working cannula is then passed over the trocar")) +
                 " until its tip lies just inside the posterior wall, and the trocar is withdrawn to leave a "
                 "working channel."
           : std::string("The needle tip is advanced on to the anterior third of the body") +
                 pick(c.bilateral, ", one on each side of the midline; the needles are the working channels.",
                      ", ideally near the midline on AP; the needle is the working channel.");
    std::string region;
    if (c.region == Region::Lumbar) {
        // Lumbar medial aim about level number x 5 deg, L1 ~5 ... L5 ~25 deg (Dickman 1992, via clinical.md).
        region = "Lumbar pedicles suit a transpedicular route; their medial angulation grows caudally by roughly 5° "
                 "per level, to about " + std::to_string(5 * c.lumbarNumber) + "° at " + c.level + ".";
    } else if (c.region == Region::Thoracic) {
        // Extrapedicular (intercostovertebral) route 20-30 deg from vertical (openradiology.org). Narrowest
        // thoracic pedicles around T5 (anatomy.md 1c: Cureus, Demiroz; Kaur 2016 PMC4857161).
        // Upper thoracic pedicles take 15 gauge (openradiology.org).
        if (c.midThoracic && !kp)
            region = "Mid-thoracic pedicles are the narrowest of the treatable levels: a finer 15-gauge needle may be "
                     "needed, or an extrapedicular (intercostovertebral) route between the pedicle and the rib head, "
                     "about 20–30° from vertical.";
        else
            region = std::string(c.midThoracic ? "Mid-thoracic pedicles are the narrowest of the treatable levels"
                                               : "Thoracic pedicles are narrower than lumbar ones") +
                     "; if a pedicle will not take the instrument, an extrapedicular (intercostovertebral) route "
                     "between its lateral wall and the rib head, about 20–30° from vertical, is the alternative.";
    }
    p.clinician = join({first, safety, third, region});

    const char* tool = kp ? "thin hollow tube" : "fine hollow needle"; // "s" makes the plural
    std::string feel;
    if (c.region == Region::Thoracic)
        feel = "Higher up the spine these bony bridges are narrower, so the doctor may pass just beside them instead.";
    else
        feel = "If you are awake, you may feel pushing, but the area has been numbed.";
    p.patient = join({
        c.bilateral ? std::string("The doctor guides ") + tool + "s into " + c.bone + " from both sides of your spine."
                    : std::string("The doctor guides a ") + tool + " into " + c.bone + " from one side of your spine.",
        pick(c.bilateral, "They travel along two short, strong bridges of bone called pedicles.",
             "It travels along a short, strong bridge of bone called a pedicle."),
        "X-ray pictures from the front and the side help the doctor check the path at every step.",
        feel,
    });
    return p;
}

PhaseCaption drilling(const Context& c) {
    PhaseCaption p;
    p.title = "Making a channel";
    p.clinician = join({
        std::string("A hand drill passed through ") + pick(c.bilateral, "each", "the") +
            " working cannula opens a channel in the trabecular bone towards the anterior third, checked on the "
            "lateral view.",
        // Cortical disruption: leak risk factor, odds ratio 5.56 (meta-analysis, PMID 28192270).
        "It stops short of the anterior cortex, because cortical disruption raises the risk of cement leakage "
        "(odds ratio 5.56).",
        pick(c.bilateral,
             "The two channels converge slightly towards the anterior midline, one in each half of the body, so "
             "the balloons can lift the endplates evenly.",
             "With one cannula the channel is angled towards the midline on AP, so a single balloon can sit "
             "centrally and support both halves of the body."),
        "If a pathological fracture is suspected, a bone biopsy can be taken through the cannula at this stage.",
    });
    p.patient = join({
        std::string("A small drill passes through ") + pick(c.bilateral, "each tube", "the tube") +
            " to make a narrow channel inside the bone.",
        pick(c.bilateral, "This makes room for the balloons that come next.",
             "This makes room for the balloon that comes next."),
        "The doctor works slowly, checking on X-ray where the drill is.",
        "You may feel some pressure or a gentle vibration.",
    });
    return p;
}

PhaseCaption balloonInsertion(const Context& c) {
    PhaseCaption p;
    p.title = c.bilateral ? "Placing the balloons" : "Placing the balloon";
    p.clinician = join({
        // Balloon in the anterior two-thirds (seed 002; device instructions for use).
        pick(c.bilateral,
             "A balloon tamp (inflatable bone tamp) is passed through each cannula into its channel, one per side, "
             "to lie in the anterior two-thirds of the body.",
             "A single balloon tamp (inflatable bone tamp) is passed through the cannula into the channel, to lie "
             "centrally in the anterior two-thirds of the body."),
        // Radiopaque marker bands at both balloon ends (Medtronic Kyphon IFU).
        std::string(pick(c.bilateral, "Each balloon's", "The balloon's")) +
            " two radiopaque marker bands are checked on AP and lateral fluoroscopy: the proximal band must be clear "
            "of the cannula tip, with the balloon wholly inside the body and away from the cortex.",
        // Kyphon Xpander 10/3, 15/3, 20/3 and Express 10/2, 15/2: length mm / maximum volume mL (Medtronic IFU).
        "Balloon length is chosen to fit the body: commonly 10, 15 or 20 mm, with a maximum volume of 2 or 3 mL.",
        // Inflated with contrast medium so it shows on X-ray (device IFUs, via clinical.md).
        std::string(pick(c.bilateral, "Each", "The")) +
            " balloon is connected to an inflation syringe with a pressure gauge and primed with contrast medium, "
            "so it shows on fluoroscopy.",
    });
    p.patient = join({
        pick(c.bilateral, "Two small folded balloons, one on each side, slide in through the tubes.",
             "A small folded balloon slides in through the tube."),
        pick(c.bilateral,
             "Tiny markers on each balloon show up on X-ray, so the doctor can check they are in the right place.",
             "Tiny markers on the balloon show up on X-ray, so the doctor can check it is in the right place."),
        pick(c.bilateral, "The balloons are still empty at this point.", "The balloon is still empty at this point."),
    });
    return p;
}

PhaseCaption inflation(const Context& c) {
    PhaseCaption p;
    p.title = c.bilateral ? "Inflating the balloons" : "Inflating the balloon";
    std::string lift, liftPlain; // lift: one sentence without its full stop
    const char* grows = c.bilateral ? "As they grow, they gently" : "As it grows, it gently";
    switch (c.morphology) {
    case Morphology::Wedge:
        lift = "As the endplates lift, the anterior height and the wedge angle partly recover";
        liftPlain = std::string(grows) + " lift the squeezed front of the bone towards its normal shape.";
        break;
    case Morphology::Biconcave:
        lift = "As the depressed centres of the endplates lift, the middle height partly recovers";
        liftPlain = std::string(grows) + " push the sunken middle of the bone towards its normal shape.";
        break;
    case Morphology::Crush:
        lift = "As the endplates lift, height partly recovers across the whole body";
        liftPlain = std::string(grows) + " lift the flattened bone towards its normal shape.";
        break;
    }
    lift += c.grade == 3 ? ", though a severe collapse leaves the least room to work and the least to gain." : ".";
    // Clinical pressure-volume curves in bone are a GAP in the sources: the rise-then-ease shape is the
    // common teaching description (clinical.md "Balloon tamp"), so no pressures are quoted.
    p.clinician = join({
        std::string(pick(c.bilateral, "The balloons are inflated with contrast medium in small increments, "
                                      "alternating sides,",
                         "The balloon is inflated with contrast medium in small increments,")) +
            " while pressure (on the gauge) and volume (on the syringe) are recorded and the expansion is watched "
            "on AP and lateral fluoroscopy.",
        "Pressure typically rises and then eases as the trabecular bone yields and compacts around the balloon, "
        "creating a cavity.",
        lift,
        "Stop when the reduction is adequate, the balloon nears a cortex or endplate, or its maximum volume or "
        "rated pressure is reached.",
    });
    p.patient = join({
        pick(c.bilateral, "The balloons are slowly filled with a liquid that shows up on X-ray.",
             "The balloon is slowly filled with a liquid that shows up on X-ray."),
        liftPlain,
        "This also makes a small space inside the bone for the cement.",
        "The doctor watches the pressure closely and stops at the right moment.",
    });
    return p;
}

PhaseCaption deflation(const Context& c) {
    PhaseCaption p;
    p.title = c.bilateral ? "Removing the balloons" : "Removing the balloon";
    p.clinician = join({
        pick(c.bilateral,
             "The balloons are deflated and withdrawn through the cannulae, leaving a cavity of compacted "
             "trabecular bone.",
             "The balloon is deflated and withdrawn through the cannula, leaving a cavity of compacted trabecular "
             "bone."),
        pick(c.bilateral,
             "Some of the height gained can settle back until cement supports the endplates; to limit this, one "
             "side can be deflated and filled first while the other balloon holds the reduction.",
             "Some of the height gained can settle back until cement supports the endplates, so the cement should "
             "be ready to follow without delay."),
        // Cement volume relative to balloon volume is a GAP in the sources: no ratio is quoted.
        "The final inflated volume is noted as a rough guide to the cement volume.",
    });
    p.patient = join({
        pick(c.bilateral, "The balloons are emptied and gently taken out.",
             "The balloon is emptied and gently taken out."),
        pick(c.bilateral, "They leave behind a small space inside the bone.",
             "It leaves behind a small space inside the bone."),
        "This space is ready to be filled with bone cement.",
    });
    return p;
}

PhaseCaption cement(const Context& c) {
    PhaseCaption p;
    p.title = c.kyphoplasty ? "Filling with cement" : "Injecting cement";
    // PMMA with barium sulfate (Kyphon HV-R IFU). Later, more viscous injection leaks less
    // (Habib, Serhan, Marchek & Baroud, Int J Spine Surg 4:26).
    const std::string mix = "PMMA cement, made radiopaque with barium sulfate, is mixed and allowed to thicken to "
                            "a doughy consistency, because more viscous cement leaks less.";
    if (c.kyphoplasty) {
        p.clinician = join({
            mix,
            std::string("Bone filler devices deliver it at low pressure through ") +
                pick(c.bilateral, "each cannula in turn", "the cannula") +
                " under lateral fluoroscopy, filling the cavity from anterior to posterior.",
            "It fills the cavity first and then interdigitates with the trabecular bone at the cavity margins.",
            "Stop before the cement nears the posterior wall, and stop at once if it enters a vein or the disc or "
            "passes outside the cortex.",
        });
        p.patient = join({
            "Bone cement is mixed until it is thick, like toothpaste.",
            std::string("The doctor slowly fills the space with cement through ") +
                pick(c.bilateral, "both tubes.", "the tube."),
            "A little seeps into the honeycomb-like bone around the space, which helps it grip.",
            "Live X-ray pictures show where the cement goes, so the doctor can stop at the right time.",
        });
    } else {
        // Continuous lateral fluoroscopy during injection (AJNR 2004, PMC7976525). Higher pressure: seed 001.
        // Leak rates per vertebra 54.7% vertebroplasty vs 18.4% kyphoplasty (meta-analysis, PMID 28192270).
        p.clinician = join({
            mix,
            std::string("It is injected directly through ") + pick(c.bilateral, "each needle", "the needle") +
                " under continuous lateral fluoroscopy, at higher pressure than in kyphoplasty because no space "
                "has been made for it.",
            std::string("From the anterior third it spreads and interdigitates through the trabecular bone") +
                pick(c.bilateral, ", ideally meeting across the midline.", ", ideally crossing the midline on AP."),
            "Stop before it nears the posterior wall or at the first sign of venous, disc or paravertebral spread; "
            "leaks occur in 54.7% of vertebrae, against 18.4% with kyphoplasty.",
        });
        p.patient = join({
            "Bone cement is mixed until it is thick, like toothpaste.",
            std::string("The doctor slowly pushes it through ") + pick(c.bilateral, "both needles", "the needle") +
                " straight into the broken bone.",
            "It spreads through the honeycomb-like inside of the bone and fills the cracks.",
            "Live X-ray pictures show where the cement goes, so the doctor can stop at the right time.",
        });
    }
    return p;
}

PhaseCaption hardening(const Context& c) {
    PhaseCaption p;
    p.title = "Cement hardens";
    p.clinician = join({
        c.kyphoplasty
            // Kyphon cement sets in about 13 min (patent US7968616).
            ? "PMMA polymerises exothermically and sets over minutes; one kyphoplasty cement sets about 13 min "
              "after mixing."
            // A medium-viscosity vertebroplasty cement hardened ~11 min after reaching 37 C (Hindawi 2011/571728).
            : "PMMA polymerises exothermically and sets over minutes; one vertebroplasty cement hardened about "
              "11 min after reaching 37 °C.",
        "The patient stays prone and still, and a sample of the same mix left on the table shows when the cement "
        "has set.",
        "Once set, the cement shares load across the endplates and stabilises the fractured body.",
        // Yeom 2003 (PMID 12585583): 93% of type B and 86% of type S leaks were missed on lateral radiographs.
        "Final AP and lateral images document the fill and look for leaks, remembering that most small venous "
        "leaks seen on CT are missed on lateral radiographs.",
    });
    p.patient = join({
        "The cement now sets hard over a few minutes.",
        "You stay lying still while this happens.",
        "Once hard, it supports the bone from the inside, a bit like a cast.",
    });
    return p;
}

PhaseCaption removal(const Context& c) {
    PhaseCaption p;
    p.title = "Instruments out";
    const bool kp = c.kyphoplasty;
    std::string first;
    if (c.bilateral)
        first = std::string("Both ") + pick(kp, "cannulae", "needles") +
                " are cleared with their stylets, rotated and withdrawn, so no cement tail is left along the "
                "pedicle tracks.";
    else
        first = std::string("The ") + pick(kp, "cannula", "needle") +
                " is cleared with its stylet, rotated and withdrawn, so no cement tail is left along the pedicle "
                "track.";
    p.clinician = join({
        first,
        // No sutures; a small dressing (seeds 000, 002; adhesive strips seed 001).
        std::string("Manual pressure controls bleeding from the ") +
            pick(c.bilateral, "stab incisions", "stab incision") +
            "; no sutures are needed, only adhesive strips or a small dressing.",
        "A neurological check of the lower limbs and routine observations follow in recovery.",
    });
    const char* tool = kp ? pick(c.bilateral, "both tubes", "the tube")
                          : pick(c.bilateral, "both needles", "the needle");
    p.patient = join({
        std::string("The doctor takes out ") + tool + " and presses gently on " +
            pick(c.bilateral, "the small cuts.", "the small cut."),
        "No stitches are needed, just a small dressing.",
        "The team then checks that you can feel and move your legs as usual.",
    });
    return p;
}

PhaseCaption outcome(const Context& c) {
    PhaseCaption p;
    p.title = "After the procedure";
    // Recovery (seeds 000-004): usually home the same day; avoid strenuous activity about 6 weeks; review at
    // 6 weeks; bone-density scan. Infection: superficial 2-4%, deep < 1% (seed 003).
    const std::string recovery =
        "Usually a day case: mobilise once recovered, avoid heavy lifting and strenuous activity for about 6 "
        "weeks, review at 6 weeks, and arrange a bone-density assessment and osteoporosis treatment.";
    if (c.kyphoplasty) {
        p.clinician = join({
            // Ex vivo 97% vs 30% of lost height (PMID 11154534); kyphosis reduction 4.8 vs 1.7 deg (PMC3459114).
            "Before and after at " + c.level + ": ex vivo the balloon tamp restored 97% of lost height against 30% "
                "with vertebroplasty, and reported kyphosis reduction is about 4.8° against 1.7°.",
            // CT series of 252 vertebrae: Ha +1.5 mm, Hm +2.1 mm, not maintained at 6 weeks (PMC6147886).
            "Clinical height gains are modest and may not last (one CT series: anterior +1.5 mm, middle +2.1 mm, "
            "not maintained at 6 weeks).",
            recovery,
            "Counsel on risks: cement leakage and embolism, infection (superficial 2–4%, deep under 1%), nerve "
            "injury, bleeding and adjacent-level fracture.",
        });
    } else {
        p.clinician = join({
            // Ex vivo 30% vs 97% of lost height (PMID 11154534); kyphosis reduction 1.7 vs 4.8 deg (PMC3459114).
            "Before and after at " + c.level + ": vertebroplasty restores little height (30% of lost height ex "
                "vivo against 97% for kyphoplasty), and reported kyphosis reduction is about 1.7° against 4.8°.",
            "Its aim is stabilisation and pain relief, with cement interdigitated through the body and no "
            "significant leak.",
            recovery,
            // Leaks in 54.7% of vertebrae (PMID 28192270); most small leaks cause no problem (seed 002).
            "Counsel on risks: cement leakage (54.7% of vertebrae, mostly without symptoms) and embolism, "
            "infection (superficial 2–4%, deep under 1%), nerve injury, bleeding and adjacent-level fracture.",
        });
    }
    p.patient = join({
        c.kyphoplasty ? "The bone is now supported from the inside, and part of its lost height is back."
                      : "The bone is now supported from the inside, though its shape changes little with this method.",
        "Many people feel their pain ease within days, although everyone is different.",
        "Most people go home the same day and walk soon after, but should avoid heavy lifting for about six weeks.",
        "Your team will explain what to watch for and arrange a check-up, often with a bone density scan.",
    });
    return p;
}

} // namespace

PhaseCaption phaseCaption(const ProcedureOptions& options, PhaseId phase) {
    if (!procedureHasPhase(options.procedure, phase)) return {};
    const Context c = contextOf(options);
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

} // namespace spineviz
