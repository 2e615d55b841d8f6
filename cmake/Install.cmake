# Installs libsbomop, its public headers, the host, the built-in plugins and the
# CMake package (find_package(SbomOperator)) that out-of-tree plugins build against.
include(CMakePackageConfigHelpers)

install(TARGETS sbomop EXPORT SbomOperatorTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS sbom-operator RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY framework/include/sbomop DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/framework/include/sbomop/core/BuildInfo.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/sbomop/core)

install(EXPORT SbomOperatorTargets
  NAMESPACE SbomOperator::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/SbomOperator)
configure_package_config_file(cmake/SbomOperatorConfig.cmake.in
  ${PROJECT_BINARY_DIR}/SbomOperatorConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/SbomOperator
  PATH_VARS SBOMOP_INSTALL_PLUGIN_DIR)
# A minor version may change the plugin ABI, so only the same major.minor matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/SbomOperatorConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/SbomOperatorConfig.cmake
  ${PROJECT_BINARY_DIR}/SbomOperatorConfigVersion.cmake
  cmake/SbomOperatorPlugin.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/SbomOperator)
