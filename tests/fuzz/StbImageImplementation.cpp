// stb_image (and stb_image_write, which the core's screenshot writer needs when a fuzz target links
// the app's option code) compiled with coverage and sanitizers for the fuzz build only (see
// src/CMakeLists.txt), so an out-of-bounds or uninitialised read inside the image decoder is seen.
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
