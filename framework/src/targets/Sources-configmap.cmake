# The configmap storage target: brotli-compressed SBOMs in ConfigMaps next to
# their pods.
list(APPEND SBOMOP_SOURCES
  src/targets/configmap/BrotliCodec.cpp
  src/targets/configmap/ConfigMapNaming.cpp
  src/targets/configmap/ConfigMapTarget.cpp
)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SBOMOP_BROTLI REQUIRED IMPORTED_TARGET libbrotlienc libbrotlidec)
list(APPEND SBOMOP_PRIVATE_LIBS PkgConfig::SBOMOP_BROTLI)
