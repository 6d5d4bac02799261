#pragma once
// A guide for students and curious patients. Clinicians and students get tabs: the anatomy the
// model shows, what causes these fractures and what the risks are, the two procedures side by side
// with sources, and the patient's guide. A patient gets the patient's guide alone, a page at a time
// in large type, with big buttons to turn the pages (core/content/PatientGuide.h).

struct ImFont;

namespace spineviz {

struct LearnPanelState {
    int patientPage = 0; // the page of the patient's guide shown
};

struct LearnPanelFonts {
    ImFont* heading = nullptr;
    ImFont* large = nullptr; // the patient's caption type
};

// Centred below `top` (the panels along the top edge), and always within the window. Returns false
// when the user closed it.
bool drawLearnPanel(bool patient, LearnPanelState& state, const LearnPanelFonts& fonts, float top = 0.0f);

} // namespace spineviz
