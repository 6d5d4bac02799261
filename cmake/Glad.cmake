# Generates a GL 3.3 core loader with Debian's python3-glad (glad 2) at build time.
# /usr/bin/python3 is used on purpose: other interpreters on PATH may lack the glad module.
# --reproducible keeps glad offline (it otherwise tries to download the Khronos specs).
find_program(SPINEVIZ_SYSTEM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
execute_process(COMMAND ${SPINEVIZ_SYSTEM_PYTHON} -c "import glad"
                RESULT_VARIABLE _glad_missing OUTPUT_QUIET ERROR_QUIET)
if(_glad_missing)
  message(FATAL_ERROR "python3-glad is not installed for ${SPINEVIZ_SYSTEM_PYTHON} (apt-get install python3-glad)")
endif()

set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${GLAD_OUT}/include/glad/gl.h ${GLAD_OUT}/src/gl.c
  COMMAND ${SPINEVIZ_SYSTEM_PYTHON} -m glad --api gl:core=3.3 --extensions GL_KHR_debug
          --out-path ${GLAD_OUT} --reproducible --quiet c
  COMMENT "Generating the OpenGL 3.3 core loader with glad"
  VERBATIM)
add_library(glad STATIC ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/include/glad/gl.h)
target_include_directories(glad SYSTEM PUBLIC ${GLAD_OUT}/include)
set_target_properties(glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_link_libraries(glad PUBLIC ${CMAKE_DL_LIBS})
