# factpipe_add_plugin(NAME SOURCES src... [LIBRARIES lib...]
#                     [DATA file...] [PIPELINE file]
#                     [INSTALL_DIR dir] [DATA_INSTALL_DIR dir])
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
# DATA: the plugin's own files (its lexicons), which its relative PATH
# options name.  Each keeps its path under the plugin's source folder (or
# build folder, for generated files; else its bare name).  They are copied
# next to the module, into <build>/plugins/NAME/, at build time, and
# installed into DATA_INSTALL_DIR/NAME/: by default
# FACTPIPE_PLUGIN_DATA_INSTALL_DIR (<datadir>/factpipe/plugins), or
# INSTALL_DIR when that is given.  factpipe looks a plugin's relative paths
# up in NAME/ next to NAME.so first, then in <datadir>/factpipe/plugins/NAME/,
# then in its own data folder, so the plugin finds its data in the build
# tree (check-plugin, --plugin-dir) and installed alike.
#
# PIPELINE: the plugin's drop-in pipeline section ([plugin NAME] with its
# priority and options), installed as NAME.pipeline into
# FACTPIPE_PIPELINE_D_INSTALL_DIR (<datadir>/factpipe/pipeline.d), which
# the default pipeline reads: the plugin runs with its priority without
# anyone editing a pipeline file.
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
if(NOT DEFINED FACTPIPE_PLUGIN_DATA_INSTALL_DIR)
  set(FACTPIPE_PLUGIN_DATA_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/factpipe/plugins")
endif()
if(NOT DEFINED FACTPIPE_PIPELINE_D_INSTALL_DIR)
  set(FACTPIPE_PIPELINE_D_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/factpipe/pipeline.d")
endif()

# The plugin's DATA files: copied into <build>/plugins/NAME/ by the target
# NAME_data, installed into destination/NAME/.
function(factpipe_plugin_data_ name destination)
  set(copies "")
  foreach(file IN LISTS ARGN)
    cmake_path(ABSOLUTE_PATH file BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               NORMALIZE OUTPUT_VARIABLE source)
    cmake_path(IS_PREFIX CMAKE_CURRENT_SOURCE_DIR "${source}" NORMALIZE in_source)
    cmake_path(IS_PREFIX CMAKE_CURRENT_BINARY_DIR "${source}" NORMALIZE in_build)
    if(in_source)
      cmake_path(RELATIVE_PATH source BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
                 OUTPUT_VARIABLE relative)
    elseif(in_build)
      cmake_path(RELATIVE_PATH source BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
                 OUTPUT_VARIABLE relative)
    else()
      cmake_path(GET source FILENAME relative)
    endif()
    set(copy "${CMAKE_BINARY_DIR}/plugins/${name}/${relative}")
    cmake_path(GET copy PARENT_PATH copy_dir)
    cmake_path(GET relative PARENT_PATH relative_dir)
    add_custom_command(OUTPUT "${copy}"
      COMMAND "${CMAKE_COMMAND}" -E make_directory "${copy_dir}"
      COMMAND "${CMAKE_COMMAND}" -E copy "${source}" "${copy}"
      DEPENDS "${source}"
      COMMENT "Copying ${relative} next to ${name}.so"
      VERBATIM)
    list(APPEND copies "${copy}")
    install(FILES "${source}" DESTINATION "${destination}/${name}/${relative_dir}")
  endforeach()
  add_custom_target(${name}_data ALL DEPENDS ${copies})
  add_dependencies(${name} ${name}_data)
endfunction()

function(factpipe_add_plugin name)
  cmake_parse_arguments(ARG "" "INSTALL_DIR;DATA_INSTALL_DIR;PIPELINE"
                        "SOURCES;LIBRARIES;DATA" ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "factpipe_add_plugin(${name}): unknown arguments "
                        "${ARG_UNPARSED_ARGUMENTS}; it takes SOURCES, LIBRARIES, DATA, "
                        "PIPELINE, INSTALL_DIR and DATA_INSTALL_DIR")
  endif()
  if(NOT name MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "factpipe_add_plugin(${name}): a plugin name is a lower-case "
                        "letter followed by lower-case letters, digits or '_' (it names "
                        "the file NAME.so and the entry fp_plugin_NAME_get_desc)")
  endif()
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

  if(ARG_DATA)
    set(data_destination "${FACTPIPE_PLUGIN_DATA_INSTALL_DIR}")
    if(ARG_DATA_INSTALL_DIR)
      set(data_destination "${ARG_DATA_INSTALL_DIR}")
    elseif(ARG_INSTALL_DIR)
      set(data_destination "${ARG_INSTALL_DIR}")   # NAME/ next to NAME.so
    endif()
    factpipe_plugin_data_(${name} "${data_destination}" ${ARG_DATA})
  endif()
  if(ARG_PIPELINE)
    cmake_path(ABSOLUTE_PATH ARG_PIPELINE BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               NORMALIZE OUTPUT_VARIABLE pipeline)
    install(FILES "${pipeline}" DESTINATION "${FACTPIPE_PIPELINE_D_INSTALL_DIR}"
            RENAME "${name}.pipeline")
  endif()
endfunction()
