# Kubernetes client: connection configuration (kubeconfig, in-cluster),
# HTTP(S) transport, error mapping, retries and rate limiting.
# kubeconfig files are YAML: yaml-cpp is a private dependency of libsbomop.
find_package(yaml-cpp REQUIRED)
list(APPEND SBOMOP_PRIVATE_LIBS yaml-cpp)

list(APPEND SBOMOP_SOURCES
  src/kube/Backoff.cpp
  src/kube/ClusterConnection.cpp
  src/kube/ClusterConnectionLoader.cpp
  src/kube/KubeClient.cpp
  src/kube/KubeClientCancelToken.cpp
  src/kube/KubeClientClock.cpp
  src/kube/KubeClientSessionPool.cpp
  src/kube/KubeClientSettings.cpp
  src/kube/KubeClientTls.cpp
  src/kube/KubeClientTokenSource.cpp
  src/kube/KubeClientTransport.cpp
  src/kube/KubeConfigFile.cpp
  src/kube/RateLimiter.cpp
  src/kube/ResourceType.cpp
  src/kube/StatusMapper.cpp
)
