list(APPEND SBOMOP_SOURCES
  src/core/Exception.cpp
  src/core/StopToken.cpp
)
