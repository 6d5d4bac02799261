# ASan + UBSan for the whole build (the `asan` preset). Errors abort so ctest sees them.
if(SPINEVIZ_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
