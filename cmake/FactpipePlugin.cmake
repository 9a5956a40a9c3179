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
# The sources are compiled once, into the OBJECT library NAME_objects, of
# which the module is made.  A plugin's tests (and fuzz harnesses) link
# NAME_objects to run the plugin's code in-process against the fake host,
# with the plugin's libraries and its source folder (for its own headers)
# coming along: the list of sources lives here only.
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
  if(TARGET factpipe_plugin_headers)      # inside the factpipe tree
    set(headers factpipe_plugin_headers)
  elseif(TARGET factpipe::plugin)         # against an installed factpipe
    set(headers factpipe::plugin)
  else()
    message(FATAL_ERROR "factpipe_add_plugin(${name}): no plugin headers; "
                        "call find_package(factpipe REQUIRED) first")
  endif()
  add_library(${name}_objects OBJECT ${ARG_SOURCES})
  set_target_properties(${name}_objects PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    C_VISIBILITY_PRESET hidden)
  target_include_directories(${name}_objects INTERFACE "${CMAKE_CURRENT_SOURCE_DIR}")
  target_link_libraries(${name}_objects PUBLIC ${headers} ${ARG_LIBRARIES})

  add_library(${name} MODULE)
  target_link_libraries(${name} PRIVATE ${name}_objects)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${name}
    LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/plugins")
  set(destination "${FACTPIPE_PLUGIN_INSTALL_DIR}")
  if(ARG_INSTALL_DIR)
    set(destination "${ARG_INSTALL_DIR}")
  endif()
  install(TARGETS ${name} LIBRARY DESTINATION "${destination}")
endfunction()
