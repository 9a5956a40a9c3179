# `cpack -G DEB` in the build folder: two Debian packages from the install
# components (see the top-level CMakeLists.txt).
#
#   factpipe      component runtime: the program, the plugins, the default
#                 pipeline, lexicons, zoning rules and schema, libfactpipe's
#                 shared object, the man page, the docs, bash completion
#   factpipe-dev  component dev: headers, pkg-config files, the CMake
#                 package, the plugin SDK's fake host, libfactpipe.so;
#                 depends on factpipe of the same version
#
# Library dependencies are computed by dpkg-shlibdeps from the ELF files
# (the program, plugins and libfactpipe), so they follow what the build
# really links.  The package installs under /usr; factpipe finds its files
# relative to its own executable, so an unpacked package (dpkg-deb -x)
# works in any folder too.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "factpipe")
set(CPACK_PACKAGE_VENDOR "factpipe")
set(CPACK_PACKAGE_CONTACT "factpipe maintainers <maintainers@factpipe.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES OFF) # keep the symbols: crash reports name functions

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_COMPONENT_DEV_DEPENDS runtime)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON) # factpipe-dev: factpipe (= VERSION)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)       # NAME_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# A shlibs file for libfactpipe.so.0, so that packages of programs that
# embed it get their dependency from dpkg-shlibdeps.  (CPack warns that the
# plugins have no soname: they are modules, loaded by path, not linked.)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "factpipe")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION "text")
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "facts from Vietnamese local-government bulletin pages, as XML
factpipe turns scraped pages of Vietnamese local-government bulletins
(HTML or text) into structured facts - percentages, counts, dates, named
officials, document references - written as one schema-valid XML
vocabulary.  Extractors are plugins loaded at run time; batches of
folders and archives run in isolated workers and resume after a crash.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME "factpipe-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION "libdevel")
# The SDK's fake host compiles the shared text analysis, which needs
# utf8proc's headers; plugins written the SDK's way use PCRE2 and cmocka.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libutf8proc-dev, pkg-config")
set(CPACK_DEBIAN_DEV_PACKAGE_RECOMMENDS "libpcre2-dev, libcmocka-dev, cmake")
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "factpipe plugin SDK and embedding library (development files)
Headers of the factpipe plugin ABI and of libfactpipe, pkg-config files
(factpipe-plugin, factpipe), the CMake package (find_package(factpipe),
factpipe_add_plugin) and the fake host for testing an extractor plugin
out of tree.")

include(CPack)
