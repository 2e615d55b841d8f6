# The Dependency-Track storage target.
list(APPEND SBOMOP_SOURCES
  src/targets/dtrack/DtrackBomUpload.cpp
  src/targets/dtrack/DtrackClient.cpp
  src/targets/dtrack/DtrackException.cpp
  src/targets/dtrack/DtrackProject.cpp
  src/targets/dtrack/DtrackProjectNaming.cpp
  src/targets/dtrack/DtrackServerVersion.cpp
  src/targets/dtrack/DtrackSettings.cpp
  src/targets/dtrack/DtrackTarget.cpp
)
