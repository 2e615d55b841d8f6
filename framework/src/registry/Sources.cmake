list(APPEND SBOMOP_SOURCES
  src/registry/CredentialResolver.cpp
  src/registry/DockerConfig.cpp
  src/registry/RegistryCredentials.cpp
  src/registry/RegistryException.cpp
  src/registry/RegistryHost.cpp
  src/registry/RegistryProxyMap.cpp
)
