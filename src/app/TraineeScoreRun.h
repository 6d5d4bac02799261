#pragma once
// `--trainee-plan FILE|ideal --score`: scores one access attempt without a window and prints the
// report as one JSON object (docs/trainee.md).

#include "app/CommandLine.h"
#include "core/trainee/TraineePlan.h"

namespace spineviz {

// The process exit code: 0 with the report on stdout; 1 with one line on stderr naming the file and
// what is wrong (model or plan unreadable, plan item invalid, level not in the model).
int runTraineeScore(const CommandLine& options);

// Reads and checks a plan file: "" or why not (without the file's name).
std::string readTraineePlanFile(const std::string& path, TraineePlan& plan);

} // namespace spineviz
