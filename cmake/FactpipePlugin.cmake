# factpipe_add_plugin(NAME SOURCES src... [LIBRARIES lib...] [INSTALL_DIR dir])
#
# Builds the extractor plugin NAME as NAME.so (no "lib" prefix) — the file
# name the loader derives the entry symbol fp_plugin_NAME_get_desc from.
# Symbols are hidden except the entry (FP_PLUGIN_EXPORT).  The module lands
# in <build>/plugins (where an in-tree factpipe finds it; point an installed
# one there with --plugin-dir) and installs into INSTALL_DIR, by default
# FACTPIPE_PLUGIN_INSTALL_DIR: in the factpipe tree <libdir>/factpipe/plugins
# under the install prefix; for a plugin built against an installed
# factpipe (find_package(factpipe)), that factpipe's plugin folder.
#
# This file serves both: the factpipe tree includes it, and it is installed
# next to factpipeConfig.cmake, which includes it after defining the
# factpipe::plugin target (the plugin headers).
include_guard(GLOBAL)
include(GNUInstallDirs)

if(NOT DEFINED FACTPIPE_PLUGIN_INSTALL_DIR)
  set(FACTPIPE_PLUGIN_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/factpipe/plugins")
endif()

function(factpipe_add_plugin name)
  cmake_parse_arguments(ARG "" "INSTALL_DIR" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "factpipe_add_plugin(${name}): give its sources "
                        "with SOURCES file.c ...")
  endif()
  add_library(${name} MODULE ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name}
    C_VISIBILITY_PRESET hidden
    LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/plugins")
  if(TARGET factpipe_plugin_headers)      # inside the factpipe tree
    target_link_libraries(${name} PRIVATE factpipe_plugin_headers)
  elseif(TARGET factpipe::plugin)         # against an installed factpipe
    target_link_libraries(${name} PRIVATE factpipe::plugin)
  else()
    message(FATAL_ERROR "factpipe_add_plugin(${name}): no plugin headers; "
                        "call find_package(factpipe REQUIRED) first")
  endif()
  if(ARG_LIBRARIES)
    target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES})
  endif()
  set(destination "${FACTPIPE_PLUGIN_INSTALL_DIR}")
  if(ARG_INSTALL_DIR)
    set(destination "${ARG_INSTALL_DIR}")
  endif()
  install(TARGETS ${name} LIBRARY DESTINATION "${destination}")
endfunction()

# The name the in-tree plugins were first written with.
function(fp_add_plugin)
  factpipe_add_plugin(${ARGV})
endfunction()
