#pragma once
// The command line's case applied to a procedure session: cement choices, procedure options and the
// start time. GL-free, so the --measurements path and the options fuzzer (tests/fuzz) share it.

#include "app/CommandLine.h"
#include "core/procedure/ProcedureSession.h"

#include <string>

namespace spineviz {

// Returns "" or a one-line reason naming the option.
std::string configureSession(ProcedureSession& session, const CommandLine& options);

} // namespace spineviz
