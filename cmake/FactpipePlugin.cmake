# fp_add_plugin(NAME SOURCES src... [LIBRARIES lib...])
#
# Builds the extractor plugin NAME as NAME.so (no "lib" prefix) — the file
# name the loader derives the entry symbol fp_plugin_NAME_get_desc from.
# Symbols are hidden except the entry (FP_PLUGIN_EXPORT).  In the factpipe
# tree the module lands in <build>/plugins, where the CLI finds it.
function(fp_add_plugin name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_library(${name} MODULE ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name}
    C_VISIBILITY_PRESET hidden
    LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/plugins")
  if(TARGET factpipe_plugin_headers)
    target_link_libraries(${name} PRIVATE factpipe_plugin_headers)
  endif()
  if(ARG_LIBRARIES)
    target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES})
  endif()
  if(DEFINED FP_INSTALL_PLUGIN_DIR)
    install(TARGETS ${name} LIBRARY DESTINATION "${FP_INSTALL_PLUGIN_DIR}")
  endif()
endfunction()
