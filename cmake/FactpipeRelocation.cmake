# The installed folders relative to the folder of the program
# (CMAKE_INSTALL_BINDIR) and of libfactpipe (CMAKE_INSTALL_LIBDIR), from
# GNUInstallDirs, so that core/engine/locations.c finds plugins and data next
# to a factpipe installed under any prefix.  An absolute install folder is
# not relocatable: its relative path is left empty and only the configured
# folder is searched.  Sets FP_RELOCATION_DEFINITIONS.
set(FP_RELOCATION_DEFINITIONS "")
foreach(from PROGRAM LIBRARY)
  if(from STREQUAL "PROGRAM")
    set(from_dir "${CMAKE_INSTALL_BINDIR}")
  else()
    set(from_dir "${CMAKE_INSTALL_LIBDIR}")
  endif()
  foreach(to DATA PLUGIN)
    if(to STREQUAL "DATA")
      set(to_dir "${CMAKE_INSTALL_DATADIR}/factpipe")
    else()
      set(to_dir "${CMAKE_INSTALL_LIBDIR}/factpipe/plugins")
    endif()
    set(relative "")
    if(NOT IS_ABSOLUTE "${from_dir}" AND NOT IS_ABSOLUTE "${to_dir}")
      file(RELATIVE_PATH relative "/prefix/${from_dir}" "/prefix/${to_dir}")
    endif()
    list(APPEND FP_RELOCATION_DEFINITIONS "FP_${from}_TO_${to}_DIR=\"${relative}\"")
  endforeach()
endforeach()
