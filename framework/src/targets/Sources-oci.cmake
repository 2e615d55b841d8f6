# The oci storage target: a small OCI distribution client and the target that
# pushes SBOMs as cosign-compatible artifacts.
list(APPEND SBOMOP_SOURCES
  src/targets/oci/OciAuthChallenge.cpp
  src/targets/oci/OciException.cpp
  src/targets/oci/OciRegistryClient.cpp
  src/targets/oci/OciRepository.cpp
  src/targets/oci/OciSbomArtifact.cpp
  src/targets/oci/OciTarget.cpp
)
