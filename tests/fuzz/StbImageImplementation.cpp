// stb_image compiled with coverage and sanitizers for the fuzz build only (see src/CMakeLists.txt),
// so an out-of-bounds or uninitialised read inside the image decoder is seen by the fuzzer.
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>
