#pragma once
// A guide for students and curious patients: the anatomy the model shows, what causes these
// fractures and what the risks are, and the two procedures side by side with sources.

namespace spineviz {

// Returns false when the user closed it.
bool drawLearnPanel();

} // namespace spineviz
