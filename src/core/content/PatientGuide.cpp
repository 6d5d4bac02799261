// The patient's guide, in our own words from the patient information pages in shared/seeds
// (000: St John & St Elizabeth; 001: a spine surgeon's pages; 002: The UK Spine Centre; 003: Spire
// Harpenden; 004: Nuffield Health). Each page lists the figures it quotes with their source.
// Words a patient may not know are explained where they first appear; tests/content checks the
// pages for plain words, short sentences and a Flesch reading ease of at least 60.

#include "core/content/PatientGuide.h"

namespace spineviz {

const std::vector<PatientPage>& patientGuide() {
    static const std::vector<PatientPage> pages = {
        {"Why the bone broke",
         {
             // Seeds 000-003: osteoporosis the main cause; falls and accidents; tumours and myeloma.
             "Your spine is a stack of bones. Each one is called a vertebra. The front part of each bone is a "
             "thick block that carries your weight.",
             "With age, bones can lose strength. Doctors call this osteoporosis. The inside of the bone becomes "
             "thin, like a sponge with bigger holes. It is most common in women after the menopause.",
             "A weak bone can break with very little force, such as a cough, a lift or a small fall. The block "
             "gets squashed and loses height. Doctors call this a compression fracture.",
             "A hard fall or an accident can break a strong bone too. Less often, a growth in the bone or a "
             "blood disorder weakens it from the inside.",
             "A squashed bone can hurt a lot. It can also make your back bend forward, so you stand less tall.",
         },
         {}},
        {"The two treatments",
         {
             // Seeds 000-002: both fill the bone with cement through needles; kyphoplasty adds the balloon.
             "Both treatments put a special bone cement inside the broken bone. The cement sets hard within "
             "minutes and holds the broken pieces still. This is what eases the pain.",
             "The doctor reaches the bone with thin hollow tubes passed through the skin of your back. There "
             "is no large cut and no stitches.",
             "In vertebroplasty the cement goes straight into the bone through the tubes.",
             "Kyphoplasty adds one step. A small balloon goes into the bone first and is gently blown up. It "
             "lifts the squashed bone back towards its height and leaves a space. The balloon comes out and the "
             "cement fills the space.",
             "Kyphoplasty can give back more of the lost height. Both ease the pain in much the same way. Your "
             "doctor will say which one suits your bone.",
         },
         {}},
        {"Who it suits, and who it does not",
         {
             // Seeds 001, 002: painful unhealed fracture, pain not settled by rest, painkillers or a brace.
             "It suits a bone that is broken, has not healed and still hurts. Often rest, painkillers and a "
             "back brace have been tried first and have not helped enough.",
             // Seed 000: a scan to see whether the fracture is fresh or healed; seed 002: frail patients.
             "A scan of your spine shows whether the break is fresh or has healed already. It also shows that "
             "this bone is the one that hurts. Because you can stay awake and relaxed for it, it can suit people "
             "who are frail or older.",
             // Seed 001: when it cannot be done.
             "It is not done when the broken bone has settled and no longer hurts. It is not done when a piece of "
             "bone or a growth presses into the space for the nerves. An infection in the bone, or blood that "
             "does not clot well, also rules it out.",
         },
         {}},
        {"Before the day",
         {
             // Seed 000: history, examination, scan and blood tests; consent.
             "You will meet the doctor who will do the treatment. They will ask about your health, look at your "
             "back and check your scans. You may need some blood tests.",
             // Seed 003: blood thinners.
             "Tell the team about every medicine you take. This matters most for medicines that thin the "
             "blood, such as warfarin, clopidogrel or aspirin. You may be told to stop some of them for a few "
             "days.",
             // Seed 000: nothing to eat or drink for at least 6 hours; loose clothes; someone to collect you.
             "Do not eat or drink for at least 6 hours before, unless the team tells you otherwise. Wear loose, "
             "comfortable clothes.",
             "Ask someone to take you home and to stay with you that night. You will not be able to drive.",
         },
         {{"6 hours", "seed 000"}}},
        {"On the day",
         {
             // Seeds 000, 002, 003: sedation or general anaesthetic.
             "A nurse checks your blood pressure and goes through your medicines. The doctor explains it all "
             "again, and you sign a form to agree.",
             "Most people have sedation, which means medicine through a drip that makes you sleepy and relaxed. "
             "The skin on your back is numbed as well. Some people have a general anaesthetic instead, which "
             "means being fully asleep.",
             // Seeds 001-004: lying face down; live X-ray guides the needles.
             "You lie face down on a padded table. The doctor uses a live X-ray picture to guide each thin tube "
             "into the bone.",
             // Seed 003: one small cut for each side; seed 004: a plaster; seed 000: 45 minutes; seed 004: 1 to 2 hours.
             "There is usually one small cut on each side of your spine, about 1 centimetre long. The cuts need "
             "no stitches, just a plaster. The treatment often takes about 45 minutes, and it can take 1 to 2 "
             "hours when more than one bone is treated.",
         },
         {{"1 centimetre", "seed 001 (half an inch)"}, {"45 minutes", "seed 000"}, {"1 to 2 hours", "seed 004"}}},
        {"The risks, and how rare they are",
         {
             // Seed 002: fewer than 1 in 100 have a complication in one centre.
             "Problems are uncommon. One specialist centre finds a problem in fewer than 1 in 100 people. The "
             "team will go through these with you before you agree.",
             // Seeds 002, 004; JOSR 2019 via clinical.md: most leaks are small and cause no symptoms.
             "A little cement can seep just outside the bone. This is the most common event. Most of the time "
             "it is tiny and causes no trouble. The doctor watches the cement on the X-ray and can stop at once.",
             // Seed 003: superficial infection 2-4 in 100, deep under 1 in 100.
             "An infection of the small cuts happens to 2 to 4 people in 100, and tablets called antibiotics "
             "usually clear it. A deeper infection affects fewer than 1 in 100.",
             "There can be some bleeding or bruising. This is more likely if you take medicine that thins the "
             "blood.",
             // Seeds 001-004: nerve injury, numbness or tingling.
             "Very rarely, a needle or the cement can touch a nerve. This can cause numbness, tingling or "
             "weakness, and the team would act on it straight away.",
             // Seeds 002, 003: neighbouring bones can break later.
             "Weak bones stay weak, so a bone next to the treated one can break later. Treatment for thin bones "
             "lowers this chance.",
             // Seed 003: a reaction to the cement; seed 001: reactions to the anaesthetic.
             "Very rarely, the body reacts to the cement or to a medicine. The team watches your heart and "
             "breathing the whole time, so they would see it and treat it.",
         },
         {{"1 in 100", "seed 002"}, {"2 to 4 people in 100", "seed 003"}}},
        {"Afterwards",
         {
             // Seed 004: lie still for 1-2 hours; seeds 002-004: home the same day.
             "You lie still and rest for 1 to 2 hours while the cement sets fully. The nurses check you and help "
             "you up. Most people go home the same day, and a few stay one night.",
             // Seed 003: no driving for 48 hours after sedation.
             "Someone needs to drive you home. Do not drive for at least 48 hours after sedation, and ask your "
             "doctor when you may drive again.",
             // Seed 004: ice wrapped in a tea towel; seed 000: soreness for a few days.
             "Your back may feel bruised where the tubes went in. An ice pack wrapped in a tea towel helps. The "
             "soreness usually passes in a few days.",
             // Seeds 000, 002: walk every day; seeds 001, 002, 004: avoid heavy lifting for about 6 weeks.
             "Walk a little every day and do a bit more each day. Avoid heavy lifting, a lot of bending and hard "
             "exercise for about 6 weeks. You will see the team again at about 6 weeks.",
             // Seed 003: desk work after 2-3 days.
             "If you work at a desk, you may go back after 2 or 3 days if you feel comfortable.",
             // When to call: infection signs (seed 003) and nerve signs (seeds 001, 004).
             "Call the hospital straight away if a cut turns red, hot or leaks fluid, or if you get a fever. "
             "Call too if you notice new numbness, tingling or weakness in your legs, or if the pain gets much "
             "worse.",
         },
         {{"1 to 2 hours", "seed 004"}, {"48 hours", "seed 003"}, {"6 weeks", "seeds 001, 002, 004"},
          {"2 or 3 days", "seed 003"}}},
        {"What to expect of the pain",
         {
             // Seed 002: pain often better almost at once; seed 004: or after several days.
             "Many people find the pain of the break eases within a day or so. For others it takes several "
             "days to improve.",
             // Seed 002: painkillers can often be cut down.
             "Many people can take fewer painkillers afterwards. Ask your doctor before you change them.",
             // Seed 004: no pain relief is a possible outcome; seed 002: it does not stop new breaks.
             "For a few people the pain does not ease, and some back pain may have other causes. The treatment "
             "strengthens this one bone. It does not stop other bones from breaking.",
             // Seed 002: a bone density scan and treatment for thin bones.
             "Your doctor may suggest a bone density scan, which is a quick scan that measures how strong your "
             "bones are. Medicine for thin bones can lower the chance of another break.",
         },
         {}},
        {"Questions to ask your doctor",
         {
             "Is my bone still healing, and how do you know?",
             "Which of the two treatments do you suggest for me, and why?",
             "What could I try instead, and what happens if I wait?",
             "How many of these treatments do you do each year?",
             "Will I be asleep, or awake and sleepy?",
             "Which of my medicines should I stop, and when?",
             "How long will I be in hospital?",
             "What should I look out for at home, and whom do I call?",
             "When can I drive, work and lift things again?",
             "What can I do to keep my other bones strong?",
         },
         {},
         true},
    };
    return pages;
}

} // namespace spineviz
