list(APPEND SBOMOP_SOURCES
  src/image/GlobPattern.cpp
  src/image/ImageException.cpp
  src/image/ImageFilter.cpp
  src/image/ImageId.cpp
  src/image/ImageReference.cpp
)
