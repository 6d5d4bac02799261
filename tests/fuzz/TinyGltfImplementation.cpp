// The tinygltf implementation, compiled with coverage for the fuzz build only (see src/CMakeLists.txt).
#define TINYGLTF_IMPLEMENTATION
#include <tiny_gltf.h>
