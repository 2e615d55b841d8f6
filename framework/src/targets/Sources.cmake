# Storage targets shared by in-process backends: the interface, the fan-out
# set and the SBOM format table. Each target keeps its own Sources-<name>.cmake.
list(APPEND SBOMOP_SOURCES
  src/targets/SbomFormat.cpp
  src/targets/Target.cpp
  src/targets/TargetSet.cpp
  src/targets/TargetRegistry.cpp
)
