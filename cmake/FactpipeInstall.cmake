# What `cmake --install` adds beyond the targets' own install rules: the
# plugin SDK (pkg-config files, the CMake package, the fake host sources;
# component dev), the man page, the documentation, the CSV stylesheet and
# the bash completion (component runtime).  Included once from the
# top-level CMakeLists.txt.
include(CMakePackageConfigHelpers)

# Read the ABI version from the header, so the .pc and the package say it.
file(STRINGS "${PROJECT_SOURCE_DIR}/include/factpipe/plugin.h" fp_abi_lines
     REGEX "^#define FP_ABI_(MAJOR|MINOR) [0-9]+")
string(REGEX REPLACE ".*FP_ABI_MAJOR ([0-9]+).*" "\\1" fp_abi_major "${fp_abi_lines}")
string(REGEX REPLACE ".*FP_ABI_MINOR ([0-9]+).*" "\\1" fp_abi_minor "${fp_abi_lines}")
set(FP_ABI_VERSION "${fp_abi_major}.${fp_abi_minor}")

set(fp_pkgconfig_dir "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
set(fp_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/factpipe")
set(FP_PLUGINS_RELDIR "${CMAKE_INSTALL_LIBDIR}/factpipe/plugins")
set(FP_DATA_RELDIR "${CMAKE_INSTALL_DATADIR}/factpipe")
set(FP_SDK_RELDIR "${CMAKE_INSTALL_DATADIR}/factpipe/sdk")

# pkg-config files find each folder from their own (${pcfiledir}) by the
# shortest relative path, so an install moved elsewhere (cmake --install
# --prefix, DESTDIR, an unpacked package) still resolves, and the paths
# pkg-config prints stay short (<libdir>/pkgconfig/.. for the libdir).
function(fp_pc_relative var to)
  file(RELATIVE_PATH relative "/prefix/${fp_pkgconfig_dir}" "/prefix/${to}")
  string(REGEX REPLACE "/$" "" relative "${relative}")
  if(relative STREQUAL "")
    set(relative ".")
  endif()
  set(${var} "${relative}" PARENT_SCOPE)
endfunction()
fp_pc_relative(FP_PC_TO_PREFIX "")
fp_pc_relative(FP_PC_TO_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
fp_pc_relative(FP_PC_TO_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
fp_pc_relative(FP_PC_TO_PLUGINSDIR "${FP_PLUGINS_RELDIR}")
fp_pc_relative(FP_PC_TO_DATADIR "${FP_DATA_RELDIR}")
foreach(pc factpipe-plugin factpipe)
  configure_file("${PROJECT_SOURCE_DIR}/cmake/${pc}.pc.in"
                 "${PROJECT_BINARY_DIR}/${pc}.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/${pc}.pc" DESTINATION ${fp_pkgconfig_dir}
          COMPONENT dev)
endforeach()

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/factpipeConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/factpipeConfig.cmake"
  INSTALL_DESTINATION ${fp_cmake_dir}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR FP_PLUGINS_RELDIR FP_DATA_RELDIR
            FP_SDK_RELDIR)
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/factpipeConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/factpipeConfig.cmake"
              "${PROJECT_BINARY_DIR}/factpipeConfigVersion.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/FactpipePlugin.cmake"
        DESTINATION ${fp_cmake_dir} COMPONENT dev)
install(EXPORT factpipeTargets NAMESPACE factpipe::
        DESTINATION ${fp_cmake_dir} COMPONENT dev)

# The fake host, as sources: a plugin's tests compile them in, so they
# need no library built for the author's compiler flags.  With it the
# shared text analysis, the core's own source (it needs utf8proc).
install(FILES
  "${PROJECT_SOURCE_DIR}/tests/support/fake_host.h"
  "${PROJECT_SOURCE_DIR}/tests/support/fake_host.c"
  "${PROJECT_SOURCE_DIR}/tests/support/fake_doc.c"
  "${PROJECT_SOURCE_DIR}/tests/support/fake_plugin.c"
  "${PROJECT_SOURCE_DIR}/core/analysis/fp_analysis.h"
  "${PROJECT_SOURCE_DIR}/core/analysis/fp_analysis.c"
  DESTINATION ${FP_SDK_RELDIR} COMPONENT dev)
# Writing plugins: PLUGINS.md and the worked examples it refers to, in
# the same folder as GUIDELINE.md (runtime), so that the installed docs
# stand alone: a plugin of the tree built out of tree (the docref
# extractor with its CMake project and test) and an embedding program.
install(FILES "${PROJECT_SOURCE_DIR}/docs/PLUGINS.md"
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT dev)
file(GLOB fp_docref_sources "${PROJECT_SOURCE_DIR}/plugins/docref/*.[ch]")
install(FILES ${fp_docref_sources}
              "${PROJECT_SOURCE_DIR}/tests/sdk/standalone/CMakeLists.txt"
              "${PROJECT_SOURCE_DIR}/tests/sdk/standalone/docref_smoke.c"
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/docref COMPONENT dev)
install(FILES "${PROJECT_SOURCE_DIR}/tests/sdk/embed_example.c"
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples COMPONENT dev)

install(FILES "${PROJECT_SOURCE_DIR}/docs/factpipe.1"
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES "${PROJECT_SOURCE_DIR}/docs/factpipe-pipeline.5"
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
install(FILES "${PROJECT_SOURCE_DIR}/README.md"
              "${PROJECT_SOURCE_DIR}/docs/GUIDELINE.md"
              "${PROJECT_SOURCE_DIR}/docs/RELIABILITY.md"
              "${PROJECT_SOURCE_DIR}/docs/PUBDATE.md"
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES "${PROJECT_SOURCE_DIR}/contrib/slurm/factpipe.sbatch"
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES "${PROJECT_SOURCE_DIR}/contrib/factpipe-to-csv.xsl"
        DESTINATION ${FP_DATA_RELDIR})
install(FILES "${PROJECT_SOURCE_DIR}/contrib/bash-completion/factpipe"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
