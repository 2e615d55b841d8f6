list(APPEND SBOMOP_SOURCES
  src/kube/KubeException.cpp
  src/kube/RequestCanceller.cpp
)
