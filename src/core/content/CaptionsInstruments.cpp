// Captions of the instrument steps: reaching the bone, the channel, the balloons.
#include "core/content/CaptionContext.h"

// Sources of the numbers: each is cited on the same or the previous line (full list in
// docs/clinical-content.md; from shared/reference/clinical.md and anatomy.md).

namespace spineviz::caption_detail {

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
    const bool tight = c.pedicleKnown && (!c.pedicle.fits() || c.pedicle.smallerGauge());
    if (tight) {
        // Pedicle width: the model's landmarks (series give 3.65-3.8 mm at T5, anatomy.md 1c); outer
        // diameters by gauge: needle gauge chart (InstrumentDimensions.h). Extrapedicular route 20-30 deg
        // from vertical; 15 gauge for upper thoracic pedicles (openradiology.org).
        const std::string width = "At " + c.level + " the pedicle is about " + fixed(c.pedicle.pedicleWidthMm, 1) + " mm wide, too narrow for the " +
                                  std::to_string(c.pedicle.plannedGauge) + "-gauge " + pick(kp, "working cannula", "needle") + " (" +
                                  fixed(c.pedicle.plannedMm, 2) + " mm) with bone to spare on both sides";
        region = !c.pedicle.fits()
                     ? width + ", so it goes by the extrapedicular route, between the pedicle's lateral wall and the " +
                           pick(c.region == Region::Thoracic, "rib head", "transverse process") + ", about 20–30° from vertical."
                     : width + ", so a finer " + std::to_string(c.pedicle.gauge) + "-gauge needle (" + fixed(c.pedicle.instrumentMm, 2) +
                           " mm) is used.";
    }
    p.clinician = join({first, safety, third, region});

    const char* tool = kp ? "thin hollow tube" : "fine hollow needle"; // "s" makes the plural
    std::string feel;
    if (c.region == Region::Thoracic)
        feel = "Higher up the spine these bony bridges are narrower, so the doctor may pass just beside them instead.";
    else
        feel = "If you are awake, you may feel pushing, but the area has been numbed.";
    if (tight)
        feel = !c.pedicle.fits() ? std::string("Here the bony bridge is too narrow for the ") + pick(kp, "tube", "needle") +
                                       ", so the doctor goes in just beside it instead."
                                 : "Here the bony bridge is very narrow, so the doctor uses a finer needle.";
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
        // Cortical disruption present before the procedure: a leak risk factor, odds ratio 5.56
        // (meta-analysis, PMID 28192270). The figure is not about a breach made by the drill.
        "It stops short of the anterior cortex so as not to open it; a cortex already disrupted by the fracture "
        "is itself a leak risk factor (odds ratio 5.56), so look for breaks on the CT beforehand.",
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

} // namespace spineviz::caption_detail
