#pragma once
// A hidden window with an OpenGL 3.3 core context for the in-process X-ray tests (headless through
// SDL's offscreen driver, which TestMain selects), made once per test binary.

#include <string>

namespace spineviz::test {

// True when a context is current; the reason otherwise.
bool ensureGLContext(std::string& error);
std::string shaderDir();
std::string bundledModel();

} // namespace spineviz::test
