list(APPEND SBOMOP_SOURCES
  src/core/Exception.cpp
)
