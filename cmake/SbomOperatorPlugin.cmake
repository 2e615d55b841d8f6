# sbomop_add_backend_plugin(<name> SOURCES <file>... [LIBRARIES <target>...])
#
# Builds a backend plugin as a MODULE library named libsbomop-<name>.so that the
# host loads with Poco::ClassLoader (`backend=<name>`). Used by the built-in
# plugins and, through the installed SDK (find_package(SbomOperator)), by
# third-party plugins. Plugins must be built with the same compiler, standard
# library and SDK major.minor as the host: the SDK checks the plugin API version
# when it loads the library.
function(sbomop_add_backend_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "sbomop_add_backend_plugin(${name}): SOURCES is required")
  endif()
  set(target sbomop-${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE SbomOperator::sbomop ${ARG_LIBRARIES})
  set_target_properties(${target} PROPERTIES
    PREFIX "lib"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  elseif(DEFINED SBOMOP_BUILD_PLUGIN_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${SBOMOP_BUILD_PLUGIN_DIR})
  endif()
endfunction()
