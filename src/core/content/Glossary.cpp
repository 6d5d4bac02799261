// The glossary: the anatomy in the model, the condition, the procedure's words.
#include "core/content/Learn.h"

#include "core/anatomy/ModelFormat.h"

#include <cctype>

// Every number here comes from shared/reference/clinical.md (or anatomy.md) and is cited in the text
// itself, in a comment next to it, or both; docs/clinical-content.md lists them all. Facts from the
// patient information pages (shared/seeds) are in our own words and cited as "seed NNN" in comments.

namespace spineviz {

const std::vector<GlossaryEntry>& glossary() {
    using G = GlossaryGroup;
    static const std::vector<GlossaryEntry> entries = {
        // ---- Anatomy, from the whole bone inwards and then backwards -----------------------------------
        {"Vertebra",
         "One of the bones that stack up to form your spine; more than one are called vertebrae.",
         "Each vertebra has a body at the front, which carries load, and an arch behind it (pedicles, laminae "
         "and processes) that surrounds the spinal canal and anchors muscles and ligaments. Spineviz models T1 "
         "to L5 and shows the procedures from T5 to L5.",
         G::Anatomy},
        {"Vertebral body",
         "The thick, rounded front part of a vertebra, which carries most of your weight.",
         "A short cylinder of trabecular bone inside a thin cortical shell, closed above and below by the "
         "endplates. It is the part that fails in a compression fracture, and the part that is filled with "
         "cement.",
         G::Anatomy},
        {"Endplate",
         "The thin top or bottom surface of a vertebra, where it meets the disc.",
         "A layer of cortical bone and cartilage closing the body above (superior endplate) and below (inferior "
         "endplate). The endplates sink in a biconcave fracture and are lifted by the balloon in kyphoplasty; if "
         "one is breached, cement can leak into the disc.",
         G::Anatomy},
        {"Cortical shell",
         "The thin, hard outer layer of a bone.",
         // Cortical disruption as a leak risk factor, odds ratio 5.56 (meta-analysis, PMID 28192270).
         "Compact (cortical) bone forms the outer wall of the vertebral body. Where it is broken, cement can "
         "escape: in a meta-analysis, cortical disruption was a risk factor for leakage with an odds ratio of "
         "5.56 (PMID 28192270).",
         G::Anatomy},
        {"Posterior vertebral wall",
         "The back wall of the main part of a vertebra, which faces the tunnel for the nerves.",
         "The cortex between the vertebral body and the spinal canal; on a true lateral view it is a single "
         "line. An instrument must be past it on the lateral view before its tip crosses the medial pedicle "
         "wall on the AP view, and cement must stop before it reaches it.",
         G::Anatomy},
        {"Trabecular (cancellous) bone",
         "The light, honeycomb-like bone inside a vertebra, with marrow in its spaces.",
         "A lattice of thin plates and struts with marrow between them. Osteoporosis thins and breaks the "
         "struts. The balloon tamp compacts it into a cavity; in vertebroplasty the cement flows into its pores "
         "and locks into it (interdigitation).",
         G::Anatomy},
        {"Basivertebral vein",
         "A vein inside a vertebra that drains blood out through its back wall.",
         // Leak types: Yeom 2003, PMID 12585583.
         "It leaves the body through an opening in the posterior wall and joins the epidural venous plexus. "
         "Cement that enters it is a type B leak and heads towards the spinal canal (Yeom 2003, PMID 12585583).",
         G::Anatomy},
        {"Pedicle",
         "A short, strong bridge of bone on each side that joins the front of a vertebra to the back.",
         // Narrowest thoracic pedicles around T5 (anatomy.md 1c: Cureus; Demiroz).
         "The paired columns joining the body to the neural arch, with a nerve root leaving just below each "
         "one. The pedicle is the usual corridor for the trocar (transpedicular access). Thoracic pedicles are "
         "narrow, narrowest around T5, so an extrapedicular route is sometimes used there.",
         G::Anatomy},
        {"Lamina",
         "A flat plate of bone at the back of a vertebra that forms the roof of the tunnel for the nerves.",
         "The two laminae run from the pedicles to the spinous process and close the spinal canal from behind.",
         G::Anatomy},
        {"Spinous process",
         "The bony point you can feel down the middle of your back.",
         "It projects backwards, and in the thoracic spine steeply downwards, from where the laminae meet. On a "
         "true AP view it lies midway between the two pedicles.",
         G::Anatomy},
        {"Transverse process",
         "A bony wing that sticks out sideways on each side of a vertebra.",
         "A lever for muscles and ligaments. In the thoracic spine most transverse processes carry a facet for "
         "the rib.",
         G::Anatomy},
        {"Superior articular process",
         "A small knob on the top of a vertebra that links with the bone above.",
         "Paired, rising from the junction of pedicle and lamina; its facet meets the inferior articular process "
         "of the vertebra above at the facet joint.",
         G::Anatomy},
        {"Inferior articular process",
         "A small knob on the bottom of a vertebra that links with the bone below.",
         "Paired, descending from the lamina; its facet meets the superior articular process of the vertebra "
         "below at the facet joint.",
         G::Anatomy},
        {"Facet joint",
         "A small joint at the back of the spine, one on each side, between two neighbouring vertebrae.",
         "A synovial joint between the inferior articular process above and the superior articular process "
         "below. The facet joints guide and limit movement and share load with the disc.",
         G::Anatomy},
        {"Intervertebral disc",
         "A soft, springy cushion between two vertebrae.",
         "A fibrocartilage joint between two vertebral bodies: the annulus fibrosus around the nucleus pulposus, "
         "bounded by the endplates. Cement that escapes through an endplate into the disc is an intradiscal "
         "leak.",
         G::Anatomy},
        {"Annulus fibrosus",
         "The tough outer ring of a disc.",
         "Concentric layers of collagen fibres, each layer angled the opposite way to the next, that contain the "
         "nucleus and resist twisting and bulging.",
         G::Anatomy},
        {"Nucleus pulposus",
         "The soft, jelly-like centre of a disc.",
         "A water-rich gel that spreads compressive load evenly over the endplates; it dries out with age.",
         G::Anatomy},
        {"Vertebral foramen and spinal canal",
         "The opening in each vertebra; together the openings form a protected tunnel for the nerves.",
         "The vertebral foramen is bounded by the posterior wall of the body, the pedicles and the laminae; "
         "stacked, the foramina form the spinal canal. A fragment pushed back into it, a tumour or leaked cement "
         "can press on the neural elements.",
         G::Anatomy},
        {"Intervertebral foramen",
         "A gap between two vertebrae, on each side, where a nerve leaves the spine.",
         "Bounded by the pedicles above and below, the back of the disc and body, and the facet joint. The "
         "exiting nerve root runs through it just under the pedicle.",
         G::Anatomy},
        {"Spinal cord",
         "The main bundle of nerves that carries messages between your brain and your body.",
         "It runs in the spinal canal down to the conus medullaris near the thoracolumbar junction. At thoracic "
         "levels a medial breach of the pedicle or a leak into the canal threatens the cord itself.",
         G::Anatomy},
        {"Dural sac (thecal sac)",
         "The thin, fluid-filled covering that holds the spinal cord and nerves inside the tunnel.",
         "The dura mater and the cerebrospinal fluid it contains, around the cord and the cauda equina; it "
         "continues below the end of the cord. The model shows it as one surface.",
         G::Anatomy},
        {"Conus medullaris",
         "The tapering lower end of the spinal cord, near the top of the lower back.",
         "The cone-shaped end of the cord near the thoracolumbar junction, often level with L1 or L2. Below it "
         "the canal holds only nerve roots.",
         G::Anatomy},
        {"Cauda equina",
         "The bundle of nerves below the end of the spinal cord, named after a horse's tail.",
         "The lumbar and sacral nerve roots descending in the dural sac below the conus to their exits. At "
         "lumbar levels it, rather than the cord, is what a medial breach or a canal leak threatens.",
         G::Anatomy},
        {"Nerve root",
         "A nerve branch that leaves the spine on each side and runs out to the body.",
         "Each root leaves through the intervertebral foramen just below its pedicle, so a breach of the "
         "pedicle's lower wall can injure it. Tingling or numbness along a root after the procedure can come "
         "from this or from a leak near the foramen.",
         G::Anatomy},
        {"Rib and costal facets",
         "The ribs join the bones of the upper and middle back at small joint surfaces called costal facets.",
         "Each rib head meets the thoracic vertebral bodies at the costal facets and, at most levels, the "
         "transverse process too. The rib head lies beside the pedicle and bounds the extrapedicular "
         "(intercostovertebral) route.",
         G::Anatomy},
        {"Sacrum",
         "The large triangular bone at the base of the spine, between the hip bones.",
         "Five fused vertebrae that join the spine to the pelvis; L5 rests on it across the L5–S1 disc.",
         G::Anatomy},

        // ---- Conditions -----------------------------------------------------------------------------------
        {"Vertebral compression fracture",
         "A break in which a vertebra is squeezed and loses height.",
         "Failure of the vertebral body under axial load, usually through weakened bone. It is graded by the "
         "height lost (Genant grade) and described by its shape: wedge, biconcave or crush.",
         G::Condition},
        {"Osteoporosis",
         "A condition in which bones become thin and weak, so they break more easily.",
         "Loss of bone mass and of the trabecular architecture, developing over years; the leading cause of "
         "vertebral compression fractures, and commonest in older people, especially women after the "
         "menopause. Treating it lowers the risk of new fractures.",
         G::Condition},
        {"Multiple myeloma",
         "A cancer of cells in the bone marrow that can weaken bones.",
         // Kyphoplasty in myeloma: 4.1 mL unilateral vs 4.9 mL bilateral (PMC4068843).
         "A cancer of plasma cells that erodes bone from within and often causes vertebral fractures. In one "
         "study of kyphoplasty in myeloma, about 4.1 mL of cement was used through one pedicle and 4.9 mL through "
         "both (PMC4068843).",
         G::Condition},
        {"Kyphosis",
         "A forward curve of the spine; too much of it makes the back look rounded.",
         // Kyphosis reduction 4.8 vs 1.7 deg (PMC3459114).
         "The normal thoracic curve is a kyphosis; a wedge fracture adds local kyphosis at its level. Reported "
         "kyphosis reduction is about 4.8° after kyphoplasty against 1.7° after vertebroplasty (PMC3459114).",
         G::Condition},
        {"Wedge angle",
         "How much a broken vertebra tilts, measured between its top and bottom surfaces.",
         // Grade 2 T12: 19.8 / 30.1 mm, 16.8 deg (JOSR 10.1186/s13018-023-03758-w, Table 1).
         "The angle between the superior and inferior endplates of one vertebra on the lateral view. One series "
         "measured a grade 2 fracture at T12 with an anterior height of 19.8 mm, a posterior height of 30.1 mm "
         "and a wedge angle of 16.8° (doi 10.1186/s13018-023-03758-w).",
         G::Condition},
        {"Genant grade",
         "A score from 0 to 3 for how much height a broken vertebra has lost.",
         // Genant semi-quantitative grading (qims.amegroups.com/article/view/24006/22821).
         "Genant's semi-quantitative grading: grade 0 normal (under 20% height loss), grade 1 mild (20–25%), "
         "grade 2 moderate (25–40%) and grade 3 severe (more than 40%). The shape is recorded separately as "
         "wedge, biconcave or crush.",
         G::Condition},
        {"Retropulsion",
         "When a piece of broken bone is pushed backwards towards the nerves.",
         // Contraindication: seed 001.
         "Displacement of a fragment of the posterior wall into the spinal canal in a severe fracture. A "
         "fragment in the canal is a contraindication to cement augmentation.",
         G::Condition},

        // ---- Procedure ------------------------------------------------------------------------------------
        {"Kyphoplasty (balloon kyphoplasty)",
         "A treatment that uses a small balloon to lift a broken vertebra and make room, then fills it with "
         "bone cement.",
         "Vertebral augmentation in which a balloon tamp is inflated inside the body to lift the endplates and "
         "make a cavity, which is then filled with thick cement at low pressure.",
         G::Procedure},
        {"Vertebroplasty",
         "A treatment that puts bone cement straight into a broken vertebra to make it stable.",
         "Vertebral augmentation in which cement is injected through a needle directly into the trabecular bone, "
         "at higher pressure than in kyphoplasty, with little restoration of height.",
         G::Procedure},
        {"Trocar",
         "A sharp-tipped rod inside a hollow tube, used to make a path into the bone.",
         // Vertebroplasty needles 11-13 gauge (AJNR 2004, PMC7976525).
         "A stylet with a cutting tip inside a cannula, advanced through the pedicle under fluoroscopy. In "
         "kyphoplasty it stops in the posterior third of the body; in vertebroplasty the needle (11–13 gauge; "
         "PMC7976525) goes on to the anterior third.",
         G::Procedure},
        {"Working cannula",
         "A thin hollow tube that gives the doctor a path into the bone for the other instruments.",
         "Passed over the trocar to sit just inside the posterior wall; the drill, the balloon tamp and the bone "
         "filler devices go through it. On removal it is cleared with a stylet and rotated, so no cement tail is "
         "left in the pedicle.",
         G::Procedure},
        {"Bone drill",
         "A small hand drill that makes a channel inside the bone for the balloon.",
         "Passed through the working cannula to open a path through the trabecular bone towards the anterior "
         "third, stopping short of the anterior cortex.",
         G::Procedure},
        {"Balloon tamp (inflatable bone tamp)",
         "A small balloon on a thin tube, filled with liquid to lift the broken bone and make space for cement.",
         // Kyphon Xpander / Express sizes and marker bands (Medtronic IFU).
         "A high-pressure balloon with radiopaque marker bands at both ends, for example 10, 15 or 20 mm long "
         "with a maximum volume of 2 or 3 mL (Kyphon instructions for use). Filled with contrast medium, it "
         "compacts trabecular bone into a cavity and lifts the endplates.",
         G::Procedure},
        {"Marker bands",
         "Tiny rings on the balloon that show up on X-ray.",
         "Radiopaque bands at each end of the balloon tamp, checked on the AP and lateral views to confirm that "
         "the balloon lies wholly beyond the cannula tip and inside the vertebral body.",
         G::Procedure},
        {"Contrast medium",
         "A liquid that shows up clearly on X-ray.",
         "Used to fill the balloon tamp so its size, shape and position can be followed during inflation.",
         G::Procedure},
        {"PMMA bone cement",
         "A medical cement that starts as a paste and sets hard inside the bone.",
         // Sets ~13 min (US7968616); ~30% barium sulfate (Kyphon HV-R IFU); later injection leaks less
         // (Habib, Serhan, Marchek & Baroud, Int J Spine Surg 4:26).
         "Polymethylmethacrylate, mixed from a powder and a liquid. It sets by an exothermic reaction within "
         "minutes (one kyphoplasty cement in about 13 min; patent US7968616), and barium sulfate makes it "
         "visible on X-ray (about 30% in one product). It is injected once thick, because more viscous cement "
         "leaks less.",
         G::Procedure},
        {"Bone filler device",
         "A narrow tube used to push the cement into the bone.",
         "A pre-filled cannula with a plunger, passed through the working cannula to place cement into the "
         "cavity at low pressure in kyphoplasty.",
         G::Procedure},
        {"Fluoroscopy",
         "Live X-ray pictures shown on a screen during the procedure.",
         // Continuous lateral fluoroscopy during vertebroplasty injection (AJNR 2004, PMC7976525).
         "Real-time X-ray from a C-arm, in AP and lateral views, used to guide the instruments, the balloon "
         "inflation and the cement; cement injection in vertebroplasty is watched on continuous lateral "
         "fluoroscopy (PMC7976525).",
         G::Procedure},
        {"C-arm",
         "The curved X-ray machine that moves around the table to take pictures from different angles.",
         // Views: Thieme 10.1055/s-0044-1796645.
         "A mobile fluoroscopy unit shaped like a C, with the X-ray source and the detector at its two ends. It "
         "is set for a true AP and a true lateral view of the treated level, and sometimes for an en-face 'owl's "
         "eye' view down the pedicle.",
         G::Procedure},
        {"AP and lateral views",
         "X-ray pictures taken from the front and from the side.",
         // Thieme 10.1055/s-0044-1796645; the safety rule: alpfmedical.info.
         "Anteroposterior and side-on projections. A true AP view shows the spinous process midway between the "
         "pedicles and each endplate as a single line; a true lateral view shows the posterior wall as a single "
         "line. The safety rule for needle placement compares the two.",
         G::Procedure},
        {"Transpedicular access",
         "Reaching a vertebra through the bony bridge on its side.",
         // Lumbar medial aim ~ level number x 5 deg (Dickman 1992).
         "The needle runs along the axis of the pedicle into the body. In the lumbar spine the medial aim grows "
         "by roughly 5° per level, from about 5° at L1 to about 25° at L5.",
         G::Procedure},
        {"Extrapedicular access",
         "Reaching a vertebra just beside its bony bridge, when the bridge is too narrow.",
         // 20-30 deg from vertical for the thoracic intercostovertebral route (openradiology.org).
         "In the thoracic spine the needle can pass between the lateral wall of the pedicle and the rib head "
         "(intercostovertebral route), angled about 20–30° from vertical.",
         G::Procedure},
        {"Interdigitation",
         "The way cement seeps into the tiny spaces of the bone and locks into it.",
         "Cement flowing between the trabeculae and anchoring the fill to the surrounding bone: the main "
         "pattern in vertebroplasty, and at the cavity margins in kyphoplasty.",
         G::Procedure},
        {"Cement leakage",
         "When some cement escapes outside the bone; most small leaks cause no problems.",
         // Leak rates per vertebra (PMID 28192270); types (Yeom 2003, PMID 12585583; D: PMC8449924).
         "Cement outside the vertebral body: through the basivertebral vein (type B), the segmental veins "
         "(type S), a cortical defect (type C), or into the disc (type D). It is seen in 54.7% of vertebrae "
         "after vertebroplasty and 18.4% after kyphoplasty (PMID 28192270).",
         G::Procedure},
        {"Cement embolism",
         "When a small piece of cement travels in a vein, usually to the lungs.",
         // Pulmonary cement embolism 1.9% on CT (JOSR 2021).
         "Cement carried through the venous system, usually to the lungs; pulmonary cement embolism was found on "
         "CT in 1.9% of patients in one review. Fat, marrow or air can embolise in the same way.",
         G::Procedure},
        {"Bone density scan",
         "A quick scan that shows how strong your bones are.",
         // Advised after the procedure (seeds 000-004).
         "A DXA scan measures bone mineral density to diagnose osteoporosis and guide treatment that lowers the "
         "chance of further fractures; it is advised after a fragility fracture.",
         G::Procedure},
    };
    return entries;
}

namespace {
bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}
} // namespace

const GlossaryEntry* findGlossaryEntry(std::string_view term) {
    for (const GlossaryEntry& entry : glossary())
        if (equalsIgnoreCase(entry.term, term)) return &entry;
    return nullptr;
}

const GlossaryEntry* glossaryEntryForModelKind(std::string_view kind) {
    namespace mf = model_format;
    static const struct { const char* kind; const char* term; } kinds[] = {
        {mf::kKindVertebra, "Vertebra"},
        {mf::kKindSacrum, "Sacrum"},
        {mf::kKindTrabecular, "Trabecular (cancellous) bone"},
        {mf::kKindDisc, "Intervertebral disc"},
        {mf::kKindNucleus, "Nucleus pulposus"},
        {mf::kKindDuralSac, "Dural sac (thecal sac)"},
        {mf::kKindCaudaEquina, "Cauda equina"},
        {mf::kKindNerveRoot, "Nerve root"},
        {mf::kKindRib, "Rib and costal facets"},
    };
    for (const auto& k : kinds)
        if (kind == k.kind) return findGlossaryEntry(k.term);
    return nullptr;
}

} // namespace spineviz
