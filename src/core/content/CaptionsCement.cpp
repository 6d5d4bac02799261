// Captions of the cement steps and the outcome, built from the state when there is one.
#include "core/content/CaptionContext.h"

#include "core/sim/Leak.h"

// Sources of the numbers: each is cited on the same or the previous line (full list in
// docs/clinical-content.md; from shared/reference/clinical.md and anatomy.md).

namespace spineviz::caption_detail {

namespace {

// Where a leak went, in plain words (Yeom 2003 types, PMID 12585583; leakTypeName's names).
const char* leakPlace(const std::string& type) {
    if (type == "basivertebral") return "into a small vein at the back of the bone";
    if (type == "segmental") return "into a small vein at the side of the bone";
    if (type == "intradiscal") return "into the disc next to the bone";
    if (type == "canal") return "into the space behind the bone, near the nerves";
    return "into the tissue just outside the bone";
}

// "type C (paravertebral) 0.29 mL and type D (intradiscal) 0.06 mL"
std::string leakList(const Measurements& m) {
    std::string out;
    for (std::size_t i = 0; i < m.cementLeaks.size(); ++i) {
        const Measurements::Leak& l = m.cementLeaks[i];
        if (i > 0) out += i + 1 == m.cementLeaks.size() ? " and " : ", ";
        out += "type " + l.code + " (" + l.type + ") " + fixed(l.volumeMl, 2) + " mL";
    }
    return out;
}

// "into a small vein at the back of the bone and into the disc next to the bone"
std::string leakPlaces(const Measurements& m) {
    std::string out;
    for (std::size_t i = 0; i < m.cementLeaks.size(); ++i) {
        const char* place = leakPlace(m.cementLeaks[i].type);
        if (out.find(place) != std::string::npos) continue;
        if (!out.empty()) out += " and ";
        out += place;
    }
    return out;
}

bool injecting(const Context& c) { return c.now && c.now->cementMinutesSinceMixing > 0.0f && !c.now->cementPhase.empty(); }

// The cement case as it stands (cement phase with a state).
PhaseCaption cementNow(const Context& c) {
    const Measurements& m = *c.now;
    PhaseCaption p;
    p.title = c.kyphoplasty ? "Filling with cement" : "Injecting cement";
    // Viscosity from the cement model's fit (docs/cement.md); later, more viscous injection leaks less
    // (Habib, Serhan, Marchek & Baroud, Int J Spine Surg 4:26).
    const std::string mix = "The " + m.cementKind + " PMMA, radiopaque with barium sulfate, is " + fixed(m.cementMinutesSinceMixing, 1) +
                            " min from mixing and now a " + m.cementPhase + " of about " + fixed(m.cementViscosityPaS, 0) +
                            " Pa·s; the more viscous, the less it leaks.";
    const std::string delivery =
        c.kyphoplasty ? std::string("Bone filler devices deliver it at low pressure through ") + pick(c.bilateral, "each cannula in turn", "the cannula") +
                            " under lateral fluoroscopy, filling the cavity from anterior to posterior."
                      : std::string("It is injected directly through ") + pick(c.bilateral, "each needle in turn", "the needle") +
                            " under continuous lateral fluoroscopy, at higher pressure than in kyphoplasty because no space has been made for it.";
    std::string progress;
    if (m.cementInjectedMl > 0.0f) {
        progress = "So far " + fixed(m.cementInjectedMl, 1) + " of " + fixed(m.cementTargetMl, 1) + " mL";
        if (m.cementInjectedLeftMl > 0.0f && m.cementInjectedRightMl > 0.0f)
            progress += " (left " + fixed(m.cementInjectedLeftMl, 1) + ", right " + fixed(m.cementInjectedRightMl, 1) + ")";
        if (m.cementPressureKPa > 0.0f) progress += ", at about " + fixed(m.cementPressureKPa, 0) + " kPa in the bone at the tip (model)";
        progress += ".";
    } else {
        progress = "The injection starts once the cement holds together as a paste at the tip.";
    }
    // Leak rates per vertebra 54.7% vertebroplasty vs 18.4% kyphoplasty (meta-analysis, PMID 28192270).
    const std::string watch =
        !m.cementLeaks.empty() ? "Leak seen: " + leakList(m) + "; slow down, wait for thicker cement or stop."
        : c.kyphoplasty        ? "Stop before the cement nears the posterior wall, and stop at once if it enters a vein or the disc or passes "
                                 "outside the cortex."
                               : "Stop before it nears the posterior wall or at the first sign of venous, disc or paravertebral spread; leaks "
                                 "occur in 54.7% of vertebrae, against 18.4% with kyphoplasty.";
    p.clinician = join({mix, delivery, progress, watch});

    const std::string texture = m.cementPhase == "liquid" ? "The bone cement is still quite runny at this point."
                                : m.cementPhase == "paste" ? "Bone cement is mixed until it is thick, like toothpaste."
                                                           : "The bone cement is thickening as it begins to set.";
    const std::string how = c.kyphoplasty ? std::string("The doctor slowly fills the space with cement through ") + pick(c.bilateral, "both tubes.", "the tube.")
                                          : std::string("The doctor slowly pushes it through ") + pick(c.bilateral, "both needles", "the needle") +
                                                " straight into the broken bone.";
    const std::string amount = m.cementInjectedMl >= 0.05f
                                   ? "So far about " + fixed(m.cementInjectedMl, 1) + " millilitres have gone in."
                                   : std::string("Live X-ray pictures show where the cement goes, so the doctor can stop at the right time.");
    const std::string leak = !m.cementLeaks.empty()
                                 ? "A little has gone " + leakPlaces(m) + ", which the doctor can see on the X-ray and act on."
                                 : std::string(pick(m.cementInjectedMl >= 0.05f, "Live X-ray pictures show where it goes, so the doctor can stop at the right time.", ""));
    p.patient = join({texture, how, amount, leak});
    return p;
}

// The outcome of this case (outcome phase with a state): heights, cement and every visible leak.
PhaseCaption outcomeNow(const Context& c, const std::string& recovery, const std::string& risks) {
    const Measurements& m = *c.now;
    PhaseCaption p;
    p.title = "After the procedure";
    // Ex vivo 97% vs 30% of lost height (PMID 11154534); kyphosis reduction 4.8 vs 1.7 deg (PMC3459114).
    const std::string heights = "At " + c.level + ", " + fixed(m.heightRestoredPercent, 0) + "% of the lost height is restored and the wedge angle is " +
                                fixed(m.wedgeAngleDeg, 1) + "° (healthy " + fixed(m.healthyWedgeAngleDeg, 1) + "°); for reference, ex vivo the balloon " +
                                "restored 97% against 30% for vertebroplasty, and clinical kyphosis reduction is about 4.8° against 1.7°.";
    const std::string cementSentence =
        fixed(m.cementRetainedMl, 1) + " mL of cement is in the body; " +
        (m.cementLeaks.empty() ? std::string("no leak large enough to see (") + fixed(kVisibleLeakMl, 2) + " mL or more) left it."
                               : "leaked outside it: " + leakList(m) + ", to be documented and watched clinically.");
    p.clinician = join({heights, cementSentence, recovery, risks});

    const std::string shape =
        c.kyphoplasty ? "The bone is now supported from the inside, and about " + fixed(m.heightRestoredPercent, 0) + "% of the height it lost is back."
                      : "The bone is now supported from the inside; its shape has changed only a little, with about " + fixed(m.heightRestoredPercent, 0) +
                            "% of the lost height back.";
    const std::string leak = m.cementLeaks.empty()
                                 ? std::string("The cement stayed inside the bone.")
                                 : "A little cement went " + leakPlaces(m) + "; this is common and usually causes no trouble, and your team will check it.";
    p.patient = join({
        shape,
        leak,
        "Most people go home the same day and walk soon after, but should avoid heavy lifting for about six weeks.",
        "Your team will explain what to watch for and arrange a check-up, often with a bone density scan.",
    });
    return p;
}

} // namespace

PhaseCaption cement(const Context& c) {
    if (injecting(c)) return cementNow(c);
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
    // Leaks in 54.7% of vertebrae (PMID 28192270); most small leaks cause no problem (seed 002).
    const std::string risks = std::string("Counsel on risks: cement leakage") + pick(c.kyphoplasty, "", " (54.7% of vertebrae, mostly without symptoms)") +
                              " and embolism, infection (superficial 2–4%, deep under 1%), nerve injury, bleeding and adjacent-level fracture.";
    if (c.now && c.now->cementCure > 0.0f) return outcomeNow(c, recovery, risks);
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

} // namespace spineviz::caption_detail
