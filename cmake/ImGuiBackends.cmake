# Debian ships Dear ImGui 1.86's SDL2 and OpenGL3 backends as example sources only; we compile them
# here so the OpenGL3 backend loads its functions through our glad loader (IMGUI_IMPL_OPENGL_LOADER_CUSTOM).
set(IMGUI_BACKEND_SRC /usr/share/doc/libimgui-dev/examples/backends)
foreach(_f imgui_impl_sdl.cpp imgui_impl_opengl3.cpp)
  if(NOT EXISTS ${IMGUI_BACKEND_SRC}/${_f})
    message(FATAL_ERROR "${IMGUI_BACKEND_SRC}/${_f} is missing (apt-get install libimgui-dev)")
  endif()
endforeach()
add_library(imgui_backends STATIC ${IMGUI_BACKEND_SRC}/imgui_impl_sdl.cpp ${IMGUI_BACKEND_SRC}/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_INCLUDEDIR} ${IMGUI_INCLUDEDIR}/backends)
target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_LOADER_CUSTOM)
set_source_files_properties(${IMGUI_BACKEND_SRC}/imgui_impl_opengl3.cpp PROPERTIES COMPILE_OPTIONS "-include;glad/gl.h")
target_link_libraries(imgui_backends PUBLIC glad PkgConfig::IMGUI SDL2::SDL2)
