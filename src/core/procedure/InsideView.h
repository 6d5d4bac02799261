#pragma once
// What the user chose to see of the treated vertebra: decided automatically per step, or always
// solid, see-through, or cut open. A choice about the procedure's presentation that the panels
// offer and the renderer resolves (render/ProcedureLook.h), so it lives below both.

namespace spineviz {

enum class InsideView { Auto, Solid, Ghost, Cutaway };

} // namespace spineviz
