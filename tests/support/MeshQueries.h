#pragma once
// The core's mesh queries (core/mesh/MeshQueries), under the names the tests have always used.

#include "core/mesh/MeshQueries.h"

using spineviz::distanceToMesh;
using spineviz::insideMesh;
using spineviz::rayHits;
