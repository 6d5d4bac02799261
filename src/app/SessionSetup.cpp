#include "app/SessionSetup.h"

namespace spineviz {

std::string configureSession(ProcedureSession& session, const CommandLine& options) {
    // The cement first: with no plan yet it is only stored, so the case is planned (and its cement
    // simulated) once, by setOptions.
    std::string error = session.setCementOptions(options.cement);
    if (!error.empty()) return error;
    error = session.setOptions(options.procedure);
    if (!error.empty()) return "--level " + options.procedure.level + ": " + error;
    if (options.phase) session.player().seek(session.plan().timeline.timeOf(*options.phase, options.progress));
    return "";
}

} // namespace spineviz
