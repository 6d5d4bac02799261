#pragma once
// The patient's guide: the whole story in plain words, page by page, for a consultation on a big
// screen (why the bone broke, the two treatments, who they suit, before the day, on the day, the
// risks, afterwards, pain relief) and a page of questions to ask the doctor.
// Facts come from the patient information pages in shared/seeds, in our own words; every figure a
// page quotes is listed with its source (docs/patient-guide.md).

#include <string>
#include <vector>

namespace spineviz {

struct PatientFigure {
    std::string text;   // as the page says it: "6 weeks"
    std::string source; // where it comes from: "seeds 001, 002, 004"
};

struct PatientPage {
    std::string title;
    std::vector<std::string> paragraphs; // on the questions page, one question each
    std::vector<PatientFigure> figures;  // every number the page quotes
    bool questions = false;              // the page is a list of questions for the doctor
};

// In the order a consultation tells the story; the questions page last.
const std::vector<PatientPage>& patientGuide();

} // namespace spineviz
