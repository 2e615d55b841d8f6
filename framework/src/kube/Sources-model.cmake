# Kubernetes object model: selectors, slim Pod/Namespace models and the
# streaming list/watch parsers.
list(APPEND SBOMOP_SOURCES
  src/kube/FieldSelector.cpp
  src/kube/JsonStreamScanner.cpp
  src/kube/LabelSelector.cpp
  src/kube/LabelSelectorParser.cpp
  src/kube/LabelValidation.cpp
  src/kube/ListReader.cpp
  src/kube/NamespaceBuilder.cpp
  src/kube/NamespaceInfo.cpp
  src/kube/ObjectBuilder.cpp
  src/kube/PodBuilder.cpp
  src/kube/PodInfo.cpp
  src/kube/SchemaHandler.cpp
  src/kube/WatchEvent.cpp
  src/kube/WatchReader.cpp
)
