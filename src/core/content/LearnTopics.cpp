// The topics for students and the comparison table.
#include "core/content/Learn.h"

// Every number here comes from shared/reference/clinical.md (or anatomy.md) and is cited in the text
// itself, in a comment next to it, or both; docs/clinical-content.md lists them all. Facts from the
// patient information pages (shared/seeds) are in our own words and cited as "seed NNN" in comments.

namespace spineviz {

const std::vector<LearnTopic>& learnTopics() {
    static const std::vector<LearnTopic> topics = {
        {"How the spine is built",
         {
             "The spine is a column of vertebrae. Spineviz shows the 12 thoracic vertebrae (T1 to T12), which "
             "carry the ribs, and the 5 lumbar vertebrae (L1 to L5) below them, which rest on the sacrum. The "
             "procedures are shown from T5 to L5.",
             "Each vertebra has a body at the front: a short cylinder of trabecular (cancellous) bone, a lattice "
             "of thin struts with marrow between them, inside a thin cortical shell and closed above and below "
             "by the endplates. The body carries most of the load along the spine; it is the part that collapses "
             "in a compression fracture and the part that is filled with cement.",
             "Behind the body, the two pedicles join it to the neural arch. The laminae roof the spinal canal, "
             "the spinous process points backwards, the transverse processes point sideways, and the superior "
             "and inferior articular processes meet those of the neighbouring vertebrae at the facet joints. In "
             "the thoracic spine the ribs meet the vertebrae at the costal facets.",
             "Between the bodies lie the intervertebral discs: a tough ring of fibre layers, the annulus "
             "fibrosus, around a gel-like core, the nucleus pulposus.",
             "The vertebral foramina line up to form the spinal canal, lined by the dural sac. At thoracic "
             "levels the canal holds the spinal cord; the cord tapers into the conus medullaris near the "
             "thoracolumbar junction, and below that the canal holds the cauda equina, the bundle of lumbar and "
             "sacral nerve roots. Each nerve root leaves through the intervertebral foramen just below its "
             "pedicle, which is why the medial and lower walls of the pedicle matter so much when a needle "
             "passes through it.",
         }},
        {"What a compression fracture is",
         {
             "In a vertebral compression fracture the vertebral body fails under load along the spine and loses "
             "height. Weakened bone can fail with little or no injury, for example when bending or lifting.",
             // Genant grades (qims.amegroups.com/article/view/24006/22821).
             "The Genant semi-quantitative method grades the fracture by the height lost compared with the "
             "expected height: grade 1 (mild) 20–25%, grade 2 (moderate) 25–40% and grade 3 (severe) more than "
             "40%. A loss under 20% counts as normal.",
             // JOSR 10.1186/s13018-023-03758-w, Table 1.
             "The shape says where the height is lost: a wedge fracture loses the front (anterior) height, a "
             "biconcave fracture the middle, with both endplates sunk, and a crush fracture the whole body. For "
             "scale, one series measured a grade 2 fracture at T12 with an anterior height of 19.8 mm, a "
             "posterior height of 30.1 mm and a wedge angle of 16.8° (doi 10.1186/s13018-023-03758-w).",
             "A wedge fracture tilts the vertebra forward and adds to the curve of the upper back (kyphosis); "
             "several fractures can leave the back rounded and stooped. In a severe fracture part of the "
             "posterior wall can be pushed back into the spinal canal (retropulsion).",
             // Fresh fractures are taller lying down (clinical.md "Fracture grading").
             "A fresh fracture is often mobile: its height changes with position and is greater lying down. "
             "Lying prone on the operating table can therefore restore some height before any instrument "
             "touches the bone.",
         }},
        {"Causes",
         {
             // Seeds 000-003.
             "Osteoporosis is the leading cause. Bone mass and the fine trabecular architecture are lost over "
             "years, the struts thin and break, and the vertebral body can fail under everyday loads. It is most "
             "common in older people, especially women after the menopause.",
             "Injury can break a healthy vertebra too: a fall, a heavy landing from a jump or a road accident.",
             "Tumours weaken the body from within. Metastases from cancers elsewhere and multiple myeloma, a "
             "cancer of plasma cells in the bone marrow, are important causes of these pathological fractures. "
             "Cement augmentation can relieve their pain as well, and a biopsy can be taken through the same "
             "access.",
         }},
        {"Who is a candidate, and who is not",
         {
             // Seeds 001, 002.
             "Cement augmentation is considered for a painful vertebral compression fracture that has not healed "
             "and whose pain has not settled with non-operative care such as rest, painkillers and a brace. It "
             "is usually done weeks to months after the fracture.",
             // Seed 000: MRI to tell an acute from a healed fracture.
             "MRI shows whether the fracture is still unhealed: fluid-sensitive sequences show oedema in the "
             "marrow of a fresh fracture and none in a healed one. The painful level on examination should match "
             "the level on the scan, and blood tests may be needed.",
             // Seed 002: local anaesthetic with sedation suits frail patients.
             "Because it can be done under local anaesthetic with sedation, frail and elderly patients who would "
             "cope poorly with a general anaesthetic can often be treated.",
             // Seed 001 contraindications; seed 003 blood thinners.
             "It is not done when the fracture is stable and painless, when a bone fragment or a tumour lies in "
             "the spinal canal, when there is infection of the bone, or when there is a bleeding disorder. "
             "Anticoagulant and antiplatelet drugs (warfarin, clopidogrel, aspirin and others) need a plan "
             "before the procedure.",
         }},
        {"Kyphoplasty and vertebroplasty compared",
         {
             "Both procedures place PMMA bone cement in the fractured vertebral body through needles passed along "
             "the pedicles under fluoroscopy, to stabilise the fracture and relieve pain. They share the setting, "
             "the anaesthesia, the access and the recovery.",
             "Kyphoplasty adds steps: a channel is drilled and a balloon tamp is inflated inside the body to push "
             "the endplates apart and compact the trabecular bone into a cavity. Thick cement is then placed in "
             "the cavity at low pressure. In vertebroplasty there is no balloon: cement is pushed straight into "
             "the trabecular bone at higher pressure and spreads between the trabeculae.",
             // PMID 11154534; PMC3459114; PMID 28192270; PMC6147886.
             "Kyphoplasty restores more height (97% of the lost height against 30% in a cadaver study; PMID "
             "11154534), corrects more kyphosis (about 4.8° against 1.7°; PMC3459114) and leaks less (18.4% of "
             "vertebrae against 54.7%; PMID 28192270). Vertebroplasty is simpler and needs fewer instruments. "
             "Height gained in patients is much smaller than in the laboratory, and in one CT series it did not "
             "track pain relief (PMC6147886).",
             "The table below sets out the main differences, with the source of each.",
         }},
        {"Imaging and the safety rule",
         {
             // Thieme 10.1055/s-0044-1796645.
             "Both procedures are done under fluoroscopy, live X-ray from a C-arm. Before starting, the C-arm is "
             "adjusted until the views are true: on the AP view the spinous process sits midway between the "
             "pedicles and each endplate is a single line; on the lateral view the posterior wall is a single "
             "line. Some operators also use an en-face 'owl's eye' view looking down the pedicle.",
             // alpfmedical.info.
             "The safety rule taught to trainees: on the AP view the needle tip must not cross the medial wall of "
             "the pedicle until the lateral view shows it past the posterior wall of the body. A tip that broke "
             "this rule would be inside the spinal canal.",
             // Yeom 2003, PMID 12585583; Kyphon HV-R IFU.
             "Barium sulfate makes the cement visible, about 30% of one product by weight, and the balloon is "
             "filled with contrast medium. Even so, small venous leaks are hard to see: in a CT-controlled study, "
             "93% of type B and 86% of type S leaks were missed on lateral radiographs (Yeom 2003, PMID 12585583).",
         }},
        {"Risks",
         {
             // Fewer than 1% complications in one centre's experience (seed 002).
             "Complications are uncommon: one specialist centre reports fewer than 1% overall. The risks below "
             "are the ones patients are told about before they consent.",
             // PMID 28192270; Yeom 2003 PMID 12585583; intradiscal PMC8449924; JOSR 2019 10.1186/s13018-019-1459-4.
             "Cement leakage is the most frequent event, though most leaks are small and cause no symptoms. It "
             "occurs in 54.7% of vertebrae after vertebroplasty and 18.4% after kyphoplasty in a meta-analysis of "
             "4,187 vertebrae (PMID 28192270), more often with an intravertebral cleft, a broken cortex, "
             "low-viscosity cement or a larger volume. Leaks are typed by route: type B through the "
             "basivertebral vein towards the canal, type S through the segmental veins to the side, type C "
             "through a cortical defect, and type D into the disc. A review of 3,175 vertebroplasty patients shows "
             "where leaks go: paraspinal 25%, intradiscal 26%, spinal canal 0.7% (doi 10.1186/s13018-019-1459-4).",
             // JOSR 2021; JOSR 2019 volume bands.
             "Embolism: cement, fat, marrow or air can travel in the veins, usually to the lungs. Pulmonary cement "
             "embolism was seen on CT in 1.9% of patients (JOSR 2021), and it becomes more likely as the volume "
             "rises: 0% below 3.5 mL, 0.11% at 3.5–7 mL and 0.9% above 7 mL (doi 10.1186/s13018-019-1459-4).",
             // Seeds 001-003; exotherm: Belkoff & Molloy 2003 (biomech.md).
             "Nerve or spinal cord injury is rare. It can follow a misplaced instrument or cement in the canal, "
             "which presses on the nerves and heats them as it sets: in a cadaver study the canal reached 39–57 °C "
             "during curing (Belkoff and Molloy 2003).",
             // Seed 003.
             "Infection: superficial wound infections in 2–4%, usually settling with antibiotics, and deep "
             "infections in under 1%, which may need further surgery. Bleeding is more likely in patients taking "
             "blood thinners.",
             // Seeds 002, 003.
             "Adjacent-level fracture: the stiffened vertebra may raise the load on its neighbours, and the "
             "underlying osteoporosis remains, so new fractures can occur elsewhere. Rarely, a reaction to the "
             "cement upsets the heart rhythm, and in extreme cases it has stopped the heart.",
         }},
        {"Recovery",
         {
             // Seeds 000, 002, 004.
             "Patients usually lie flat for an hour or two and are then helped up; most go home the same day, "
             "and a few stay overnight. Someone else should drive them home.",
             "Soreness where the needles went in is common for a few days, and a cold pack, with a cloth "
             "between it and the skin, can ease it. Walking is encouraged from the start and can build up day by "
             "day; people with desk jobs can often return to work within a few days.",
             // Seeds 001, 002, 004: avoid strenuous activity ~6 weeks; follow-up at 6 weeks.
             "Heavy lifting, repeated bending and strenuous activity are avoided for about 6 weeks, with "
             "follow-up at around 6 weeks.",
             // Seed 002: bone density scan; the procedure does not prevent fractures elsewhere.
             "The procedure treats one fracture but not the bone disease behind it, so a bone density scan and "
             "osteoporosis treatment are advised to lower the chance of new fractures.",
         }},
    };
    return topics;
}

const std::vector<ComparisonRow>& procedureComparison() {
    static const std::vector<ComparisonRow> rows = {
        {"What is done",
         "A balloon tamp is inflated to lift the endplates and make a cavity, then removed; cement fills the "
         "cavity",
         "No balloon: cement is injected straight into the trabecular bone",
         "UK hospital patient information (seeds 000–002)"},
        {"Cement delivery",
         "Thick cement at low pressure into the cavity, interdigitating at its edges",
         "Higher pressure; the cement spreads and interdigitates through the trabecular bone",
         "UK hospital patient information (seeds 001, 002)"},
        {"Cement leakage per vertebra", "18.4%", "54.7%", "Meta-analysis of 4,187 vertebrae, PMID 28192270"},
        {"Height restored (cadaver study)", "97% of the lost height", "30% of the lost height",
         "Ex vivo study, PMID 11154534"},
        {"Kyphosis reduction", "About 4.8°", "About 1.7°", "PMC3459114"},
        {"Instruments",
         "Trocar, working cannula, drill, balloon tamps (commonly 10, 15 or 20 mm long, up to 2 or 3 mL), bone "
         "filler devices",
         "Needle of 11–13 gauge; 15 gauge in narrow upper thoracic pedicles",
         "Medtronic Kyphon instructions for use; AJNR 2004 (PMC7976525); openradiology.org"},
        {"Access", "Usually both pedicles, one balloon each; one pedicle is possible", "One or both pedicles",
         "UK hospital patient information (seed 000); kyphon.com patient pages"},
        {"Anaesthesia and setting",
         "Local anaesthetic with sedation, or general anaesthesia; lying face down; usually a day case",
         "The same", "UK hospital patient information (seeds 000–004)"},
        {"Duration",
         "About 15 minutes to an hour per level, depending on the centre and the case",
         "Fewer steps: no drilling and no balloon",
         "UK hospital patient information (seeds 000, 002, 004); balloonkyphoplasty.com"},
        {"Recovery", "Usually home the same day; avoid strenuous activity for about 6 weeks; review at 6 weeks",
         "The same", "UK hospital patient information (seeds 000–004)"},
    };
    return rows;
}

} // namespace spineviz
